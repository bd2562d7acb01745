import { createAdmin, type AdminUser } from '../../helpers/admin';
import { publishForTest, withPublishGateBypass } from '../../helpers/publish';
import { startApp, type TestApp } from '../../helpers/strapi';
import { ARTICLE, WORKFLOW_TEST_ENV, articleData, documentsOf, mustTransition } from '../../helpers/workflow';

/**
 * Issue 11, "the publication date moves": datePublished is set by the first
 * publication and never moves; corrections and updates set dateModified; lists,
 * JSON-LD and ninjs use those, not Strapi's publishedAt.
 */
let app: TestApp;
let editorA: AdminUser;
let editorB: AdminUser;

beforeAll(async () => {
  app = await startApp(WORKFLOW_TEST_ENV);
  editorA = await createAdmin(app, ['Editor'], 'EditorA');
  editorB = await createAdmin(app, ['Editor'], 'EditorB');
});
afterAll(async () => {
  await app?.stop();
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 15));
const live = async (documentId: string) =>
  (await documentsOf(app.strapi, ARTICLE).findOne({ documentId, status: 'published' })) as Record<string, any>;
const formats = async (slug: string) => {
  const jsonld = (await app.http().get(`/api/articles/slug/${slug}?format=jsonld`)).body;
  const ninjs = (await app.http().get(`/api/articles/slug/${slug}?format=ninjs`)).body;
  return { jsonld, ninjs };
};

describe('publication dates', () => {
  it('sets datePublished on the first publication when empty and never moves it on a correction or an update', async () => {
    const data = articleData({ datePublished: null }); // empty: the first publication sets it
    const draft = await documentsOf(app.strapi, ARTICLE).create({ data });
    expect(draft.datePublished ?? null).toBeNull();

    const before = Date.now();
    await withPublishGateBypass(app.strapi, () => documentsOf(app.strapi, ARTICLE).publish({ documentId: draft.documentId }));
    const first = await live(draft.documentId);
    const datePublished = first.datePublished as string;
    expect(new Date(datePublished).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(first.dateModified ?? null).toBeNull();

    // An update (edit + re-publish) keeps datePublished, even if the draft's was edited; sets dateModified.
    await tick();
    await withPublishGateBypass(app.strapi, () =>
      documentsOf(app.strapi, ARTICLE).update({ documentId: draft.documentId, data: { standfirst: 'Updated.', datePublished: '2001-01-01T00:00:00.000Z' }, status: 'published' }),
    );
    const updated = await live(draft.documentId);
    expect(updated.datePublished).toBe(datePublished);
    expect(new Date(updated.dateModified).getTime()).toBeGreaterThan(new Date(datePublished).getTime());
    expect(new Date(updated.publishedAt).getTime()).toBeGreaterThan(new Date(first.publishedAt).getTime());

    const { jsonld, ninjs } = await formats(data.slug as string);
    expect(jsonld.datePublished).toBe(datePublished);
    expect(jsonld.dateModified).toBe(updated.dateModified);
    expect(ninjs.contentCreated).toBe(datePublished);
    expect(ninjs.versionCreated).toBe(updated.dateModified);
  });

  it('keeps datePublished through the workflow correction (start_correction → publish_correction)', async () => {
    const data = articleData({ datePublished: '2026-11-26T22:50:00.000Z' });
    const article = await documentsOf(app.strapi, ARTICLE).create({ data });
    await mustTransition(app, editorA, article.documentId, { action: 'submit' });
    await mustTransition(app, editorB, article.documentId, { action: 'approve' });
    await mustTransition(app, editorB, article.documentId, { action: 'publish' });
    const published = await live(article.documentId);
    expect(published.datePublished).toBe('2026-11-26T22:50:00.000Z');

    await tick();
    await mustTransition(app, editorA, article.documentId, { action: 'start_correction' });
    await documentsOf(app.strapi, ARTICLE).update({ documentId: article.documentId, data: { standfirst: 'Corrected standfirst.' } });
    await mustTransition(app, editorB, article.documentId, { action: 'publish_correction', correction: { text: 'We corrected the standfirst.' } });

    const corrected = await live(article.documentId);
    expect(corrected.standfirst).toBe('Corrected standfirst.');
    expect(corrected.datePublished).toBe('2026-11-26T22:50:00.000Z');
    expect(new Date(corrected.dateModified).getTime()).toBeGreaterThan(new Date(published.publishedAt).getTime());
    expect(new Date(corrected.dateModified).getTime()).toBeGreaterThanOrEqual(new Date(corrected.datePublished).getTime());

    const { jsonld, ninjs } = await formats(data.slug as string);
    expect(jsonld.datePublished).toBe('2026-11-26T22:50:00.000Z');
    expect(new Date(jsonld.dateModified).getTime()).toBeGreaterThanOrEqual(new Date(jsonld.datePublished).getTime());
    expect(ninjs.contentCreated).toBe('2026-11-26T22:50:00.000Z');
  });

  it('sorts lists by datePublished (newest first) by default, so a corrected story does not jump to the top', async () => {
    const older = await publishForTest(app.strapi, ARTICLE, articleData({ datePublished: '2030-01-01T00:00:00.000Z', section: 'sortcheck' }));
    const newer = await publishForTest(app.strapi, ARTICLE, articleData({ datePublished: '2030-01-02T00:00:00.000Z', section: 'sortcheck' }));
    await tick();
    // A re-publication of the older story moves its publishedAt, not its place in the list.
    await withPublishGateBypass(app.strapi, () =>
      documentsOf(app.strapi, ARTICLE).update({ documentId: older.documentId, data: { standfirst: 'Late update.' }, status: 'published' }),
    );
    const res = await app.http().get('/api/articles?filters[section][$eq]=sortcheck');
    expect(res.status).toBe(200);
    expect(res.body.data.map((item: { documentId: string }) => item.documentId)).toEqual([newer.documentId, older.documentId]);
  });

  it('refuses ?format= on lists with a 400 naming the parameter', async () => {
    const res = await app.http().get('/api/articles?format=ninjs');
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['format']);
  });
});
