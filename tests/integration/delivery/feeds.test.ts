import fs from 'fs';
import path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { publishForTest, withPublishGateBypass } from '../../helpers/publish';
import { startApp, type TestApp } from '../../helpers/strapi';
import { ARTICLE, articleData } from '../../helpers/workflow';
import { createArticleGraph, type ArticleGraph } from './article-graph';

/**
 * Issue 11, feeds and sitemaps: RSS 2.0, Atom, JSON Feed 1.1, sitemap, Google
 * News sitemap and the ninjs change feed — valid, from the published state,
 * filterable by section, cached with ETag/304 and purged with `list:article`,
 * and carrying a withdrawal as `canceled`.
 */
let app: TestApp;
let g: ArticleGraph;
let techA: { documentId: string; slug: string };
let withdrawn: { documentId: string; slug: string };
const purges: Array<{ keys: string[]; pages: Array<{ slug: string; path: string }> }> = [];
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const recent = () => new Date(Date.now() - 3600_000).toISOString();

beforeAll(async () => {
  app = await startApp({ EDITORIAL_WORKFLOW_SCHEDULER: 'false', DELIVERY_SITE_URL: 'https://news.example.org', DELIVERY_SITE_NAME: 'Example News' });
  app.strapi.eventHub.on('delivery.purge', async (event: any) => {
    purges.push(event);
  });
  g = await createArticleGraph(app.strapi);
  techA = (await publishForTest(app.strapi, ARTICLE, articleData({ section: 'Tech', standfirst: 'A tech story.', datePublished: recent() }))) as any;
  withdrawn = (await publishForTest(app.strapi, ARTICLE, articleData({ section: 'Tech', datePublished: recent() }))) as any;
  await withPublishGateBypass(app.strapi, () => app.strapi.documents(ARTICLE as any).unpublish({ documentId: withdrawn.documentId }));
});
afterAll(async () => {
  await app?.stop();
});

