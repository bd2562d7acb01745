import fs from 'fs';
import os from 'os';
import path from 'path';
import { ReadOnlyDatabaseError, sqliteAfterCreate } from '../../../src/database/sqlite-connection';

/**
 * Each SQLite connection: WAL, a busy timeout, and a database that cannot be
 * written refused with a sentence (issue 13: a raw SQLITE_READONLY stack at boot).
 */
type Connection = { exec(sql: string): void; close(): void; pragma(source: string, options?: { simple?: boolean }): unknown };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (file: string, options?: { readonly?: boolean }) => Connection;

let dir: string;
let file: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-sqlite-'));
  file = path.join(dir, 'data.db');
  const db = new Database(file);
  db.exec('CREATE TABLE t (a)');
  db.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const connect = (connection: Connection) =>
  new Promise<{ error: Error | null }>((resolve) =>
    sqliteAfterCreate(file, { busyTimeoutMs: 1234 })(connection as never, (error) => resolve({ error })),
  );

it('Given a writable file, Then the connection is in WAL mode with the configured busy timeout', async () => {
  const connection = new Database(file);
  try {
    expect((await connect(connection)).error).toBeNull();
    expect(connection.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(connection.pragma('busy_timeout', { simple: true })).toBe(1234);
  } finally {
    connection.close();
  }
});

it('Given a database that can only be read, Then the connection is refused with a clear error naming the file', async () => {
  const connection = new Database(file, { readonly: true });
  try {
    const { error } = await connect(connection);
    expect(error).toBeInstanceOf(ReadOnlyDatabaseError);
    expect(error?.message).toContain(`"${file}" cannot be written`);
    expect(error?.message).toMatch(/writable/);
  } finally {
    connection.close();
  }
});
