/**
 * Per-connection settings for SQLite, so an importer and editors can share one
 * file (issue 13: "database is locked" for 27 of 30 stories and 7 editor 500s).
 *
 * - WAL: readers never block the writer and the writer never blocks readers.
 * - busy_timeout: a writer waits for the lock instead of failing at once
 *   (together with BEGIN IMMEDIATE in commit-failures.ts, so a transaction
 *   takes the write lock before it reads and never has to upgrade).
 * - A file that cannot be written stops boot with a sentence, not a raw
 *   SQLITE_READONLY stack.
 */
type NativeSqlite = {
  name?: string;
  pragma(source: string, options?: { simple?: boolean }): unknown;
  prepare(sql: string): { run(): unknown };
};

export type SqlitePoolOptions = { busyTimeoutMs: number };

const READ_ONLY = /SQLITE_READONLY|SQLITE_CANTOPEN|readonly database|unable to open/i;

export class ReadOnlyDatabaseError extends Error {
  constructor(filename: string, cause: unknown) {
    super(
      `The SQLite database "${filename}" cannot be written (${(cause as Error)?.message ?? cause}). ` +
        'Make the file and its folder writable by this process (SQLite also writes "-wal" and "-shm" files next to it), ' +
        'or point DATABASE_FILENAME at a writable copy.',
    );
    this.name = 'ReadOnlyDatabaseError';
  }
}

export const sqliteAfterCreate =
  (filename: string, { busyTimeoutMs }: SqlitePoolOptions) =>
  (connection: NativeSqlite, done: (error: Error | null, connection: NativeSqlite) => void): void => {
    try {
      connection.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
      connection.pragma('journal_mode = WAL');
      // Prove the file takes writes now, at boot, rather than at the first save: rewrite a header
      // field with its own value and roll back (BEGIN IMMEDIATE alone succeeds on a read-only file).
      const version = Number(connection.pragma('user_version', { simple: true })) || 0;
      connection.prepare('BEGIN IMMEDIATE').run();
      try {
        connection.pragma(`user_version = ${version}`);
      } finally {
        connection.prepare('ROLLBACK').run();
      }
      done(null, connection);
    } catch (error) {
      done(READ_ONLY.test(`${(error as { code?: string }).code ?? ''} ${(error as Error).message}`) ? new ReadOnlyDatabaseError(filename, error) : (error as Error), connection);
    }
  };
