'use strict';
/* global fetch */

/**
 * The app under test: built once (`strapi build`: server TypeScript + admin),
 * started with `strapi start` in production mode on a fresh SQLite file in a
 * temp dir, on a free port, with explicit throwaway secrets.
 */
const fs = require('fs');
const os = require('os');
const net = require('net');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const appDir = path.resolve(__dirname, '../../..');
const strapiBin = path.join(appDir, 'node_modules', '.bin', 'strapi');

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const testSecrets = {
  APP_KEYS: 'e2e-key-one-not-secret,e2e-key-two-not-secret',
  API_TOKEN_SALT: 'e2e-api-token-salt-not-secret',
  ADMIN_JWT_SECRET: 'e2e-admin-jwt-secret-not-secret',
  TRANSFER_TOKEN_SALT: 'e2e-transfer-token-salt-not-secret',
  JWT_SECRET: 'e2e-jwt-secret-not-secret',
  ENCRYPTION_KEY: 'e2e-encryption-key-not-secret-32b',
};

/** `strapi build` (≈ 50 s). Throws with the build's output when it fails. */
const buildApp = () => {
  const started = Date.now();
  const result = spawnSync(process.execPath, [strapiBin, 'build'], {
    cwd: appDir,
    // The build loads the app's config, which refuses to run in production without secrets.
    env: { ...process.env, ...testSecrets, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    throw new Error(`strapi build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return Date.now() - started;
};


/** Environment of the app under test (also used for the seed script). */
const appEnv = ({ port, dbFile }) => ({
  ...process.env,
  ...testSecrets,
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: String(port),
  PUBLIC_URL: '',
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: dbFile,
  SEED_ON_BOOT: 'true',
  STRAPI_TELEMETRY_DISABLED: 'true',
  STRAPI_STARTUP_LOG: 'false',
  BROWSER: 'none',
  // The journey signs the same editors in more often than Strapi's 5 logins / 5 min allow a real person.
  ADMIN_LOGIN_RATE_LIMIT_MAX: '200',
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const waitForHealth = async (baseUrl, child, timeoutMs) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`strapi start exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/_health`);
      if (response.status === 204 || response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`the app did not answer ${baseUrl}/_health within ${timeoutMs} ms`);
};

/**
 * Start the built app. Returns { baseUrl, stop(), logs() }. The database lives
 * in a fresh temp dir removed by stop().
 */
const startApp = async ({ timeoutMs = Number(process.env.E2E_START_TIMEOUT_MS) || 300000 } = {}) => {
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-'));
  const port = await freePort();
  const env = appEnv({ port, dbFile: path.join(tmpDir, 'data.db') });
  const baseUrl = `http://127.0.0.1:${port}`;
  const output = [];
  const child = spawn(process.execPath, [strapiBin, 'start'], { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const collect = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 2000) output.splice(0, output.length - 2000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      const exited = await Promise.race([new Promise((resolve) => child.once('exit', () => resolve(true))), sleep(8000).then(() => false)]);
      if (!exited) child.kill('SIGKILL');
    }
    fs.rmSync(tmpDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, timeoutMs);
  } catch (error) {
    await stop();
    error.message += `\n--- server output ---\n${output.join('').slice(-6000)}`;
    throw error;
  }
  return { baseUrl, port, env, tmpDir, pid: child.pid, stop, logs: () => output.join('') };
};

module.exports = { appDir, buildApp, startApp, freePort, sleep, testSecrets };