describe('RSS, Atom and JSON Feed', () => {
  it('RSS 2.0 has the required channel and item elements, newest first, no withdrawn story', async () => {
    const res = await app.http().get('/api/feeds/articles.rss');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/rss\+xml/);
    const doc = xml.parse(res.text);
    expect(doc.rss['@version']).toBe('2.0');
    const channel = doc.rss.channel;
    for (const field of ['title', 'link', 'description']) expect(channel[field]).toBeTruthy();
    const items = asList(channel.item);
    for (const item of items) {
      expect(item.title).toBeTruthy();
      expect(item.link).toMatch(/^https:\/\/news\.example\.org\/articles\//);
      expect(new Date(item.pubDate).getTime()).not.toBeNaN();
    }
    const links = items.map((item: any) => item.link);
    expect(links).toContain(`https://news.example.org/articles/${techA.slug}`);
    expect(links).toContain(`https://news.example.org/articles/${g.slug}`);
    expect(links.indexOf(`https://news.example.org/articles/${techA.slug}`)).toBeLessThan(links.indexOf(`https://news.example.org/articles/${g.slug}`));
    expect(links).not.toContain(`https://news.example.org/articles/${withdrawn.slug}`);
  });

  it('filters by section', async () => {
    const doc = xml.parse((await app.http().get('/api/feeds/articles.rss?section=Tech')).text);
    expect(asList(doc.rss.channel.item).map((item: any) => item.link)).toEqual([`https://news.example.org/articles/${techA.slug}`]);
  });

  it('Atom has feed id/title/updated and entries with id/title/updated/link', async () => {
    const res = await app.http().get('/api/feeds/articles.atom');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
    const feed = xml.parse(res.text).feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const field of ['id', 'title', 'updated']) expect(feed[field]).toBeTruthy();
    const entries = asList(feed.entry);
    expect(entries.length).toBeGreaterThanOrEqual(2);
    for (const entry of entries) {
      for (const field of ['id', 'title', 'updated']) expect(entry[field]).toBeTruthy();
      expect(asList(entry.link)[0]['@href']).toMatch(/^https:\/\/news\.example\.org\//);
    }
  });

  it('JSON Feed 1.1 has the required fields', async () => {
    const res = await app.http().get('/api/feeds/articles.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/feed\+json/);
    const feed = JSON.parse(res.text);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof feed.title).toBe('string');
    expect(Array.isArray(feed.items)).toBe(true);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(typeof (item.content_text ?? item.content_html)).toBe('string');
      expect(new Date(item.date_published).toISOString()).toBe(item.date_published);
    }
    const main = feed.items.find((item: any) => item.url.endsWith(g.slug));
    expect(main).toMatchObject({ title: 'Surveillance exports under scrutiny', date_published: '2024-03-01T10:00:00.000Z', tags: ['World'] });
  });

  it('refuses a malformed section with 400 naming the parameter', async () => {
    const res = await app.http().get(`/api/feeds/articles.rss?section=${'x'.repeat(101)}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['section']);
  });
});

describe('sitemaps', () => {
  it('sitemap.xml lists every published article with loc and lastmod', async () => {
    const res = await app.http().get('/api/sitemap.xml');
    expect(res.status).toBe(200);
    const urlset = xml.parse(res.text).urlset;
    expect(urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const urls = asList(urlset.url);
    const locs = urls.map((url: any) => url.loc);
    expect(locs).toEqual(expect.arrayContaining([`https://news.example.org/articles/${g.slug}`, `https://news.example.org/articles/${techA.slug}`]));
    expect(locs).not.toContain(`https://news.example.org/articles/${withdrawn.slug}`);
    for (const url of urls) expect(new Date(url.lastmod).getTime()).not.toBeNaN();
  });

  it('news-sitemap.xml has the Google News elements and only the last 48 hours', async () => {
    const res = await app.http().get('/api/news-sitemap.xml');
    expect(res.status).toBe(200);
    const urlset = xml.parse(res.text).urlset;
    expect(urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const urls = asList(urlset.url);
    expect(urls.map((url: any) => url.loc)).toEqual([`https://news.example.org/articles/${techA.slug}`]);
    const news = urls[0]['news:news'];
    expect(news['news:publication']['news:name']).toBe('Example News');
    expect(news['news:publication']['news:language']).toBe('en');
    expect(new Date(news['news:publication_date']).getTime()).not.toBeNaN();
    expect(news['news:title']).toBeTruthy();
  });
});

describe('ninjs change feed', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/ninjs-schema_3.1.json'), 'utf8'));
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });
  const validate = ajv.compile(schema);

  it('pages through every change since a cursor; items valid ninjs 3.1; a withdrawal is canceled', async () => {
    const items: any[] = [];
    let cursor = '';
    for (let guard = 0; guard < 20; guard++) {
      const res = await app.http().get(`/api/feeds/articles.ninjs?limit=2${cursor ? `&since=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const body = JSON.parse(res.text);
      expect(body.items.length).toBeLessThanOrEqual(2);
      items.push(...body.items);
      if (!body.hasMore) break;
      expect(Number(body.next)).toBeGreaterThan(Number(cursor || 0));
      cursor = body.next;
    }
    for (const item of items) {
      if (!validate(item)) throw new Error(JSON.stringify(validate.errors, null, 2));
    }
    const byId = (documentId: string) => items.filter((item) => item.altIds?.some((alt: any) => alt.value === documentId));
    expect(byId(g.article.documentId)).toHaveLength(1);
    expect(byId(g.article.documentId)[0]).toMatchObject({ pubStatus: 'usable', contentCreated: '2024-03-01T10:00:00.000Z' });
    expect(byId(withdrawn.documentId)).toEqual([expect.objectContaining({ pubStatus: 'canceled' })]);
    expect(byId(withdrawn.documentId)[0].headlines).toBeUndefined();

    // Nothing new after the last cursor; a new correction shows up after it.
    const last = JSON.parse((await app.http().get(`/api/feeds/articles.ninjs?since=${cursor || 0}&limit=100`)).text);
    const tail = last.next;
    expect(JSON.parse((await app.http().get(`/api/feeds/articles.ninjs?since=${tail}`)).text).items).toEqual([]);
    await withPublishGateBypass(app.strapi, () =>
      app.strapi.documents(ARTICLE as any).update({ documentId: techA.documentId, data: { standfirst: 'Updated tech.' } as any, status: 'published' }),
    );
    const after = JSON.parse((await app.http().get(`/api/feeds/articles.ninjs?since=${tail}`)).text);
    expect(after.items.map((item: any) => item.altIds[0].value)).toEqual([techA.documentId]);
    expect(after.items[0].pubStatus).toBe('usable');
  });

  it('refuses a malformed cursor with 400', async () => {
    const res = await app.http().get('/api/feeds/articles.ninjs?since=abc');
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['since']);
  });
});

