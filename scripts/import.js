#!/usr/bin/env node
'use strict';

/**
 * npm run import -- [--dry-run] [--retrieved-at <date>] <file or folder>...
 * Raw .txt stories are parsed, .json bundles validated; stories import in
 * batches of --batch per transaction, each story still all or nothing.
 * Exit 0: all imported; 1: some refused; 2: usage.
 */
const { parseArgs, TextDecoder } = require('util');

const USAGE = `usage: npm run import -- [--dry-run] [--retrieved-at <ISO date>] [--max-bytes N] [--encoding NAME] [--batch N] <file or folder>...

  <file or folder>     .html saved pages, .txt scraped stories and/or .json story bundles (folders are walked)
  --dry-run            import inside a transaction that is rolled back; print the plan
  --retrieved-at DATE  when the pages were retrieved (ISO 8601, e.g. 2026-11-26T09:00:00Z): resolves relative dates
  --max-bytes N        refuse files larger than N bytes (default: IMPORT_MAX_BYTES or 2097152), checked before reading
  --encoding NAME      decode inputs as NAME (e.g. latin1) instead of refusing what is not valid UTF-8
  --batch N            stories per transaction (default 10; 1 = one each); a refused story still leaves nothing
  -h, --help           this text

exit codes: 0 all imported, 1 some stories refused, 2 usage error`;

const usage = (message) => {
  if (message) console.error(`import: ${message}\n`);
  console.error(USAGE);
  process.exit(2);
};

const progressBar = (done, total, file) => {
  if (!process.stderr.isTTY || total < 2) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${file.slice(-40).padEnd(40)}`);
  if (done === total) process.stderr.write('\n');
};

const main = async () => {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        'retrieved-at': { type: 'string' },
        'max-bytes': { type: 'string' },
        encoding: { type: 'string' },
        batch: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usage(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!positionals.length) return usage('name at least one file or folder');
  const retrievedAt = values['retrieved-at'];
  // a calendar date at least (Date.parse alone accepts "1" as the year 2001)
  const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
  if (retrievedAt !== undefined && (!ISO.test(retrievedAt.trim()) || Number.isNaN(Date.parse(retrievedAt)))) {
    return usage(`--retrieved-at "${retrievedAt}" is not an ISO 8601 date (e.g. 2026-11-26 or 2026-11-26T09:00:00Z)`);
  }
  const maxBytesText = values['max-bytes'];
  const maxBytes = maxBytesText === undefined ? undefined : Number(maxBytesText);
  if (maxBytes !== undefined && (!/^\d+$/.test(maxBytesText) || maxBytes <= 0)) return usage(`--max-bytes "${maxBytesText}" is not a positive whole number of bytes`);
  const batchText = values.batch;
  const batchSize = batchText === undefined ? undefined : Number(batchText);
  if (batchSize !== undefined && (!/^\d+$/.test(batchText) || batchSize < 1 || batchSize > 1000)) return usage(`--batch "${batchText}" is not a whole number of stories from 1 to 1000`);
  const encoding = values.encoding;
  if (encoding !== undefined) {
    try {
      new TextDecoder(encoding);
    } catch {
      return usage(`--encoding "${encoding}" is not an encoding this Node.js can decode`);
    }
  }

  const fs = require('fs');
  const missing = positionals.filter((input) => !fs.existsSync(input));
  if (missing.length) return usage(`no such file or folder: ${missing.join(', ')}`);

  const { bootApp, requireDist } = require('./lib/boot-app');
  const strapi = await bootApp();
  let code = 0;
  try {
    const { runImport, summaryTable } = requireDist('src/importer/run-import.js');
    const results = await runImport(strapi, positionals, {
      dryRun: values['dry-run'],
      retrievedAt,
      maxBytes,
      encoding,
      batchSize,
      log: (message) => console.error(message),
      progress: progressBar,
    });
    if (values['dry-run']) console.log('dry run: nothing was written\n');
    console.log(summaryTable(results));
    for (const result of results.filter((r) => r.status === 'refused')) console.error(`\nrefused: ${result.error}`);
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
