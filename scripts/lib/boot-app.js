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
  await app.load();
  const destroy = app.destroy.bind(app);
  app.destroy = async () => {
    await settle(app);
    return destroy();
  };
  return app;
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