describe('CDN caching of feeds', () => {
  it('carries Cache-Control, a strong ETag (304) and the list:article tag; a publication purges it', async () => {
    const first = await app.http().get('/api/feeds/articles.json');
    expect(first.headers['cache-control']).toMatch(/^public, max-age=/);
    expect(first.headers['cache-tag'].split(',')).toContain('list:article');
    expect(first.headers['surrogate-key'].split(' ')).toContain('list:article');
    expect(first.headers.etag).toMatch(/^"[\w-]{20,}"$/);
    const again = await app.http().get('/api/feeds/articles.json').set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
    expect(again.headers['x-delivery-cache']).toBe('HIT');

    const from = purges.length;
    const fresh = (await publishForTest(app.strapi, ARTICLE, articleData({ section: 'Tech', datePublished: new Date().toISOString() }))) as any;
    await new Promise((resolve) => setImmediate(resolve));
    const events = purges.slice(from);
    expect(events).toHaveLength(1);
    expect(events[0].keys).toContain('list:article');
    expect(events[0].pages).toEqual([expect.objectContaining({ slug: fresh.slug, path: `/articles/${fresh.slug}` })]);

    const after = await app.http().get('/api/feeds/articles.json').set('If-None-Match', first.headers.etag);
    expect(after.status).toBe(200);
    expect(after.headers['x-delivery-cache']).toBe('MISS');
    expect(JSON.parse(after.text).items[0].url).toBe(`https://news.example.org/articles/${fresh.slug}`);
  });
});

describe('a withdrawn story in the slug route and GraphQL', () => {
  const withWithdrawal = async (fn: () => Promise<void>) => {
    const workflow = app.strapi.plugin('editorial-workflow').service('workflow') as { getWithdrawal: (...args: unknown[]) => Promise<unknown> };
    const spy = jest.spyOn(workflow, 'getWithdrawal').mockResolvedValue({
      documentId: withdrawn.documentId,
      notice: 'Withdrawn: the source retracted.',
      withdrawnAt: '2026-12-01T12:00:00.000Z',
    });
    try {
      await fn();
    } finally {
      spy.mockRestore();
    }
  };

  it('answers ninjs with pubStatus canceled (410) on the slug route', async () => {
    await withWithdrawal(async () => {
      const res = await app.http().get(`/api/articles/slug/${withdrawn.slug}?format=ninjs`);
      expect(res.status).toBe(410);
      expect(res.headers['content-type']).toMatch(/^application\/ninjs\+json/);
      const item = JSON.parse(res.text);
      expect(item).toMatchObject({ pubStatus: 'canceled', descriptions: [{ role: 'withdrawal', value: 'Withdrawn: the source retracted.' }] });
      expect(item.headlines).toBeUndefined();
      // JSON keeps the 410 GoneError with the notice.
      expect((await app.http().get(`/api/articles/slug/${withdrawn.slug}`)).body.error).toMatchObject({ status: 410, name: 'GoneError' });
    });
  });

  it('GraphQL articleBySlug gives an error with extensions.code GONE and the notice', async () => {
    await withWithdrawal(async () => {
      const res = await app
        .http()
        .post('/graphql')
        .send({ query: `{ articleBySlug(slug: "${withdrawn.slug}") { headline } }` });
      expect(res.body.data?.articleBySlug ?? null).toBeNull();
      expect(res.body.errors[0].extensions).toMatchObject({ code: 'GONE', notice: 'Withdrawn: the source retracted.' });
    });
    // A published story still resolves.
    const ok = await app.http().post('/graphql').send({ query: `{ articleBySlug(slug: "${g.slug}") { headline } }` });
    expect(ok.body.data.articleBySlug.headline).toBe('Surveillance exports under scrutiny');
  });
});
