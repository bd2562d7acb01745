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

const requireDist = (relative) => require(path.join(distDir, relative));

module.exports = { bootApp, requireDist, appDir };
