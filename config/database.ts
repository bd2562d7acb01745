import path from 'path';
import { sqliteAfterCreate } from '../src/database/sqlite-connection';

/**
 * SQLite file by default (zero setup); PostgreSQL with DATABASE_CLIENT=postgres
 * and either DATABASE_URL or the discrete host/port/name/user/password variables.
 */
export default ({ env }: { env: any }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  if (client === 'postgres') {
    const url = env('DATABASE_URL');
    return {
      connection: {
        client: 'postgres',
        connection: url
          ? { connectionString: url, ssl: env.bool('DATABASE_SSL', false) }
          : {
              host: env('DATABASE_HOST', '127.0.0.1'),
              port: env.int('DATABASE_PORT', 5432),
              database: env('DATABASE_NAME', 'newsroom'),
              user: env('DATABASE_USERNAME', 'postgres'),
              password: env('DATABASE_PASSWORD', ''),
              ssl: env.bool('DATABASE_SSL', false),
              schema: env('DATABASE_SCHEMA', 'public'),
            },
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }

  if (client !== 'sqlite') {
    throw new Error(`Unsupported DATABASE_CLIENT "${client}": use "sqlite" (default) or "postgres".`);
  }

  const filename = path.resolve(process.cwd(), env('DATABASE_FILENAME', '.tmp/data.db'));
  return {
    connection: {
      client: 'sqlite',
      connection: { filename },
      useNullAsDefault: true,
      // WAL + busy timeout: an importer and editors can share the file (src/database/sqlite-connection.ts).
      pool: { afterCreate: sqliteAfterCreate(filename, { busyTimeoutMs: env.int('DATABASE_BUSY_TIMEOUT', 15000) }) },
    },
  };
};
