'use strict';

/**
 * Strapi's generated content types, from the compiled app (dist/), into
 * <root>/types/generated (default: the app itself). What `strapi ts:generate-types`
 * does, minus its own compile step — so a test can check the committed files
 * while other test files are reading dist/. Usage:
 *   node scripts/generate-types.js [root]
 */
const path = require('path');
const { createStrapi } = require('@strapi/strapi');
const { generators } = require('@strapi/typescript-utils');

const appDir = path.resolve(__dirname, '..');

const main = async () => {
  const root = path.resolve(process.argv[2] ?? appDir);
  const app = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).register();
  app.log.level = 'error';
  await generators.generate({ strapi: app, pwd: root, logger: { silent: true }, artifacts: { contentTypes: true, components: true } });
  await app.destroy();
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
