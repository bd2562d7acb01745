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
 * Two scripts started at once on a brand-new database both ran Strapi's schema
 * sync and the second crashed creating tables the first had just created
 * ("table `files` already exists", on SQLite as on PostgreSQL). Boot (which
 * syncs the schema) holds a lock, so the second waits and then finds the
 * schema in place:
 *  - PostgreSQL: a session advisory lock on a connection of its own;
 *  - SQLite: an exclusive transaction on a lock file beside the database
 *    (`<file>.boot-lock`), not on the database itself, which the boot must
 *    write. SQLite's locks are the OS's file locks: a killed process releases
 *    its lock, so nothing goes stale.
 * Either way, ending the lock's connection releases it.
 */
const SCHEMA_LOCK = 0x6e657773; // "news"
const BOOT_LOCK_WAIT_MS = 180_000;

const withPostgresLock = async (connection, load) => {
  const { Client } = require('pg');
  const lock = new Client(connection);
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
    return await load();
  } finally {
    await lock.end().catch(() => undefined); // ending the session releases the lock
  }
};

const withSqliteLock = async (filename, load) => {
  const fs = require('fs');
  const Database = require('better-sqlite3');
  fs.mkdirSync(path.dirname(filename), { recursive: true });
  // `timeout` is SQLite's busy timeout: BEGIN EXCLUSIVE waits (blocking this process, which has nothing else to do yet).
  const lock = new Database(`${filename}.boot-lock`, { timeout: BOOT_LOCK_WAIT_MS });
  try {
    lock.exec('BEGIN EXCLUSIVE');
    return await load();
  } finally {
    lock.close(); // closing ends the transaction and releases the lock
  }
};

const withSchemaLock = async (app, load) => {
  const settings = app.config.get('database.connection');
  if (settings?.client === 'postgres') return withPostgresLock(settings.connection, load);
  if (settings?.client === 'sqlite' && settings.connection?.filename) return withSqliteLock(settings.connection.filename, load);
  return load();
};

const requireDist = (relative) => require(path.join(distDir, relative));

module.exports = { bootApp, requireDist, appDir };
