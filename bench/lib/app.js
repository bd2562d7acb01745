'use strict';

/**
 * Compile the app into a bench-private dist (so a concurrent `tsc` into ./dist
 * by someone else never swaps files under a running bench) and boot it.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const { execFileSync } = require('child_process');

const appDir = path.resolve(__dirname, '../..');
// Outside the repo: other tools wipe .tmp/, and eslint/jest must not see compiled copies.
const benchDist =
  process.env.BENCH_DIST_DIR ||
  path.join(os.tmpdir(), `newsroom-bench-dist-${crypto.createHash('sha1').update(appDir).digest('hex').slice(0, 8)}`, 'dist');

// The compiled files live outside the repo: let them resolve the app's node_modules
// (children inherit NODE_PATH through the environment).
const modulesDir = path.join(appDir, 'node_modules');
if (!(process.env.NODE_PATH ?? '').split(path.delimiter).includes(modulesDir)) {
  process.env.NODE_PATH = [modulesDir, process.env.NODE_PATH].filter(Boolean).join(path.delimiter);
  require('module').Module._initPaths();
}

/** Fixed, obviously fake secrets: production mode refuses to boot without secrets. */
const BENCH_SECRETS = {
  APP_KEYS: 'bench-key-1,bench-key-2',
  ADMIN_JWT_SECRET: 'bench-admin-jwt-secret',
  API_TOKEN_SALT: 'bench-api-token-salt',
  TRANSFER_TOKEN_SALT: 'bench-transfer-token-salt',
  ENCRYPTION_KEY: 'bench-encryption-key',
  JWT_SECRET: 'bench-jwt-secret',
};

const compile = (log = console.log) => {
  if (process.env.BENCH_SKIP_BUILD === '1' && fs.existsSync(path.join(benchDist, 'src', 'index.js'))) return benchDist;
  const started = Date.now();
  try {
    // Emit even on type errors: the bench measures the code as it is today; a type
    // error elsewhere in a busy repo should not stop it (it is reported, though).
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(appDir, 'tsconfig.json'), '--outDir', benchDist, '--noEmitOnError', 'false'], {
      cwd: appDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const out = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim();
    if (!fs.existsSync(path.join(benchDist, 'src', 'index.js'))) throw new Error(`tsc produced no output:\n${out}`);
    log(`bench: WARNING tsc reported errors (emitted anyway):\n${out.split('\n').slice(0, 10).join('\n')}`);
  }
  log(`bench: compiled app into ${benchDist} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return benchDist;
};

/**
 * The environment that points the app at one database: a SQLite file, or a
 * PostgreSQL database (config/database.ts reads DATABASE_CLIENT and the discrete
 * DATABASE_HOST/PORT/NAME/USERNAME/PASSWORD; DATABASE_URL is blanked so an
 * inherited one never wins).
 */
const sqliteEnv = (filename) => ({ DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename });
const postgresEnv = ({ host, port, database, user, password }) => ({
  DATABASE_CLIENT: 'postgres',
  DATABASE_URL: '',
  DATABASE_HOST: host,
  DATABASE_PORT: String(port),
  DATABASE_NAME: database,
  DATABASE_USERNAME: user,
  DATABASE_PASSWORD: password,
  DATABASE_SSL: 'false',
});

/** Load Strapi in this process (no HTTP listener) on the database `dbEnv` names (or the SQLite file `dbFile`). */
const loadStrapi = async ({ dbFile, dbEnv = sqliteEnv(dbFile), env = {}, logLevel = 'error' }) => {
  Object.assign(process.env, BENCH_SECRETS, dbEnv, {
    SEED_ON_BOOT: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_STARTUP_LOG: 'false',
  }, env);
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir, distDir: benchDist, autoReload: false, serveAdminPanel: false });
  app.log.level = logLevel;
  await app.load();
  return app;
};

const requireDist = (relative) => require(path.join(benchDist, relative));

module.exports = { appDir, benchDist, BENCH_SECRETS, compile, loadStrapi, requireDist, sqliteEnv, postgresEnv };
