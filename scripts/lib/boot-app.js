'use strict';

const path = require('path');
const { execFileSync } = require('child_process');

const appDir = path.resolve(__dirname, '../..');
const distDir = path.join(appDir, 'dist');

/** Compile the server (tsc, ~3 s) and load Strapi without an HTTP server. */
const bootApp = async ({ logLevel = 'warn' } = {}) => {
  // Tests compile once in jest's globalSetup: recompiling here would rewrite dist under running tests.
  if (process.env.NEWSROOM_SKIP_COMPILE !== 'true') execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(appDir, 'tsconfig.json')], {
    cwd: appDir,
    stdio: 'inherit',
  });
  // Seeding is explicit here; don't let bootstrap seed on its own as well.
  process.env.SEED_ON_BOOT = 'false';
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false });
  app.log.level = logLevel;
  await withSchemaLock(app, () => app.load());
  const destroy = app.destroy.bind(app);
  app.destroy = async () => {
    await settle(app);
    return destroy();
  };
  return app;
};

/**
 * Two scripts started at once on a brand-new PostgreSQL database both ran
 * Strapi's schema sync and the second crashed creating tables the first had
 * just created. Boot (which syncs the schema) holds a session advisory lock on
 * its own connection, so the second waits and then finds the schema in place.
 * SQLite serializes schema writes through its write lock and busy timeout.
 */
const SCHEMA_LOCK = 0x6e657773; // "news"
const withSchemaLock = async (app, load) => {
  const settings = app.config.get('database.connection');
  if (!settings || settings.client !== 'postgres') return load();
  const { Client } = require('pg');
  const lock = new Client(settings.connection);
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
    return await load();
  } finally {
    await lock.end().catch(() => undefined); // ending the session releases the lock
  }
};

/**
 * Wait (bounded) until no query is running or waiting for a connection.
 * Work a commit sets off (webhook and event listeners, cache stamps) can still
 * be asking the pool for a connection when a script is done; destroying the
 * pool then aborts that request and tarn's "Error: aborted" crashed the process
 * after it had printed "imported" (exit 1 on PostgreSQL).
 */
const settle = async (app, { timeoutMs = 10000, quietMs = 100 } = {}) => {
  const pool = app.db && app.db.connection && app.db.connection.client && app.db.connection.client.pool;
  if (!pool || typeof pool.numUsed !== 'function') return;
  const busy = () => pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0;
  const deadline = Date.now() + timeoutMs;
  let quietSince = busy() ? 0 : Date.now();
  while (Date.now() < deadline) {
    if (busy()) quietSince = 0;
    else if (!quietSince) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const requireDist = (relative) => require(path.join(distDir, relative));

module.exports = { bootApp, requireDist, appDir };
