import path from 'path';
import { spawn, type ChildProcess } from 'child_process';
import request from 'supertest';
import { startApp, type TestApp } from '../../helpers/strapi';
import { republishForTest } from '../../helpers/publish';
import { createArticleGraph, UIDS, type ArticleGraph } from './article-graph';

/**
 * Two app instances on one PostgreSQL database: this jest process (A) and a
 * child process (B) booting the compiled app from dist. After a publish or a
 * correction commits on either, neither serves the old version. Always on
 * PostgreSQL (a fresh database, dropped afterwards), whatever DATABASE_CLIENT says.
 */
const appDir = path.resolve(__dirname, '../../..');

const CHILD = `
const { createStrapi } = require('@strapi/strapi');
(async () => {
  const app = createStrapi({ appDir: ${JSON.stringify(appDir)}, distDir: ${JSON.stringify(path.join(appDir, 'dist'))}, autoReload: false, serveAdminPanel: false });
  app.log.level = 'warn';
  const strapi = await app.load();
  await strapi.server.mount();
  const server = strapi.server.httpServer;
  server.listen(0, '127.0.0.1', () => process.send({ type: 'ready', port: server.address().port }));
  process.on('message', async (msg) => {
    if (msg.type === 'stop') { await strapi.destroy(); process.exit(0); }
    if (msg.type !== 'republish') return;
    try {
      const write = () => strapi.documents(msg.uid).update({ documentId: msg.documentId, data: msg.data, status: 'published' });
      const workflow = strapi.plugin('editorial-workflow') && strapi.plugin('editorial-workflow').service('workflow');
      await (workflow && workflow.withGateBypass ? workflow.withGateBypass(write) : write());
      process.send({ type: 'done', id: msg.id });
    } catch (error) {
      process.send({ type: 'done', id: msg.id, error: String(error && error.message || error) });
    }
  });
})().catch((error) => { console.error(error); process.exit(1); });
`;

let a: TestApp;
let g: ArticleGraph;
let child: ChildProcess;
let childPort: number;
let childLog = '';
const savedClient = process.env.DATABASE_CLIENT;

const startChild = () =>
  new Promise<void>((resolve, reject) => {
    child = spawn(process.execPath, ['-e', CHILD], {
      cwd: appDir,
      env: { ...process.env, NODE_ENV: 'test', STRAPI_STARTUP_LOG: 'false' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.stdout!.on('data', (chunk) => (childLog += chunk));
    child.stderr!.on('data', (chunk) => (childLog += chunk));
    const timer = setTimeout(() => reject(new Error(`instance B did not start:\n${childLog}`)), 90_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`instance B exited (${code}):\n${childLog}`));
    });
    child.on('message', (msg: any) => {
      if (msg.type === 'ready') {
        clearTimeout(timer);
        childPort = msg.port;
        resolve();
      }
    });
  });

let nextId = 0;
/** A correction published on instance B (in its own process, own connection pool). */
const republishOnB = (uid: string, documentId: string, data: Record<string, unknown>) =>
  new Promise<void>((resolve, reject) => {
    const id = ++nextId;
    const onMessage = (msg: any) => {
      if (msg.type !== 'done' || msg.id !== id) return;
      child.off('message', onMessage);
      if (msg.error) reject(new Error(msg.error));
      else resolve();
    };
    child.on('message', onMessage);
    child.send({ type: 'republish', id, uid, documentId, data });
  });

beforeAll(async () => {
  process.env.DATABASE_CLIENT = 'postgres';
  a = await startApp();
  g = await createArticleGraph(a.strapi);
  await startChild();
}, 180_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.removeAllListeners('exit');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send({ type: 'stop' });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
    clearTimeout(timer);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  await a?.stop();
  if (savedClient === undefined) delete process.env.DATABASE_CLIENT;
  else process.env.DATABASE_CLIENT = savedClient;
}, 60_000);

const onA = () => a.http().get(`/api/articles/slug/${g.slug}`);
const onB = () => request(`http://127.0.0.1:${childPort}`).get(`/api/articles/slug/${g.slug}`);

it('runs both instances on the same PostgreSQL database', async () => {
  expect(a.db.client).toBe('postgres');
  const [ra, rb] = await Promise.all([onA(), onB()]);
  expect(rb.status).toBe(200);
  expect(rb.body.data.documentId).toBe(ra.body.data.documentId);
  expect(rb.headers.etag).toBe(ra.headers.etag); // same bytes, same strong validator on every origin
});

it('after a correction commits on either instance, neither serves the old version', async () => {
  for (let round = 1; round <= 6; round += 1) {
    // warm both caches with the current version
    await onA();
    await onB();
    expect((await onA()).headers['x-delivery-cache']).toBe('HIT');
    expect((await onB()).headers['x-delivery-cache']).toBe('HIT');

    const headline = `Correction round ${round}`;
    if (round % 2) await republishForTest(a.strapi, UIDS.article, g.article.documentId, { headline });
    else await republishOnB(UIDS.article, g.article.documentId, { headline });

    const [ra, rb] = [await onA(), await onB()];
    expect(ra.body.data.headline).toBe(headline);
    expect(rb.body.data.headline).toBe(headline);
    expect(ra.headers.etag).toBe(rb.headers.etag);
  }
});

it('an edit of a document shown by the article (the speaker, on B) reaches A’s cached page', async () => {
  await onA();
  expect((await onA()).headers['x-delivery-cache']).toBe('HIT');
  await republishOnB(UIDS.expert, g.speaker.documentId, { name: 'Renamed on B' });
  expect((await onA()).body.data.quotes[0].speaker.name).toBe('Renamed on B');
});

it('under concurrent reads, no read that starts after a commit sees an older version', async () => {
  const committedAt: number[] = [];
  const reads: Array<{ start: number; version: number }> = [];
  let writing = true;
  const versionOf = (headline: string) => Number(/race (\d+)/.exec(headline)?.[1] ?? 0);

  const reader = async (get: () => request.Test) => {
    while (writing) {
      const start = performance.now();
      const res = await get();
      expect(res.status).toBe(200);
      reads.push({ start, version: versionOf(res.body.data.headline) });
    }
  };
  const writer = async () => {
    for (let k = 1; k <= 8; k += 1) {
      if (k % 2) await republishForTest(a.strapi, UIDS.article, g.article.documentId, { headline: `race ${k}` });
      else await republishOnB(UIDS.article, g.article.documentId, { headline: `race ${k}` });
      committedAt[k] = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    writing = false;
  };
  await Promise.all([writer(), reader(onB), reader(onB), reader(onA)]);

  expect(reads.length).toBeGreaterThan(20);
  const stale = reads.filter((read) => {
    const mustSee = committedAt.reduce((max, at, k) => (at !== undefined && at < read.start ? Math.max(max, k) : max), 0);
    return read.version < mustSee;
  });
  expect(stale).toEqual([]);
});
