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
  return app;
};

const requireDist = (relative) => require(path.join(distDir, relative));

module.exports = { bootApp, requireDist, appDir };
