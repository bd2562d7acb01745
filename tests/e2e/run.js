#!/usr/bin/env node
'use strict';

/**
 * npm run test:e2e — browser tests of the editorial workflow's admin side.
 *
 *  1. `strapi build` (server TypeScript + admin panel; skip with E2E_SKIP_BUILD=1
 *     when dist/ is already current);
 *  2. `strapi start` (NODE_ENV=production, throwaway secrets) on a fresh SQLite
 *     file in a temp dir, on a free port; SEED_ON_BOOT=true seeds the story;
 *  3. a Super Admin, an Author, two Editors and Legal through the admin API;
 *  4. Debian Chromium (playwright-core, fresh profile) runs the specs in
 *     tests/e2e/specs in order, one editorial journey; screenshots go to
 *     tests/e2e/screenshots/;
 *  5. every request the browser made must have gone to the app's own origin.
 *
 * Prints `N passed, N failed, N skipped` and exits non-zero on any failure.
 */
const fs = require('fs');
const path = require('path');
const { buildApp, startApp } = require('./lib/server');
const { createUsers, login, call } = require('./lib/admin-api');
const { launch, foreignRequests, screenshot } = require('./lib/browser');
const { createHarness, summary } = require('./lib/harness');

const PEOPLE = [
  { key: 'author', firstname: 'Ada', lastname: 'Author', email: 'author@e2e.test', role: 'Author' },
  { key: 'editor1', firstname: 'Edna', lastname: 'First', email: 'editor1@e2e.test', role: 'Editor' },
  { key: 'editor2', firstname: 'Ezra', lastname: 'Second', email: 'editor2@e2e.test', role: 'Editor' },
  { key: 'legal', firstname: 'Lena', lastname: 'Legal', email: 'legal@e2e.test', role: 'Legal' },
];

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

const main = async () => {
  const started = Date.now();
  const only = process.argv.slice(2);
  const specDir = path.join(__dirname, 'specs');
  const specFiles = fs
    .readdirSync(specDir)
    .filter((file) => file.endsWith('.spec.js'))
    .filter((file) => only.length === 0 || only.some((wanted) => file.includes(wanted)))
    .sort();

  // Screenshots are this run's only.
  const shots = path.join(__dirname, 'screenshots');
  if (fs.existsSync(shots)) for (const file of fs.readdirSync(shots)) if (file.endsWith('.png')) fs.rmSync(path.join(shots, file));

  if (process.env.E2E_SKIP_BUILD === '1') {
    console.log('build: skipped (E2E_SKIP_BUILD=1)');
  } else {
    console.log('build: strapi build …');
    console.log(`build: done in ${seconds(buildApp())}`);
  }

  const app = await startApp();
  console.log(`app: listening on ${app.baseUrl} (pid ${app.pid}, database ${app.env.DATABASE_FILENAME})`);
  let browser = null;
  let results = [];
  let foreign = [];
  try {
    const { users } = await createUsers(app.baseUrl, PEOPLE);
    const adminToken = await login(app.baseUrl, users.admin.email);
    console.log(`users: ${Object.values(users).map((user) => `${user.email} (${user.role})`).join(', ')}`);

    browser = await launch();
    const harness = createHarness({
      onFailure: async (title) => {
        await screenshot(browser.page, `FAILED-${title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`, { fullPage: true });
      },
    });
    const context = {
      baseUrl: app.baseUrl,
      users,
      adminToken,
      page: browser.page,
      browserContext: browser.context,
      requests: browser.requests,
      api: (method, url, options = {}) => call(app.baseUrl, method, url, { token: adminToken, ...options }),
      apiAs: async (userKey, method, url, options = {}) =>
        call(app.baseUrl, method, url, { token: await login(app.baseUrl, users[userKey].email), ...options }),
      state: {},
      serverEnv: app.env,
      serverLogs: app.logs,
    };
    for (const file of specFiles) require(path.join(specDir, file))(harness.spec);
    results = await harness.run(context);
    foreign = foreignRequests(browser.requests, app.baseUrl);
    console.log(`\nrequests: ${browser.requests.length} made by the browser, ${foreign.length} to another host`);
    if (foreign.length > 0) {
      foreign.slice(0, 20).forEach(({ method, url }) => console.log(`  ✘ ${method} ${url}`));
      results.push({ spec: 'network', title: 'no request to another host', status: 'failed' });
    } else {
      results.push({ spec: 'network', title: 'no request to another host', status: 'passed' });
    }
  } finally {
    if (browser) await browser.close();
    if (process.env.E2E_SERVER_LOG === '1') console.log(app.logs());
    await app.stop();
  }

  const { passed, failed, skipped } = summary(results);
  const elapsed = Date.now() - started;
  console.log(`\ne2e finished in ${seconds(elapsed)}`);
  const slowest = results.filter((result) => result.ms).sort((a, b) => b.ms - a.ms)[0];
  if (elapsed > 300000 && slowest) console.log(`note: over the 5-minute budget; slowest step: "${slowest.title}" (${seconds(slowest.ms)})`);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exitCode = failed > 0 || skipped > 0 ? 1 : 0;
};

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
