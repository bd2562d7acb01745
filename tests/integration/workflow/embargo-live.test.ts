import { bearer, createAdmin, type AdminUser } from '../../helpers/admin';
import { publishForTest } from '../../helpers/publish';
import { startApp, type TestApp } from '../../helpers/strapi';
import {
  ARTICLE,
  WORKFLOW_TEST_ENV,
  articleData,
  documentsOf,
  draftArticle,
  mustTransition,
  publicView,
  publishedArticle,
  transition,
} from '../../helpers/workflow';

/**
 * Issues 9 and 10.2: an embargo cannot take a live story down. Setting or
 * changing `embargoedUntil` on a document with a live version is refused on
 * every write path, with a message that says how to take a story down; every
 * transition that publishes checks the embargo.
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

const CM = `/content-manager/collection-types/${ARTICLE}`;
const tomorrow = () => new Date(Date.now() + 86400e3).toISOString();

describe('an embargo on a live story', () => {
  it('Given a published article, When an Editor sets an embargo in the admin, Then 400 on embargoedUntil saying to withdraw, and the story stays public', async () => {
    const article = await publishedArticle(app, editorA, editorB);
    const res = await app.http().put(`${CM}/${article.documentId}`).set(bearer(editorA)).send({ embargoedUntil: tomorrow() });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('withdraw');
    expect(res.body.error.details.errors[0].path).toEqual(['embargoedUntil']);
    expect(await publicView(app, article.documentId)).toEqual({ status: 200, listed: true });
  });

  it('Given a correction in progress, When the embargo is set through the document service, Then it is refused and publish_correction keeps the story public', async () => {
    const article = await publishedArticle(app, editorA, editorB);
    await mustTransition(app, editorA, article.documentId, { action: 'start_correction' });
    await expect(documentsOf(app.strapi, ARTICLE).update({ documentId: article.documentId, data: { embargoedUntil: tomorrow() } })).rejects.toThrow(/withdraw/);
    await mustTransition(app, editorB, article.documentId, { action: 'publish_correction', correction: { text: 'Fixed a date.' } });
    expect(await publicView(app, article.documentId)).toEqual({ status: 200, listed: true });
    expect((await app.http().get(`/api/articles/slug/${String(article.slug)}`)).status).toBe(200);
  });

  it('Given a published article, When the admin saves the whole form with the embargo unchanged or cleared, Then the save is accepted', async () => {
    const article = await publishedArticle(app, editorA, editorB, { embargoedUntil: '2020-01-01T00:00:00.000Z' });
    await mustTransition(app, editorA, article.documentId, { action: 'start_correction' });
    const same = await app.http().put(`${CM}/${article.documentId}`).set(bearer(editorA)).send({ standfirst: 'Edited', embargoedUntil: '2020-01-01T00:00:00.000Z' });
    expect(same.status).toBe(200);
    expect((await app.http().put(`${CM}/${article.documentId}`).set(bearer(editorA)).send({ embargoedUntil: null })).status).toBe(200);
  });

  it('Given an article that is not public, When an embargo is set, Then that is allowed (it holds the story back)', async () => {
    const article = await draftArticle(app.strapi);
    expect((await app.http().put(`${CM}/${article.documentId}`).set(bearer(editorA)).send({ embargoedUntil: tomorrow() })).status).toBe(200);
  });

  it('Given a live story whose stored version carries a future embargo (seeded), When a correction is published, Then publish_correction is refused naming the embargo', async () => {
    const seeded = await publishForTest(app.strapi, ARTICLE, articleData({ embargoedUntil: tomorrow() }));
    await mustTransition(app, editorA, seeded.documentId, { action: 'start_correction' });
    const res = await transition(app, editorB, seeded.documentId, { action: 'publish_correction', correction: { text: 'x' } });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('Embargoed until');
  });
});
