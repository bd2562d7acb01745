import { bearer, createAdmin, type AdminUser } from '../../helpers/admin';
import { startApp, type TestApp } from '../../helpers/strapi';
import {
  ARTICLE,
  QUOTE,
  WORKFLOW_TEST_ENV,
  approvedArticle,
  draftArticle,
  draftArticleBy,
  draftQuoteGraph,
  historyRows,
  mustTransition,
  publicView,
  workflowStatus,
} from '../../helpers/workflow';

/**
 * Issues 9 and 13.3: bulk actions mean what they say. Strapi's own bulk
 * Publish publishes nothing when it answers "refused"; the plugin's bulk route
 * runs each document as one all-or-nothing transition and reports each outcome.
 */
let app: TestApp;
let author: AdminUser;
let editorA: AdminUser;
let editorB: AdminUser;

beforeAll(async () => {
  app = await startApp(WORKFLOW_TEST_ENV);
  author = await createAdmin(app, ['Author'], 'Author');
  editorA = await createAdmin(app, ['Editor'], 'EditorA');
  editorB = await createAdmin(app, ['Editor'], 'EditorB');
});
afterAll(async () => {
  await app?.stop();
});

/** An article with `count` quotes, submitted by Editor A and approved by Editor B (quotes first: a later save sends it back to review). */
const approvedWithQuotes = async (count: number) => {
  const article = await draftArticle(app.strapi);
  const quotes = [];
  for (let i = 0; i < count; i += 1) quotes.push((await draftQuoteGraph(app.strapi, article.documentId)).quote);
  await mustTransition(app, editorA, article.documentId, { action: 'submit' });
  await mustTransition(app, editorB, article.documentId, { action: 'approve' });
  return { article, quotes };
};

const CM_BULK = `/content-manager/collection-types/${ARTICLE}/actions/bulkPublish`;
const BULK = `/editorial-workflow/bulk/${ARTICLE}/transitions`;
const hidden = { status: 404, listed: false };
const shown = { status: 200, listed: true };

describe('Strapi’s bulk Publish (content manager)', () => {
  it('Given an approved article (with a quote) and a draft, When an Editor bulk-publishes both, Then 403 naming the draft, and nothing is published — not the approved one, not its quote', async () => {
    const { article: approved, quotes: [quote] } = await approvedWithQuotes(1);
    const draft = await draftArticle(app.strapi);
    const res = await app.http().post(CM_BULK).set(bearer(editorA)).send({ documentIds: [approved.documentId, draft.documentId] });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('nothing was published');
    expect(res.body.error.message).toContain(draft.documentId);
    expect(res.body.error.details).toMatchObject({ code: 'bulk_publish_refused', published: [], refused: [expect.objectContaining({ documentId: draft.documentId })] });
    expect(await publicView(app, approved.documentId)).toEqual(hidden);
    expect(await publicView(app, quote.documentId, 'quotes')).toEqual(hidden);
    expect((await workflowStatus(app, editorA, approved.documentId)).state).toBe('approved');
    expect((await historyRows(app.strapi, approved.documentId)).map((row) => row.action).filter((action) => action !== 'edit')).toEqual(['submit', 'approve']);
  });

  it('Given two approved articles, When an Editor bulk-publishes them, Then both are published through the workflow with their quotes', async () => {
    const first = await approvedArticle(app, editorA, editorB);
    const { article: second, quotes: [quote] } = await approvedWithQuotes(1);
    const res = await app.http().post(CM_BULK).set(bearer(editorB)).send({ documentIds: [first.documentId, second.documentId] });
    expect(res.status).toBe(200);
    expect(await publicView(app, first.documentId)).toEqual(shown);
    expect(await publicView(app, second.documentId)).toEqual(shown);
    expect(await publicView(app, quote.documentId, 'quotes')).toEqual(shown);
    expect((await historyRows(app.strapi, second.documentId)).at(-1)).toMatchObject({ action: 'publish', actorKey: `admin:${editorB.id}` });
  });
});

