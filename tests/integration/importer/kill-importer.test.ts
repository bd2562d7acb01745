import fs from 'fs';
import os from 'os';
import path from 'path';
import { createHash } from 'crypto';
import { spawn } from 'child_process';
import type { Core } from '@strapi/strapi';
import { startApp, type TestApp } from '../../helpers/strapi';

/**
 * kill -9 of the importer at 10 random points, then a rerun, leaves exactly
 * what a clean import leaves: the same row counts and the same content (issue
 * 10, "Faults"). The importer is the real CLI in its own process; each story
 * is one transaction, so a kill can only lose whole stories, which the rerun
 * then imports.
 */
const ROOT = path.resolve(__dirname, '../../..');
const STORIES = 3;
const KILLS = 10;
const TYPES = ['api::article.article', 'api::quote.quote', 'api::expert.expert', 'api::organization.organization', 'api::sanction-record.sanction-record'];
const PLUGIN_TYPES = ['plugin::editorial-workflow.note', 'plugin::editorial-workflow.workflow-state', 'plugin::editorial-workflow.history'];

let app: TestApp;
let scratch: string;

beforeAll(async () => {
  app = await startApp({ EDITORIAL_WORKFLOW_SCHEDULER: 'false' });
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-kill-'));
  const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'database/seed/bundles/china-surveillance-export.json'), 'utf8'));
  for (let n = 1; n <= STORIES; n += 1) {
    const story = structuredClone(bundle);
    story.article.uri = `${bundle.article.uri}-${n}`;
    story.article.slug = `${bundle.article.slug}-${n}`;
    story.article.headline = `${bundle.article.headline} (${n})`;
    fs.writeFileSync(path.join(scratch, `story-${n}.json`), JSON.stringify(story));
  }
}, 300_000);
afterAll(async () => {
  await app?.stop();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

/** Run the importer CLI; kill it with SIGKILL after `killAfterMs` (if it is still running). */
const runImporter = (killAfterMs?: number) =>
  new Promise<{ status: number | null; signal: string | null; stdout: string; ms: number }>((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/import.js'), scratch], {
      cwd: ROOT,
      env: { ...process.env, ...app.db.env, NODE_ENV: 'test', NEWSROOM_SKIP_COMPILE: 'true', STRAPI_STARTUP_LOG: 'false' },
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.resume();
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, ms: Date.now() - started });
    });
  });

const VOLATILE = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);
const stable = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !VOLATILE.has(key))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, item]) => [key, stable(item)]),
    );
  }
  return value;
};
const byJson = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));

/** Row counts and a hash of the stored content, without ids or timestamps. */
const snapshot = async (strapi: Core.Strapi) => {
  const counts: Record<string, number> = {};
  for (const uid of [...TYPES, ...PLUGIN_TYPES]) counts[uid] = await strapi.db.query(uid as never).count();
  counts.organizationKeys = Number((await strapi.db.connection('newsroom_organization_keys').count({ n: '*' }).first())?.n ?? 0);
  const docs = (uid: string, populate: unknown) => strapi.documents(uid as never).findMany({ status: 'draft', populate, limit: 10_000 } as never) as Promise<unknown[]>;
  const content = {
    articles: await docs(TYPES[0], {
      credits: { populate: { organization: { fields: ['slug'] } } },
      leadImage: true,
      subjects: true,
      people: { fields: ['slug'] },
      organizations: { fields: ['slug'] },
      sanctionRecords: { fields: ['program', 'startDate'] },
      sourceAgency: { fields: ['slug'] },
    }),
    quotes: await docs(TYPES[1], { article: { fields: ['uri'] }, speaker: { fields: ['slug'] }, speakerOrganization: { fields: ['slug'] } }),
    experts: await docs(TYPES[2], { affiliation: { fields: ['slug'] } }),
    organizations: await docs(TYPES[3], { parentOrganization: { fields: ['slug'] } }),
    sanctions: await docs(TYPES[4], { organization: { fields: ['slug'] }, authority: { fields: ['slug'] } }),
  };
  const sorted = Object.fromEntries(Object.entries(content).map(([kind, list]) => [kind, (stable(list) as unknown[]).sort(byJson)]));
  return { counts, hash: createHash('sha256').update(JSON.stringify(sorted)).digest('hex') };
};

const resetContent = async (strapi: Core.Strapi) => {
  for (const uid of [...TYPES, ...PLUGIN_TYPES]) await strapi.db.query(uid as never).deleteMany({});
  await strapi.db.connection('newsroom_organization_keys').delete();
};

it(`after ${KILLS} kill -9 at random points and a rerun, counts and content equal a clean import`, async () => {
  // A clean import first: its duration bounds where the kills land; its result is the reference.
  const clean = await runImporter();
  expect(clean.status).toBe(0);
  const reference = await snapshot(app.strapi);
  expect(reference.counts['api::article.article']).toBe(STORIES);
  await resetContent(app.strapi);

  const points: number[] = [];
  for (let k = 0; k < KILLS; k += 1) {
    const at = Math.round(clean.ms * (0.3 + 0.7 * Math.random()));
    points.push(at);
    const run = await runImporter(at);
    // Killed, or finished before the kill: never a crash of its own.
    expect(run.signal === 'SIGKILL' || run.status === 0).toBe(true);
  }

  const rerun = await runImporter();
  expect({ status: rerun.status, points }).toEqual({ status: 0, points });
  expect(rerun.stdout.split('\n').filter((line) => /\bimported\b/.test(line))).toHaveLength(STORIES);
  expect(await snapshot(app.strapi)).toEqual(reference);
}, 900_000);
