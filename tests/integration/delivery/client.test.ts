import type { AddressInfo } from 'net';
import { startApp, type TestApp } from '../../helpers/strapi';
import { createArticleGraph, type ArticleGraph } from './article-graph';

// The official @strapi/client SDK, installed under the alias `strapi-sdk-client`: it has its own version
// line (1.x), and package.json keeps every `@strapi/*` key on the one Strapi version (5.54.0).
// It ships its types behind package `exports`, which this repo's `moduleResolution: Node` cannot see.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { strapi: createClient } = require('strapi-sdk-client') as { strapi: (config: { baseURL: string }) => any };

/** The published article read the way a frontend would: @strapi/client against a listening server. */
let app: TestApp;
let g: ArticleGraph;
let baseURL: string;

beforeAll(async () => {
  app = await startApp();
  g = await createArticleGraph(app.strapi);
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => app?.strapi.server.httpServer.close(() => resolve()));
  await app?.stop();
});

it('fetches the article page by slug', async () => {
  const client = createClient({ baseURL });
  const res = await client.fetch(`/articles/slug/${g.slug}`);
  expect(res.status).toBe(200);
  const { data } = (await res.json()) as { data: any };
  expect(data.headline).toBe('Surveillance exports under scrutiny');
  expect(data.quotes.map((q: any) => q.text)).toEqual(['The first thing said.', 'The second thing said.']);

  const again = await client.fetch(`/articles/slug/${g.slug}`, { headers: { 'If-None-Match': res.headers.get('etag') ?? '' } }).catch((error: any) => error);
  // @strapi/client treats non-2xx as errors; a 304 carries no body either way
  const status = again instanceof Error ? (again as any).response?.status : again.status;
  expect(status).toBe(304);
});

it('reads the collection with filters and populate, published only', async () => {
  const client = createClient({ baseURL });
  const result = (await client.collection('articles').find({ filters: { slug: { $eq: g.slug } }, populate: ['quotes', 'people'] })) as any;
  expect(result.data).toHaveLength(1);
  expect(result.data[0].documentId).toBe(g.article.documentId);
  expect(result.data[0].people).toHaveLength(2);
  expect(result.data[0].edNote).toBeUndefined();
});

it('asks for JSON-LD through the Accept header', async () => {
  const client = createClient({ baseURL });
  const res = await client.fetch(`/articles/slug/${g.slug}`, { headers: { Accept: 'application/ld+json' } });
  expect(res.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
  expect(((await res.json()) as any)['@type']).toBe('NewsArticle');
});
