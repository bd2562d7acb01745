import { signPreviewToken } from '../../../src/delivery/preview-token';
import { startApp, type TestApp } from '../../helpers/strapi';
import { ARTICLE, articleData, documentsOf, draftQuoteGraph } from '../../helpers/workflow';

/**
 * Issue 11, preview: Strapi 5 Preview is configured (config/admin.ts) and its
 * URL opens a readable HTML rendering of the DRAFT; the same signed, expiring
 * token gives a frontend the draft in the slug route's JSON shape. Without a
 * valid token nothing draft is served.
 */
let app: TestApp;
let draft: { documentId: string; slug: string };
let quoteText: string;
let speakerName: string;
const SECRET = 'test-preview-secret';

beforeAll(async () => {
  app = await startApp({ EDITORIAL_WORKFLOW_SCHEDULER: 'false', PREVIEW_SECRET: SECRET });
  draft = (await documentsOf(app.strapi, ARTICLE).create({
    data: articleData({ standfirst: 'A <draft> standfirst.', corrections: [{ date: '2026-11-30T10:00:00.000Z', text: 'A fixed name.' }] }),
  })) as any;
  const graph = await draftQuoteGraph(app.strapi, draft.documentId);
  quoteText = graph.quote.text as string;
  speakerName = graph.expert.name as string;
});
afterAll(async () => {
  await app?.stop();
});

const previewUrl = async (documentId: string): Promise<string> => {
  const handler = app.strapi.config.get('admin.preview.config.handler') as (uid: string, p: { documentId: string; status: string }) => Promise<string>;
  return handler(ARTICLE, { documentId, status: 'draft' });
};

describe('preview', () => {
  it('is enabled in the admin config and gives the article a signed preview URL', async () => {
    expect(app.strapi.config.get('admin.preview.enabled')).toBe(true);
    const url = await previewUrl(draft.documentId);
    expect(url).toMatch(new RegExp(`/api/preview/articles/${draft.documentId}\\?token=\\d+\\.[\\w-]{43}$`));
  });

  it('a valid token serves the draft as readable HTML: headline, standfirst, body, quotes with speakers, corrections', async () => {
    const res = await app.http().get(new URL(await previewUrl(draft.documentId), 'http://x').pathname + new URL(await previewUrl(draft.documentId), 'http://x').search);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const html = res.text;
    expect(html).toContain('<h1>');
    expect(html).toContain('A &lt;draft&gt; standfirst.');
    expect(html).toContain('Body text.');
    expect(html).toContain(quoteText);
    expect(html).toContain(speakerName);
    expect(html).toContain('A fixed name.');
    expect(html).not.toContain('<script');
  });

  it('the same token gives the draft in the slug route JSON shape', async () => {
    const url = new URL(await previewUrl(draft.documentId), 'http://x');
    const res = await app.http().get(`${url.pathname}${url.search}&format=json`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ documentId: draft.documentId, slug: draft.slug, publishedAt: null });
    expect(res.body.data.quotes[0]).toMatchObject({ text: quoteText, speaker: { name: speakerName } });
    expect(res.body.data.edNote).toBeUndefined();
    // …while the public slug route knows nothing of the draft.
    expect((await app.http().get(`/api/articles/slug/${draft.slug}`)).status).toBe(404);
  });

  it('no token → 404; forged, expired or another document’s token → 401', async () => {
    const path = `/api/preview/articles/${draft.documentId}`;
    expect((await app.http().get(path)).status).toBe(404);
    const valid = signPreviewToken(SECRET, { uid: ARTICLE, documentId: draft.documentId }, 600);
    expect((await app.http().get(`${path}?token=${valid}`)).status).toBe(200);
    const forged = signPreviewToken('another-secret', { uid: ARTICLE, documentId: draft.documentId }, 600);
    expect((await app.http().get(`${path}?token=${forged}`)).status).toBe(401);
    const expired = signPreviewToken(SECRET, { uid: ARTICLE, documentId: draft.documentId }, 60, new Date(Date.now() - 3600_000));
    const res = await app.http().get(`${path}?token=${expired}`);
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/expired/);
    const other = signPreviewToken(SECRET, { uid: ARTICLE, documentId: 'someotherdocument' }, 600);
    expect((await app.http().get(`${path}?token=${other}`)).status).toBe(401);
    expect((await app.http().get(`${path}?token=garbage`)).status).toBe(401);
    expect((await app.http().get(path).set('X-Preview-Token', valid).set('Accept', 'application/json')).body.data.documentId).toBe(draft.documentId);
  });
});
