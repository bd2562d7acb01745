import { bearer, createAdmin, createApiToken, type AdminUser } from '../../helpers/admin';
import { startApp, type TestApp } from '../../helpers/strapi';
import {
  ARTICLE,
  QUOTE,
  WORKFLOW_TEST_ENV,
  approvedArticle,
  articleData,
  documentsOf,
  draftArticle,
  draftQuoteGraph,
  historyRows,
  mustTransition,
  publicView,
  publishedArticle,
} from '../../helpers/workflow';

/**
 * The publish gate holds on every path that can publish, unpublish or delete a
 * document under the workflow; after each refused attempt the Public role still
 * sees exactly what it saw before.
 */
let app: TestApp;
let editorA: AdminUser;
let editorB: AdminUser;
let superAdmin: AdminUser;
let fullAccess: { accessKey: string };

const CM = `/content-manager/collection-types/${ARTICLE}`;

beforeAll(async () => {
  app = await startApp(WORKFLOW_TEST_ENV);
  editorA = await createAdmin(app, ['Editor'], 'EditorA');
  editorB = await createAdmin(app, ['Editor'], 'EditorB');
  superAdmin = await createAdmin(app, ['strapi-super-admin'], 'Chief');
  fullAccess = await createApiToken(app.strapi, 'full-access');
});
afterAll(async () => {
  await app?.stop();
});

const expectHidden = async (documentId: string) => expect(await publicView(app, documentId)).toEqual({ status: 404, listed: false });
const expectPublic = async (documentId: string) => expect(await publicView(app, documentId)).toEqual({ status: 200, listed: true });
const gql = (query: string, variables: Record<string, unknown>) => app.http().post('/graphql').set(bearer(fullAccess)).send({ query, variables });

describe('publishing a document that is not approved', () => {
  it('Given a draft, When strapi.documents().publish() is called, Then it is refused naming state, needed state and role', async () => {
    const article = await draftArticle(app.strapi);
    await expect(documentsOf(app.strapi, ARTICLE).publish({ documentId: article.documentId })).rejects.toThrow(
      /Current state: "draft"; needed state: "approved".*needed role: Editor/,
    );
    await expectHidden(article.documentId);
  });

  it('Given a draft, When an Editor presses Publish in the admin panel (content-manager publish route), Then 403 with the gate’s message', async () => {
    const article = await draftArticle(app.strapi);
    const res = await app.http().post(`${CM}/${article.documentId}/actions/publish`).set(bearer(editorA)).send(articleData({ headline: 'Changed' }));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('needed state: "approved"');
    await expectHidden(article.documentId);
  });

  it('Given drafts, When an Editor bulk-publishes them in the admin panel, Then 403 and none is public', async () => {
    const first = await draftArticle(app.strapi);
    const second = await draftArticle(app.strapi);
    const res = await app.http().post(`${CM}/actions/bulkPublish`).set(bearer(editorA)).send({ documentIds: [first.documentId, second.documentId] });
    expect(res.status).toBe(403);
    await expectHidden(first.documentId);
    await expectHidden(second.documentId);
  });

  it('Given a full-access API token, When it POSTs an article (the Content API publishes by default), Then 403 and nothing is created', async () => {
    const data = articleData();
    const res = await app.http().post('/api/articles').set(bearer(fullAccess)).send({ data });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('Save it as a draft');
    expect(await app.strapi.db.query(ARTICLE as never).count({ where: { headline: data.headline } } as never)).toBe(0);
    const list = await app.http().get('/api/articles?pagination[pageSize]=100');
    expect(JSON.stringify(list.body)).not.toContain(String(data.headline));

    const draft = await app.http().post('/api/articles?status=draft').set(bearer(fullAccess)).send({ data });
    expect(draft.status).toBe(201);
    await expectHidden(draft.body.data.documentId);
  });

  it('Given a draft, When a full-access API token PUTs it (publishing by default), Then 403; as a draft (?status=draft), Then 200 and still hidden', async () => {
    const article = await draftArticle(app.strapi);
    const res = await app.http().put(`/api/articles/${article.documentId}`).set(bearer(fullAccess)).send({ data: { standfirst: 'New' } });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('Current state: "draft"');
    await expectHidden(article.documentId);

    const draft = await app.http().put(`/api/articles/${article.documentId}?status=draft`).set(bearer(fullAccess)).send({ data: { standfirst: 'New' } });
    expect(draft.status).toBe(200);
    await expectHidden(article.documentId);
  });

  it('Given a full-access API token, When it calls the GraphQL mutations createArticle and updateArticle, Then both are refused and nothing is public', async () => {
    const data = articleData();
    const created = await gql('mutation($data: ArticleInput!) { createArticle(data: $data) { documentId } }', { data });
    expect(created.body.errors?.[0]?.message).toContain('starts as a draft');
    expect(await app.strapi.db.query(ARTICLE as never).count({ where: { headline: data.headline } } as never)).toBe(0);

    const article = await draftArticle(app.strapi);
    const updated = await gql('mutation($id: ID!) { updateArticle(documentId: $id, data: { standfirst: "x" }) { documentId } }', { id: article.documentId });
    expect(updated.body.errors?.[0]?.message).toContain('needed state: "approved"');
    await expectHidden(article.documentId);
  });
});

