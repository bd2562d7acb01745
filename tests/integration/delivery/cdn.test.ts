import fs from 'fs';
import http from 'http';
import path from 'path';
import zlib from 'zlib';
import type { AddressInfo } from 'net';
import { createAdmin, createApiToken } from '../../helpers/admin';
import { publishForTest, republishForTest } from '../../helpers/publish';
import { startApp, type TestApp } from '../../helpers/strapi';
import { ARTICLE, articleData, documentsOf, draftQuoteGraph, mustTransition } from '../../helpers/workflow';
import { createArticleGraph, type ArticleGraph } from './article-graph';

/**
 * Issue 11, CDN-correct responses: Vary, brotli/gzip kept in the response
 * cache, list ETag/304 and `list:article` purges, one purge event per
 * transaction with slug and path, media edits purge, immutable uploads, a
 * private-network purge relay, read-only tokens on the slug route.
 */
type Purge = { keys: string[]; uid: string; documentId: string; action: string; changes: unknown[]; pages: Array<{ documentId: string; slug: string; path: string; url: string }> };

let app: TestApp;
let g: ArticleGraph;
let relay: http.Server;
const relayed: Array<{ body: any; signature: string | undefined }> = [];
const purges: Purge[] = [];
const uploadName = `cdn-test-${process.pid}-${Date.now()}.png`;
// A 1×1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
// The app's own module instance (the app runs from dist/), to count real compressions.
const compression = async () =>
  ((await import(path.resolve(__dirname, '../../../dist/src/delivery/compression.js'))) as { compressionStats: { compressions: number } }).compressionStats;

