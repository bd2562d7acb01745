import fs from 'fs';
import os from 'os';
import path from 'path';
import { Client } from 'pg';

/**
 * A fresh database per test file: a new SQLite file in its own temp dir, or a
 * new PostgreSQL database (DATABASE_CLIENT=postgres) dropped afterwards.
 */
export type TestDatabase = {
  client: 'sqlite' | 'postgres';
  env: Record<string, string>;
  drop: () => Promise<void>;
};

const pgAdminConfig = () => ({
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? 5432),
  user: process.env.DATABASE_USERNAME ?? 'postgres',
  password: process.env.DATABASE_PASSWORD ?? '',
  database: process.env.DATABASE_ADMIN_DB ?? 'postgres',
});

const uniqueName = (prefix: string) =>
  `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;

export const createTestDatabase = async (): Promise<TestDatabase> => {
  const client = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';

  if (client === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-test-'));
    return {
      client,
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }

  const admin = pgAdminConfig();
  const name = uniqueName('newsroom_test');
  const pg = new Client(admin);
  await pg.connect();
  await pg.query(`CREATE DATABASE "${name}"`);
  await pg.end();

  return {
    client,
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_URL: '',
      DATABASE_HOST: admin.host,
      DATABASE_PORT: String(admin.port),
      DATABASE_USERNAME: admin.user,
      DATABASE_PASSWORD: admin.password,
      DATABASE_NAME: name,
    },
    drop: async () => {
      const dropper = new Client(admin);
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
};
