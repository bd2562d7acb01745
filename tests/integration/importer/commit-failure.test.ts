import path from 'path';
import { spawnSync } from 'child_process';
import { startApp, type TestApp } from '../../helpers/strapi';
import { installCommitFault, removeCommitFault } from '../../helpers/faults';

/**
 * A story the database refuses to COMMIT is reported as refused: the importer
 * exits non-zero and never prints "imported" for it (issue 13, "A failed
 * COMMIT is reported as success"). The importer runs as the real CLI, in its
 * own process, on the test's database.
 */
const ROOT = path.resolve(__dirname, '../../..');
const BUNDLE = path.join(ROOT, 'database/seed/bundles/china-surveillance-export.json');

let app: TestApp;

beforeAll(async () => {
  app = await startApp();
}, 300_000);
afterAll(async () => {
  await app?.stop();
});

const runImporter = () =>
  spawnSync(process.execPath, [path.join(ROOT, 'scripts/import.js'), BUNDLE], {
    cwd: ROOT,
    env: { ...process.env, ...app.db.env, NODE_ENV: 'test', NEWSROOM_SKIP_COMPILE: 'true', STRAPI_STARTUP_LOG: 'false' },
    encoding: 'utf8',
    timeout: 120_000,
  });

const articles = () => app.strapi.db.query('api::article.article').count();

describe('Given a database that refuses to commit a new article', () => {
  beforeAll(() => installCommitFault(app.strapi, 'articles'));

  it('When the importer runs, Then it exits non-zero, reports the story refused with the commit error, and the database holds nothing of it', async () => {
    const run = runImporter();
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(/\bimported\b/);
    expect(run.stdout).toMatch(/refused/);
    expect(run.stderr).toMatch(/refused to commit/);
    expect(await articles()).toBe(0);
    expect(await app.strapi.db.query('api::quote.quote').count()).toBe(0);
  });

  it('When the fault is gone, Then the same importer imports the story and exits 0', async () => {
    await removeCommitFault(app.strapi, 'articles');
    const run = runImporter();
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
    expect(run.stdout).toMatch(/\bimported\b/);
    expect(await articles()).toBe(1);
  });
});
