import type { Core } from '@strapi/strapi';

type Pool = { numUsed(): number; numPendingAcquires(): number; numPendingCreates(): number };

/**
 * Wait (bounded) until no query runs or waits for a connection, before Strapi
 * destroys the pool. Work that a commit sets off (event and webhook listeners,
 * cache stamps) can still be asking for a connection when the app stops;
 * destroying the pool then rejects that request with tarn's "Error: aborted",
 * unhandled, which crashed the process: the importer printed "imported" and
 * exited 1 on PostgreSQL, and a test process died after its last test.
 */
export const settleDatabasePool = async (strapi: Core.Strapi, { timeoutMs = 10_000, quietMs = 100 } = {}): Promise<void> => {
  const pool = (strapi.db?.connection as unknown as { client?: { pool?: Pool } } | undefined)?.client?.pool;
  if (!pool || typeof pool.numUsed !== 'function') return;
  const busy = () => pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0;
  const deadline = Date.now() + timeoutMs;
  let quietSince = 0;
  while (Date.now() < deadline) {
    if (busy()) quietSince = 0;
    else if (!quietSince) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
