#!/usr/bin/env node
'use strict';

/**
 * npm run seed — import the curated story bundle(s) in database/seed/bundles into
 * the configured database (SQLite .tmp/data.db by default). Safe to rerun: the
 * second run creates nothing.
 */
const { bootApp, requireDist } = require('./lib/boot-app');

const main = async () => {
  const strapi = await bootApp();
  let code = 0;
  try {
    const { seedNewsroom } = requireDist('src/importer/seed.js');
    const { summaryTable } = requireDist('src/importer/run-import.js');
    const results = await seedNewsroom(strapi, (message) => console.log(message));
    console.log(`\n${summaryTable(results)}`);
    code = results.some((result) => result.status === 'refused') ? 1 : 0;
  } finally {
    await strapi.destroy();
  }
  process.exit(code);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
