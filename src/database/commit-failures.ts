import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * A failed COMMIT must fail the write that asked for it.
 *
 * Why this exists (knex 3.0.1 + @strapi/database 5.54, note for upstream):
 * Strapi's `db.transaction()` opens a knex transaction without a container
 * (`knex.transaction()`) and later calls `trx.commit()`. In that mode knex's
 * `Transaction#query` catches a failing `COMMIT`, hands the error to the
 * transaction's internal execution promise (which nobody awaits) and RESOLVES
 * `commit()`. Strapi then reports success for a transaction the database
 * refused (disk full, read-only file, a deferred constraint). Worse, on SQLite
 * a failed COMMIT can leave the transaction open on the connection, which knex
 * puts back in the pool: the next writer's statements would join it.
 *
 * The fix sits at the one boundary the app owns, the knex client Strapi
 * created: every top-level transaction it starts gets a COMMIT that
 *   1. rolls back on the same connection before knex releases it, and
 *   2. rejects with a CommitFailedError, so `strapi.db.transaction()` throws
 *      (the importer exits non-zero, an HTTP request answers 5xx).
 * On SQLite it also begins write transactions with BEGIN IMMEDIATE: the write
 * lock is taken up front, so the busy timeout applies instead of an immediate
 * "database is locked" when a reader has to upgrade (see config/database.ts).
 */
export class CommitFailedError extends Error {
  readonly cause: unknown;
  // Answered as 503 with this message (an HttpError to Strapi's error middleware): nothing was saved, retrying may work.
  readonly status = 503;
  readonly statusCode = 503;
  readonly expose = true;

  constructor(cause: unknown) {
    const reason = (cause as { message?: string } | undefined)?.message ?? String(cause);
    super(`The database refused to commit the transaction, nothing of it was saved: ${reason}`);
    this.name = 'CommitFailedError';
    this.cause = cause;
  }
}

Object.setPrototypeOf(CommitFailedError.prototype, (errors.HttpError as unknown as { prototype: object }).prototype);

type Connection = unknown;
type KnexClient = {
  config?: { client?: unknown };
  query(connection: Connection, sql: string): Promise<unknown>;
  transaction(container: unknown, config: unknown, outerTx: unknown): KnexTransaction;
  __newsroomCommitGuard?: true;
};
/** The parts of knex 3.0.1's `Transaction` (lib/execution/transaction.js) this guard relies on. */
type KnexTransaction = {
  client: KnexClient;
  trxClient: KnexClient;
  _completed: boolean;
  _resolver(value: unknown): void;
  _rejecter(error: unknown): void;
  query(connection: Connection, sql: string, status?: number, value?: unknown): Promise<unknown>;
};

const COMMIT = /^\s*COMMIT\b/i;
const BEGIN = /^\s*BEGIN\s*;?\s*$/i;

const rollBackQuietly = async (client: KnexClient, connection: Connection) => {
  try {
    // The root client, not the transaction's: knex refuses queries on a completed transaction.
    await client.query(connection, 'ROLLBACK;');
  } catch {
    // Nothing left to roll back (PostgreSQL ends a failed COMMIT's transaction itself).
  }
};

const guardTransaction = (trx: KnexTransaction, sqlite: boolean, log: (message: string) => void) => {
  const query = trx.query;
  trx.query = function guardedQuery(this: KnexTransaction, connection, sql, status, value) {
    if (sqlite && BEGIN.test(sql)) return query.call(this, connection, 'BEGIN IMMEDIATE;', status, value);
    if (status !== 1 || !COMMIT.test(sql)) return query.call(this, connection, sql, status, value);
    // knex's own COMMIT path, except that a failure rolls back, rejects, and is never swallowed.
    const attempt = this.trxClient.query(connection, sql);
    this._completed = true;
    return attempt.then(
      (result) => {
        this._resolver(value);
        return result;
      },
      async (error: unknown) => {
        await rollBackQuietly(this.client, connection);
        const failure = new CommitFailedError(error);
        log(failure.message);
        this._rejecter(failure);
        throw failure;
      },
    );
  };
};

/** Install the guard on the app's knex client (once, at register). */
export const surfaceCommitFailures = (strapi: Core.Strapi): void => {
  const client = (strapi.db.connection as unknown as { client: KnexClient }).client;
  if (client.__newsroomCommitGuard) return;
  const sqlite = strapi.db.dialect.client === 'sqlite';
  const log = (message: string) => strapi.log.error(message);
  const createTransaction = client.transaction;
  client.transaction = function guardedTransaction(this: KnexClient, container, config, outerTx) {
    const trx = createTransaction.call(this, container, config, outerTx);
    // Savepoints (nested knex transactions) release into their parent; the parent's COMMIT is the one that counts.
    if (!outerTx) guardTransaction(trx, sqlite, log);
    return trx;
  };
  client.__newsroomCommitGuard = true;
};
