import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { MAX_KEYS_PER_CHECK, newestSeqOf, VERSION_TABLE } from './content-version';

/**
 * The response cache's validity check (`newestSeqOf`), run on every cache hit.
 *
 * Through knex a hit's one statement costs a pool acquire, a fresh `prepare`
 * (knex's better-sqlite3 client prepares every query) and several promise
 * hops — a fifth of a warm page hit's CPU in a profile. On SQLite the check
 * runs instead on a read-only connection of its own with one prepared
 * statement per key count, and an answer is kept until `PRAGMA data_version`
 * says the database changed (below). In WAL mode (src/database/sqlite-connection.ts)
 * each statement reads a snapshot of everything committed when it starts, by
 * this process or any other — what the knex pool's connection sees for a
 * statement of its own (the check never ran in a caller's transaction). On
 * PostgreSQL it runs on a client of its own too, as a named prepared
 * statement (parsed and planned once; PG_CHECK): autocommit READ
 * COMMITTED, like a pool connection. If that client fails, the check falls
 * back to knex and the client is opened again on the next check. An
 * in-memory SQLite database keeps the check on knex.
 *
 * Its statements are still reported as knex `query` events, so what counts the
 * app's statements (tests, the bench's `x-bench-sql`) still counts them.
 */
export type VersionReader = { newest: (keys: readonly string[]) => Promise<number>; close: () => Promise<void> };

type Statement = { get: (...bindings: string[]) => unknown };
type NativeDatabase = { prepare: (sql: string) => Statement; close: () => void };
type OpenDatabase = new (filename: string, options: { readonly: boolean; fileMustExist: boolean }) => NativeDatabase;

/** knex's own driver (no type package is installed for it; this is the little used here). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const openDatabase = (filename: string): NativeDatabase => new (require('better-sqlite3') as OpenDatabase)(filename, { readonly: true, fileMustExist: true });

/**
 * PostgreSQL's check: one index probe per key, whatever the table's size. `version_key IN (…)` let the
 * planner choose a sequential scan of a small table (a thousand rows at the bench's 1× corpus), comparing
 * every row with every key: 2.3× the server's work per check (≈ 430 against ≈ 190 µs, measured beside a
 * trivial statement on the same client). One statement for every key count.
 */
const PG_CHECK = `SELECT MAX((SELECT seq FROM ${VERSION_TABLE} WHERE version_key = k)) AS seq FROM unnest($1::text[]) AS k`;

type PgClient = {
  connect: () => Promise<void>;
  query: (query: { name: string; text: string; values: readonly unknown[] } | string) => Promise<{ rows: { seq: string | number | null }[] }>;
  end: () => Promise<void>;
  on: (event: 'error', listener: (error: Error) => void) => void;
};
/** The PostgreSQL client's application_name. */
export const READER_NAME = 'newsroom-cache-check';

type PgDriver = { Client: new (settings: unknown) => PgClient };

const pgReader = (strapi: Core.Strapi, knex: () => Knex, throughKnex: (keys: readonly string[]) => Promise<number>): VersionReader => {
  const { client } = knex() as unknown as { client: { driver: PgDriver; connectionSettings: unknown } };
  let connection: Promise<PgClient> | null = null;
  /** Settles when the query last sent on the client has. */
  let running: Promise<void> = Promise.resolve();
  const open = (): Promise<PgClient> => {
    // named, so an operator can tell it apart in pg_stat_activity
    const pg = new client.driver.Client({ ...(client.connectionSettings as object), application_name: READER_NAME });
    const opened = (async () => {
      await pg.connect();
      // as Strapi's PostgreSQL dialect does for each pool connection
      const schema = strapi.db.getSchemaName();
      if (schema) await pg.query(`SET search_path TO "${schema}"`);
      return pg;
    })();
    pg.on('error', () => {
      if (connection === opened) connection = null;
    });
    connection = opened;
    opened.catch(() => {
      if (connection === opened) connection = null;
    });
    return opened;
  };
  return {
    async newest(keys) {
      if (!keys.length || keys.length > MAX_KEYS_PER_CHECK) return throughKnex(keys);
      let pg: PgClient | null = null;
      try {
        pg = await (connection ?? open());
        // One query at a time on the client: checks of different pages arrive together, and pg 8 only queues a
        // query sent while another runs as a deprecated courtesy (removed in pg 9).
        const previous = running;
        let done = () => {};
        running = new Promise<void>((resolve) => (done = resolve));
        await previous;
        const { rows } = await pg.query({ name: 'newsroom_newest_seq', text: PG_CHECK, values: [keys] }).finally(done);
        knex().emit('query', { sql: PG_CHECK, bindings: [keys], method: 'raw' });
        return Number(rows[0]?.seq ?? 0);
      } catch {
        // a lost connection: this check through the pool, a new client next time
        connection = null;
        pg?.end().catch(() => {});
        return throughKnex(keys);
      }
    },
    async close() {
      const closing = connection;
      connection = null;
      await closing?.then((pg) => pg.end()).catch(() => {});
    },
  };
};

