import { bearer, createAdmin, type AdminUser } from '../../helpers/admin';
import { startApp, type TestApp } from '../../helpers/strapi';
import {
  ARTICLE,
  QUOTE,
  WORKFLOW_TEST_ENV,
  draftArticle,
  draftQuoteGraph,
  historyRows,
  mustTransition,
  publicView,
  publishedArticle,
  transition,
  workflowStatus,
} from '../../helpers/workflow';

/**
 * Issue 9: withdrawal has an internal reason (history only) and a public
 * notice (the 410 body); Editors and Legal may withdraw; `reinstate` brings a
 * withdrawn story back into review, and a second Editor must approve it.
 */
let app: TestApp;
let editorA: AdminUser;
let editorB: AdminUser;
let legal: AdminUser;
let author: AdminUser;

beforeAll(async () => {
  app = await startApp(WORKFLOW_TEST_ENV);
  editorA = await createAdmin(app, ['Editor'], 'EditorA');
  editorB = await createAdmin(app, ['Editor'], 'EditorB');
  legal = await createAdmin(app, ['Legal'], 'Legal');
  author = await createAdmin(app, ['Author'], 'Author');
});
afterAll(async () => {
  await app?.stop();
});

const REASON = 'Internal: the source is suing us; counsel says pull it (do not quote).';
const NOTICE = 'This article has been withdrawn pending review.';

/** An article with `count` quotes, submitted by Editor A and approved by Editor B (quotes first: a later save sends it back to review). */
const approvedWithQuotes = async (count: number) => {
  const article = await draftArticle(app.strapi);
  const quotes = [];
  for (let i = 0; i < count; i += 1) quotes.push((await draftQuoteGraph(app.strapi, article.documentId)).quote);
  await mustTransition(app, editorA, article.documentId, { action: 'submit' });
  await mustTransition(app, editorB, article.documentId, { action: 'approve' });
  return { article, quotes };
};

const slugRoute = (slug: unknown) => app.http().get(`/api/articles/slug/${String(slug)}`);

describe('withdraw: reason and notice are separate', () => {
  it('Given a published article with a quote, When an Editor withdraws it with a reason and a notice, Then the slug answers 410 with the notice and never the reason, and the reason is in the history only', async () => {
    const { article, quotes: [quote] } = await approvedWithQuotes(1);
    await mustTransition(app, editorA, article.documentId, { action: 'publish' });

    const res = await transition(app, editorA, article.documentId, { action: 'withdraw', comment: REASON, notice: NOTICE });
    expect(res.status).toBe(200);
    expect(res.body.data.state).toBe('withdrawn');
    expect(res.body.data.withdrawal).toMatchObject({ notice: NOTICE });

    const gone = await slugRoute(article.slug);
    expect(gone.status).toBe(410);
    expect(gone.body.error).toMatchObject({ status: 410, message: NOTICE, details: { notice: NOTICE } });
    expect(JSON.stringify(gone.body)).not.toContain('suing');
    expect(JSON.stringify((await workflowStatus(app, editorB, article.documentId)))).not.toContain('suing');
    expect(await publicView(app, quote.documentId, 'quotes')).toEqual({ status: 404, listed: false });

    const last = (await historyRows(app.strapi, article.documentId)).at(-1);
    expect(last).toMatchObject({ action: 'withdraw', comment: REASON, actorId: editorA.id });
    expect(last?.details).toMatchObject({ notice: NOTICE });
  });

  it('Given a published article, When it is withdrawn without a public notice, Then 400 naming the notice and it stays public', async () => {
    const article = await publishedArticle(app, editorA, editorB);
    const res = await transition(app, editorA, article.documentId, { action: 'withdraw', comment: REASON });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('public notice');
    expect((await publicView(app, article.documentId)).status).toBe(200);
  });

  it('Given a published article, When Legal withdraws it, Then it is withdrawn; When an Author tries, Then 403', async () => {
    const article = await publishedArticle(app, editorA, editorB);
    // Assigned to her, so she may read it: what refuses her is the role (another reporter's story would be 403 not_readable).
    const assign = await app.http().put(`/editorial-workflow/documents/${ARTICLE}/${article.documentId}/assignment`).set(bearer(editorA)).send({ assigneeId: author.id });
    expect(assign.status).toBe(200);
    const refused = await transition(app, author, article.documentId, { action: 'withdraw', comment: REASON, notice: NOTICE });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('Editor');
    expect((await transition(app, legal, article.documentId, { action: 'withdraw', comment: REASON, notice: NOTICE })).status).toBe(200);
    expect((await slugRoute(article.slug)).status).toBe(410);
  });
});

describe('reinstate: withdrawn → in_review, a second Editor approves', () => {
  it('Given a withdrawn article with a quote, When Editor A reinstates it, Then it is in review (still gone publicly), Editor A cannot approve it, Editor B approves, and once published the article and its quote are public again', async () => {
    const { article, quotes: [quote] } = await approvedWithQuotes(1);
    await mustTransition(app, editorB, article.documentId, { action: 'publish' });
    await mustTransition(app, legal, article.documentId, { action: 'withdraw', comment: REASON, notice: NOTICE });

    expect((await transition(app, author, article.documentId, { action: 'reinstate', comment: 'Lawsuit dropped' })).status).toBe(403);
    expect((await transition(app, editorA, article.documentId, { action: 'reinstate' })).status).toBe(400);
    const reinstated = await transition(app, editorA, article.documentId, { action: 'reinstate', comment: 'Lawsuit dropped' });
    expect(reinstated.status).toBe(200);
    expect(reinstated.body.data.state).toBe('in_review');
    expect((await slugRoute(article.slug)).status).toBe(410);
    expect((await publicView(app, article.documentId)).status).toBe(404);

    const sameEditor = await transition(app, editorA, article.documentId, { action: 'approve' });
    expect(sameEditor.status).toBe(403);
    expect(sameEditor.body.error.message).toContain('Four-eyes');
    expect((await transition(app, editorA, article.documentId, { action: 'publish' })).status).toBe(409);

    await mustTransition(app, editorB, article.documentId, { action: 'approve' });
    await mustTransition(app, editorA, article.documentId, { action: 'publish' });
    expect(await publicView(app, article.documentId)).toEqual({ status: 200, listed: true });
    expect(await publicView(app, quote.documentId, 'quotes')).toEqual({ status: 200, listed: true });
    expect((await slugRoute(article.slug)).status).toBe(200);
    expect((await workflowStatus(app, editorA, quote.documentId, QUOTE)).state).toBe('published');
    expect((await historyRows(app.strapi, article.documentId)).map((row) => row.action).filter((action) => action !== 'edit')).toEqual([
      'submit',
      'approve',
      'publish',
      'withdraw',
      'reinstate',
      'approve',
      'publish',
    ]);
  });

  it('Given a published article, When an Editor reinstates it, Then 409 (only a withdrawn story can be reinstated)', async () => {
    const article = await publishedArticle(app, editorA, editorB);
    const res = await transition(app, editorA, article.documentId, { action: 'reinstate', comment: 'x' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('needed state: "withdrawn"');
  });
});