beforeAll(async () => {
  relay = http.createServer((req, res) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => {
      relayed.push({ body: JSON.parse(data), signature: req.headers['x-newsroom-signature'] as string | undefined });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const port = (relay.address() as AddressInfo).port;
  app = await startApp({
    EDITORIAL_WORKFLOW_SCHEDULER: 'false',
    DELIVERY_PURGE_RELAYS: `http://127.0.0.1:${port}/purge`,
    DELIVERY_PURGE_RELAY_SECRET: 'relay-secret',
  });
  app.strapi.eventHub.on('delivery.purge', async (event: Purge) => {
    purges.push(event);
  });
  // Raw HTTP for the content-coding checks (supertest would decode the body).
  await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  g = await createArticleGraph(app.strapi);
});
afterAll(async () => {
  await app?.stop();
  await new Promise((resolve) => relay?.close(resolve));
  fs.rmSync(path.resolve(__dirname, '../../../public/uploads', uploadName), { force: true });
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
const purgesDuring = async (fn: () => Promise<unknown>): Promise<Purge[]> => {
  const from = purges.length;
  await fn();
  await settle();
  return purges.slice(from);
};
/** The raw bytes of a response (no automatic decoding). */
const raw = (url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> =>
  new Promise((resolve, reject) => {
    const { port } = app.strapi.server.httpServer.address() as AddressInfo;
    http
      .get({ host: '127.0.0.1', port, path: url, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string>, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
const varyOf = (res: { headers: Record<string, string> }) => res.headers.vary.split(',').map((v) => v.trim().toLowerCase());

describe('Vary and compression', () => {
  it('names every request header that changes the response, Origin included (slug route, list, feed)', async () => {
    for (const url of [`/api/articles/slug/${g.slug}`, '/api/articles', '/api/feeds/articles.rss']) {
      const res = await app.http().get(url).set('Origin', 'https://site.example');
      expect(res.status).toBe(200);
      expect(varyOf(res)).toEqual(expect.arrayContaining(['origin', 'accept-encoding']));
    }
    expect(varyOf(await app.http().get(`/api/articles/slug/${g.slug}`))).toEqual(expect.arrayContaining(['accept', 'strapi-response-format']));
  });

  it('answers Accept-Encoding: br with brotli (and gzip for gzip); a warm hit does not recompress', async () => {
    const plain = await raw(`/api/articles/slug/${g.slug}`, { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await raw(`/api/articles/slug/${g.slug}`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(plain.body.toString());
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    expect(br.headers.etag).not.toBe(plain.headers.etag);

    const gz = await raw(`/api/articles/slug/${g.slug}`, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(plain.body.toString());

    const before = (await compression()).compressions;
    const warm = await raw(`/api/articles/slug/${g.slug}`, { 'Accept-Encoding': 'br' });
    expect(warm.headers['x-delivery-cache']).toBe('HIT');
    expect(warm.headers['content-encoding']).toBe('br');
    expect((await compression()).compressions).toBe(before);
    expect((await app.http().get(`/api/articles/slug/${g.slug}`).set('Accept-Encoding', 'br').set('If-None-Match', br.headers.etag)).status).toBe(304);
  });
});

describe('lists', () => {
  it('carry Cache-Control, a strong ETag (304) and list:article; a publication purges list:article and the list changes', async () => {
    const first = await app.http().get('/api/articles?fields[0]=headline');
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    expect(first.headers.etag).toMatch(/^"[\w-]{20,}"$/);
    expect(first.headers['cache-tag'].split(',')).toEqual(expect.arrayContaining(['list:article', `article:${g.article.documentId}`]));
    const again = await app.http().get('/api/articles?fields[0]=headline').set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);

    let created: { documentId: string; slug: string } | undefined;
    const events = await purgesDuring(async () => {
      created = (await publishForTest(app.strapi, ARTICLE, articleData({ datePublished: new Date().toISOString() }))) as any;
    });
    expect(events).toHaveLength(1);
    expect(events[0].keys).toContain('list:article');
    const after = await app.http().get('/api/articles?fields[0]=headline').set('If-None-Match', first.headers.etag);
    expect(after.status).toBe(200);
    expect(after.body.data[0].documentId).toBe(created?.documentId);
  });
});

describe('purges', () => {
  it('a workflow publication (article, quote, expert, organization) fires ONE purge event with every key, slug and path', async () => {
    const editorA = await createAdmin(app, ['Editor'], 'EditorA');
    const editorB = await createAdmin(app, ['Editor'], 'EditorB');
    const article = await documentsOf(app.strapi, ARTICLE).create({ data: articleData({ datePublished: '2026-11-30T08:00:00.000Z' }) });
    const { quote, expert, organization } = await draftQuoteGraph(app.strapi, article.documentId);
    await mustTransition(app, editorA, article.documentId, { action: 'submit' });
    await mustTransition(app, editorB, article.documentId, { action: 'approve' });
    const relayedBefore = relayed.length;
    const events = await purgesDuring(() => mustTransition(app, editorB, article.documentId, { action: 'publish' }));
    expect(events).toHaveLength(1);
    expect(events[0].keys).toEqual(
      expect.arrayContaining([
        `article:${article.documentId}`,
        `quote:${quote.documentId}`,
        `expert:${expert.documentId}`,
        `organization:${organization.documentId}`,
        'list:article',
      ]),
    );
    expect(events[0].changes.length).toBeGreaterThanOrEqual(4);
    expect(events[0].pages).toEqual([
      { documentId: article.documentId, slug: article.slug, path: `/articles/${article.slug}`, url: `http://localhost:3000/articles/${article.slug}` },
    ]);

    // The private-network relay got the same single event, signed.
    await settle();
    const received = relayed.slice(relayedBefore);
    expect(received).toHaveLength(1);
    expect(received[0].body).toMatchObject({ event: 'delivery.purge', documentId: article.documentId });
    expect(received[0].signature).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('an edit of a lead image (alt text) purges the pages that show it, and the page shows the new text', async () => {
    fs.writeFileSync(path.resolve(__dirname, '../../../public/uploads', uploadName), PNG);
    const upload = app.strapi.plugin('upload').service('upload') as any;
    const file = await app.strapi.db.query('plugin::upload.file').create({ data: { name: uploadName, hash: uploadName.replace('.png', ''), ext: '.png', mime: 'image/png', size: 0.07, width: 1, height: 1, url: `/uploads/${uploadName}`, provider: 'local', alternativeText: 'Old alt' } });
    await republishForTest(app.strapi, ARTICLE, g.article.documentId, { leadImage: { image: file.id, caption: 'A caption', credit: 'Photo: Agency' } });
    const before = await app.http().get(`/api/articles/slug/${g.slug}`);
    expect(before.body.data.leadImage.image.alternativeText).toBe('Old alt');

    const events = await purgesDuring(() => upload.updateFileInfo(file.id, { alternativeText: 'New alt' }));
    expect(events).toHaveLength(1);
    expect(events[0].keys).toContain(`article:${g.article.documentId}`);
    expect(events[0].pages.map((p) => p.slug)).toEqual([g.slug]);
    const after = await app.http().get(`/api/articles/slug/${g.slug}`);
    expect(after.headers['x-delivery-cache']).toBe('MISS');
    expect(after.body.data.leadImage.image.alternativeText).toBe('New alt');

    // ninjs carries the image as an association with renditions (absolute URLs).
    const ninjs = JSON.parse((await app.http().get(`/api/articles/slug/${g.slug}?format=ninjs`)).text);
    expect(ninjs.associations[0]).toMatchObject({ name: 'leadImage', type: 'picture', renditions: [expect.objectContaining({ name: 'original', href: `http://localhost:1337/uploads/${uploadName}` })] });

    // Uploads are served for a year, immutable (their names carry a hash).
    const served = await app.http().get(`/uploads/${uploadName}`);
    expect(served.status).toBe(200);
    expect(served.headers['cache-control']).toMatch(/max-age=31536000/);
    expect(served.headers['cache-control']).toMatch(/immutable/);
  });
});

describe('tokens', () => {
  it('a read-only API token reads the slug route and the feeds', async () => {
    const token = await createApiToken(app.strapi, 'read-only');
    const auth = { Authorization: `Bearer ${token.accessKey}` };
    const page = await app.http().get(`/api/articles/slug/${g.slug}`).set(auth);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect((await app.http().get('/api/feeds/articles.json').set(auth)).status).toBe(200);
  });
});