describe('the workflow’s bulk route', () => {
  it('Given a draft, a document already in review and an unknown id, When an Editor bulk-submits them, Then each outcome is reported and only the draft moved', async () => {
    const draft = await draftArticle(app.strapi);
    const inReview = await draftArticle(app.strapi);
    await mustTransition(app, editorA, inReview.documentId, { action: 'submit' });
    const res = await app.http().post(BULK).set(bearer(editorA)).send({ action: 'submit', documentIds: [draft.documentId, inReview.documentId, 'nosuchdocument00000000000'] });
    expect(res.status).toBe(200);
    expect(res.body.data.results).toEqual([
      { documentId: draft.documentId, outcome: 'done', state: 'in_review', version: expect.any(Number) },
      expect.objectContaining({ documentId: inReview.documentId, outcome: 'refused', status: 409, code: 'wrong_state' }),
      expect.objectContaining({ documentId: 'nosuchdocument00000000000', outcome: 'refused', status: 404 }),
    ]);
    expect(res.body.data.summary).toEqual({ requested: 3, done: 1, refused: 2, failed: 0 });
    expect((await workflowStatus(app, editorA, draft.documentId)).state).toBe('in_review');
  });

  it('Given documents Editor A submitted and one Editor B submitted, When Editor A bulk-approves them, Then four-eyes refuses A’s own and approves B’s', async () => {
    const own = await draftArticle(app.strapi);
    const others = await draftArticle(app.strapi);
    await mustTransition(app, editorA, own.documentId, { action: 'submit' });
    await mustTransition(app, editorB, others.documentId, { action: 'submit' });
    const res = await app.http().post(BULK).set(bearer(editorA)).send({ action: 'approve', documentIds: [own.documentId, others.documentId] });
    expect(res.status).toBe(200);
    expect(res.body.data.results.map((r: { outcome: string; code?: string }) => `${r.outcome}:${r.code ?? ''}`)).toEqual(['refused:four_eyes', 'done:']);
    expect((await workflowStatus(app, editorA, own.documentId)).state).toBe('in_review');
  });

  it('Given an approved article and an approved article whose quote is in changes_requested, When they are bulk-published, Then the first is published and the second refused with nothing of it public', async () => {
    const ok = await approvedArticle(app, editorA, editorB);
    const { article: held, quotes: [quote] } = await approvedWithQuotes(1);
    await mustTransition(app, editorA, quote.documentId, { action: 'submit' }, QUOTE);
    await mustTransition(app, editorB, quote.documentId, { action: 'request_changes', comment: 'Wrong speaker' }, QUOTE);
    const res = await app.http().post(BULK).set(bearer(editorB)).send({ action: 'publish', documentIds: [ok.documentId, held.documentId] });
    expect(res.status).toBe(200);
    expect(res.body.data.results[0]).toMatchObject({ documentId: ok.documentId, outcome: 'done', state: 'published' });
    expect(res.body.data.results[1]).toMatchObject({ documentId: held.documentId, outcome: 'refused', status: 409, code: 'held_back' });
    expect(res.body.data.results[1].message).toContain(quote.documentId);
    expect(await publicView(app, ok.documentId)).toEqual(shown);
    expect(await publicView(app, held.documentId)).toEqual(hidden);
    expect(await publicView(app, quote.documentId, 'quotes')).toEqual(hidden);
  });

  it('Given an Author, When she bulk-approves her own story, Then it is refused with 403 (the role) and nothing changes', async () => {
    const doc = await draftArticleBy(app, author);
    await mustTransition(app, editorA, doc.documentId, { action: 'submit' });
    const res = await app.http().post(BULK).set(bearer(author)).send({ action: 'approve', documentIds: [doc.documentId] });
    expect(res.status).toBe(200);
    expect(res.body.data.results[0]).toMatchObject({ outcome: 'refused', status: 403, code: 'forbidden_role' });
  });

  it('Given approved articles, one without a publication date, When an Editor bulk-publishes them with an override reason, Then both are published and the override is kept in the history of the one it was used for', async () => {
    const undated = await approvedArticle(app, editorA, editorB, { datePublished: null });
    const dated = await approvedArticle(app, editorA, editorB);
    const withoutReason = await app.http().post(BULK).set(bearer(editorB)).send({ action: 'publish', documentIds: [undated.documentId] });
    expect(withoutReason.body.data.results[0]).toMatchObject({ outcome: 'refused', status: 409, code: 'publish_checks' });
    expect(await publicView(app, undated.documentId)).toEqual(hidden);

    const reason = 'Date confirmed with the desk; set on the live page.';
    const res = await app.http().post(BULK).set(bearer(editorB)).send({ action: 'publish', documentIds: [undated.documentId, dated.documentId], overrideReason: reason });
    expect(res.status).toBe(200);
    expect(res.body.data.results).toEqual([
      expect.objectContaining({ documentId: undated.documentId, outcome: 'done', state: 'published', overridden: [expect.objectContaining({ code: 'missing_date_published' })] }),
      { documentId: dated.documentId, outcome: 'done', state: 'published', version: expect.any(Number) },
    ]);
    expect(await publicView(app, undated.documentId)).toEqual(shown);
    const publishOf = async (documentId: string) => (await historyRows(app.strapi, documentId)).find((row) => row.action === 'publish');
    expect((await publishOf(undated.documentId))?.details).toMatchObject({ override: { reason, blockers: [{ code: 'missing_date_published' }] } });
    expect(JSON.stringify((await publishOf(dated.documentId))?.details ?? null)).not.toContain('override');
  });

  it('Given an override reason, When an Author sends it with a bulk publish, Then it is refused for each document and nothing is published; with another action, Then 400 naming it', async () => {
    const undated = await approvedArticle(app, editorA, editorB, { datePublished: null });
    const res = await app.http().post(BULK).set(bearer(author)).send({ action: 'publish', documentIds: [undated.documentId], overrideReason: 'I say so' });
    expect(res.body.data.results[0]).toMatchObject({ outcome: 'refused', status: 403 });
    expect(await publicView(app, undated.documentId)).toEqual(hidden);
    const wrongAction = await app.http().post(BULK).set(bearer(editorB)).send({ action: 'approve', documentIds: [undated.documentId], overrideReason: 'x' });
    expect(wrongAction.status).toBe(400);
    expect(JSON.stringify(wrongAction.body.error)).toContain('overrideReason');
    const tooLong = await app.http().post(BULK).set(bearer(editorB)).send({ action: 'publish', documentIds: [undated.documentId], overrideReason: 'x'.repeat(2001) });
    expect(tooLong.status).toBe(400);
    expect((await workflowStatus(app, editorA, undated.documentId)).state).toBe('approved');
  });

  it('Given malformed bodies, When they are sent, Then 400 naming the field and nothing runs', async () => {
    const doc = await draftArticle(app.strapi);
    const send = (body: unknown) => app.http().post(BULK).set(bearer(editorA)).send(body as object);
    const unknown = await send({ action: 'submit', documentIds: [doc.documentId], extra: 1 });
    expect(unknown.status).toBe(400);
    expect((await send({ action: 'submit', documentIds: [] })).status).toBe(400);
    const badAction = await send({ action: 'withdraw', documentIds: [doc.documentId] });
    expect(badAction.status).toBe(400);
    expect(JSON.stringify(badAction.body.error)).toContain('action');
    expect((await send({ action: 'submit', documentIds: [doc.documentId, doc.documentId] })).status).toBe(400);
    expect((await send({ action: 'submit', documentIds: Array.from({ length: 101 }, (_, i) => `id${i}`) })).status).toBe(400);
    expect((await workflowStatus(app, editorA, doc.documentId)).state).toBe('draft');
    expect((await app.http().post('/editorial-workflow/bulk/api::nope.nope/transitions').set(bearer(editorA)).send({ action: 'submit', documentIds: ['x'] })).status).toBe(404);
  });
});