describe('unpublishing and deleting a published document outside `withdraw`', () => {
  it('Given a published article, When an Editor unpublishes it in the admin panel or through documents().unpublish(), Then it is refused and stays public', async () => {
    const article = await publishedArticle(app, editorA, editorB);
    const res = await app.http().post(`${CM}/${article.documentId}/actions/unpublish`).set(bearer(superAdmin)).send({});
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('"withdraw"');
    await expect(documentsOf(app.strapi, ARTICLE).unpublish({ documentId: article.documentId })).rejects.toThrow(/withdraw/);
    await expectPublic(article.documentId);
  });

  it('Given a published article, When it is deleted in the admin panel, over the Content API or through documents().delete(), Then it is refused and stays public', async () => {
    const article = await publishedArticle(app, editorA, editorB);
    expect((await app.http().delete(`${CM}/${article.documentId}`).set(bearer(superAdmin))).status).toBe(403);
    expect((await app.http().delete(`/api/articles/${article.documentId}`).set(bearer(fullAccess))).status).toBe(403);
    await expect(documentsOf(app.strapi, ARTICLE).delete({ documentId: article.documentId })).rejects.toThrow(/withdraw it first/);
    await expectPublic(article.documentId);
  });

  it('Given a withdrawn article, When it is deleted, Then that is allowed and its history survives', async () => {
    const article = await publishedArticle(app, editorA, editorB);
    await mustTransition(app, superAdmin, article.documentId, { action: 'withdraw', comment: 'Retracted', notice: 'This article was retracted.' });
    await documentsOf(app.strapi, ARTICLE).delete({ documentId: article.documentId });
    expect(await app.strapi.db.query(ARTICLE as never).count({ where: { documentId: article.documentId } } as never)).toBe(0);
    expect((await historyRows(app.strapi, article.documentId)).map((row) => row.action)).toEqual(['submit', 'approve', 'publish', 'withdraw']);
  });

  it('Given a published article with draft edits, When the draft is discarded, Then that is allowed and the public version is unchanged', async () => {
    const article = await publishedArticle(app, editorA, editorB, { standfirst: 'Reviewed' });
    await documentsOf(app.strapi, ARTICLE).update({ documentId: article.documentId, data: { standfirst: 'Unreviewed' } });
    const res = await app.http().post(`${CM}/${article.documentId}/actions/discard`).set(bearer(editorA)).send({});
    expect(res.status).toBe(200);
    const live = await app.http().get(`/api/articles/${article.documentId}`);
    expect(live.body.data.standfirst).toBe('Reviewed');
  });
});

describe('publishing an approved document from outside the workflow’s route', () => {
  it('Given an approved article with a draft quote, expert and organization, When an Editor presses Publish in the admin panel, Then the workflow publishes it all and records who did', async () => {
    // The quote graph is part of the reviewed content: written before approval (after it, the story would go back to review).
    const article = await draftArticle(app.strapi);
    const { quote, expert, organization } = await draftQuoteGraph(app.strapi, article.documentId);
    await mustTransition(app, editorA, article.documentId, { action: 'submit' });
    await mustTransition(app, editorB, article.documentId, { action: 'approve' });
    const res = await app.http().post(`${CM}/${article.documentId}/actions/publish`).set(bearer(editorB)).send({});
    expect(res.status).toBe(200);
    await expectPublic(article.documentId);
    expect((await publicView(app, quote.documentId, 'quotes')).status).toBe(200);
    expect((await publicView(app, expert.documentId, 'experts')).status).toBe(200);
    expect((await publicView(app, organization.documentId, 'organizations')).status).toBe(200);
    const rows = await historyRows(app.strapi, article.documentId);
    expect(rows[rows.length - 1]).toMatchObject({ action: 'publish', fromState: 'approved', toState: 'published', actorKey: `admin:${editorB.id}` });
    expect((await historyRows(app.strapi, quote.documentId, QUOTE)).map((row) => row.action)).toEqual(['publish']);
  });

  it('Given an approved article, When code outside any request calls documents().publish(), Then it is refused (no one to hold responsible)', async () => {
    const article = await approvedArticle(app, editorA, editorB);
    await expect(documentsOf(app.strapi, ARTICLE).publish({ documentId: article.documentId })).rejects.toThrow(/outside a request is refused/);
    await expectHidden(article.documentId);
  });

  it('Given the gate bypass for seeding, When it is used outside a request, Then it publishes; the document then reads as published', async () => {
    const workflow = app.strapi.plugin('editorial-workflow').service('workflow');
    const created = await workflow.withGateBypass(() => documentsOf(app.strapi, ARTICLE).create({ data: articleData(), status: 'published' }));
    await expectPublic(created.documentId);
    expect((await workflow.statesOf(ARTICLE, [created.documentId]))[created.documentId].state).toBe('published');
  });
});

describe('editing over a newer version (If-Match)', () => {
  it('Given an editor loaded a draft, When someone else saves first and the editor saves with the old version, Then 409; with the current version, Then 200', async () => {
    const article = await draftArticle(app.strapi);
    const loaded = await app.http().get(`${CM}/${article.documentId}`).set(bearer(editorA));
    const version = loaded.body.data.updatedAt as string;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const first = await app.http().put(`${CM}/${article.documentId}`).set(bearer(editorB)).set('If-Match', version).send({ standfirst: 'B was first' });
    expect(first.status).toBe(200);

    const stale = await app.http().put(`${CM}/${article.documentId}`).set(bearer(editorA)).set('If-Match', version).send({ standfirst: 'A overwrites' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('saved by someone else');

    const current = await app.http().put(`${CM}/${article.documentId}`).set(bearer(editorA)).set('If-Match', `"${first.body.data.updatedAt}"`).send({ standfirst: 'A after reload' });
    expect(current.status).toBe(200);
  });
});