const DATA_VERSION = 'PRAGMA data_version';
/** Key sets whose answers are kept between two changes of the database (cleared, not evicted, when full). */
const MAX_ANSWERS = 5000;

const sqliteFilename = (knex: Knex): string | null => {
  const { client } = knex as unknown as { client: { driverName?: string; config?: { connection?: { filename?: string } } } };
  const filename = client.driverName === 'better-sqlite3' ? client.config?.connection?.filename : undefined;
  return filename && filename !== ':memory:' && !filename.startsWith('file:') ? filename : null;
};

export const createVersionReader = (strapi: Core.Strapi): VersionReader => {
  const knex = () => strapi.db.connection as unknown as Knex;
  const throughKnex = (keys: readonly string[]) => newestSeqOf(knex(), keys);
  if ((knex() as unknown as { client: { driverName?: string } }).client.driverName === 'pg') return pgReader(strapi, knex, throughKnex);
  const filename = sqliteFilename(knex());
  if (!filename) return { newest: throughKnex, close: async () => {} };

  let db: NativeDatabase | null = null;
  let dataVersion: Statement | null = null;
  const statements = new Map<number, { sql: string; statement: Statement }>();
  /*
   * The answers given since the database last changed, by key set. `PRAGMA data_version` on this connection
   * changes whenever any other connection (the app's pool, another process) commits, and this connection
   * never writes: while it reads the same value, every key set's answer is the one already read. The pragma
   * runs before any statement whose answer is kept, so a kept answer is never older than the version it is
   * kept under. A warm page hit then costs one pragma (≈ 1 µs) instead of a search of its 30 keys
   * (≈ 50 µs in the app, a fifth of the hit's CPU).
   */
  const answers = new Map<string, number>();
  let answersVersion: unknown = null;
  const drop = () => {
    try {
      db?.close();
    } catch {
      // already unusable
    }
    db = null;
    dataVersion = null;
    statements.clear();
    answers.clear();
    answersVersion = null;
  };
  const prepared = (count: number) => {
    let entry = statements.get(count);
    if (!entry) {
      db ??= openDatabase(filename);
      const sql = `SELECT MAX(seq) AS seq FROM ${VERSION_TABLE} WHERE version_key IN (${new Array(count).fill('?').join(', ')})`;
      entry = { sql, statement: db.prepare(sql) };
      statements.set(count, entry);
    }
    return entry;
  };
  const currentVersion = (): unknown => {
    db ??= openDatabase(filename);
    dataVersion ??= db.prepare(DATA_VERSION);
    return (dataVersion.get() as { data_version: unknown }).data_version;
  };

  return {
    async newest(keys) {
      // newestSeqOf handles the empty and the very large key sets (the global counter instead).
      if (!keys.length || keys.length > MAX_KEYS_PER_CHECK) return throughKnex(keys);
      const id = keys.join('\u0000');
      let seq: number;
      let sql: string | null = null;
      try {
        const version = currentVersion();
        if (version !== answersVersion) {
          answers.clear();
          answersVersion = version;
        }
        const known = answers.get(id);
        if (known === undefined) {
          const entry = prepared(keys.length);
          sql = entry.sql;
          const row = entry.statement.get(...keys) as { seq: number | bigint | null } | undefined;
          seq = Number(row?.seq ?? 0);
          if (answers.size >= MAX_ANSWERS) answers.clear();
          answers.set(id, seq);
        } else seq = known;
      } catch {
        // the file could not be opened read-only, or a statement failed: this check through the pool, a new connection next time
        drop();
        return throughKnex(keys);
      }
      knex().emit('query', { sql: DATA_VERSION, bindings: [], method: 'raw' });
      if (sql) knex().emit('query', { sql, bindings: [...keys], method: 'raw' });
      return seq;
    },
    async close() {
      drop();
    },
  };
};
