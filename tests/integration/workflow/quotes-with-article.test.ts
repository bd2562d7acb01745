import { bearer, createAdmin, type AdminUser } from '../../helpers/admin';
import { startApp, type TestApp } from '../../helpers/strapi';
import {
  ARTICLE,
  QUOTE,
  WORKFLOW_TEST_ENV,
  approvedArticle,
  documentsOf,
  draftArticle,
  draftQuoteGraph,
  historyRows,
  mustTransition,
  publicView,
  transition,
  workflowStatus,
} from '../../helpers/workflow';

/**
 * Issues 10.3 and 13.3: a quote goes public only with its article (the
 * article's publish / publish_correction), never on its own; the article's
 * publish refuses, with the list, quotes held back by their own review; a quote
 * removed in a correction is unpublished with it; withdrawal takes down every
 * quote that was public with the story.
 */
let app: TestApp;
let editorA: AdminUser;
let editorB: AdminUser;
let legal: AdminUser;

beforeAll(async () => {
  app = await startApp(WORKFLOW_TEST_ENV);
  editorA = await createAdmin(app, ['Editor'], 'EditorA');
  editorB = await createAdmin(app, ['Editor'], 'EditorB');
  legal = await createAdmin(app, ['Legal'], 'Legal');
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

const QUOTE_CM = `/content-manager/collection-types/${QUOTE}`;
const quotePublic = (documentId: string) => publicView(app, documentId, 'quotes');
const hidden = { status: 404, listed: false };
const shown = { status: 200, listed: true };

describe('a quote’s own transitions never publish it', () => {
  it('Given a quote of a never-published article, When it is submitted and approved on its own, Then its publish is refused (409, use the article), Publish in the admin is refused, and it is not public', async () => {
    const article = await draftArticle(app.strapi);
    const { quote } = await draftQuoteGraph(app.strapi, article.documentId);
    await mustTransition(app, editorA, quote.documentId, { action: 'submit' }, QUOTE);
    await mustTransition(app, editorB, quote.documentId, { action: 'approve' }, QUOTE);

    const status = await workflowStatus(app, editorB, quote.documentId, QUOTE);
    expect(status.allowedActions.map((entry) => entry.action)).not.toContain('publish');
    const own = await transition(app, editorB, quote.documentId, { action: 'publish' }, QUOTE);
    expect(own.status).toBe(409);
    expect(own.body.error.message).toContain('only with the story it belongs to');
    const button = await app.http().post(`${QUOTE_CM}/${quote.documentId}/actions/publish`).set(bearer(editorB)).send({});
    expect([403, 409]).toContain(button.status);
    const scheduled = await transition(app, editorB, quote.documentId, { action: 'schedule', scheduledAt: new Date(Date.now() + 3600e3).toISOString() }, QUOTE);
    expect(scheduled.status).toBe(409);
    expect(await quotePublic(quote.documentId)).toEqual(hidden);
  });

  it('Given a quote of an approved, embargoed article under legal hold, When the quote goes submit → approve → publish, Then it is refused and neither is public', async () => {
    const article = await approvedArticle(app, editorA, editorB, { embargoedUntil: new Date(Date.now() + 86400e3).toISOString() });
    await mustTransition(app, legal, article.documentId, { action: 'legal_hold', comment: 'Court order' });
    const { quote } = await draftQuoteGraph(app.strapi, article.documentId);
    await mustTransition(app, editorA, quote.documentId, { action: 'submit' }, QUOTE);
    await mustTransition(app, editorB, quote.documentId, { action: 'approve' }, QUOTE);
    expect((await transition(app, editorB, quote.documentId, { action: 'publish' }, QUOTE)).status).toBe(409);
    expect(await quotePublic(quote.documentId)).toEqual(hidden);
    expect((await app.http().get(`/api/experts?populate[quotes]=true&pagination[pageSize]=100`)).body.data.flatMap((e: { quotes?: { documentId: string }[] }) => e.quotes ?? []).map((q: { documentId: string }) => q.documentId)).not.toContain(quote.documentId);
  });
});

describe('the article’s publish and quotes held back by their own review', () => {
  it('Given an approved article whose quote is in changes_requested, When the article is published, Then 409 listing the quote and nothing is public; once the quote is approved, Then both go public', async () => {
    const { article, quotes: [quote, fine] } = await approvedWithQuotes(2);
    await mustTransition(app, editorA, quote.documentId, { action: 'submit' }, QUOTE);
    await mustTransition(app, editorB, quote.documentId, { action: 'request_changes', comment: 'Misattributed, do not run' }, QUOTE);

    const res = await transition(app, editorA, article.documentId, { action: 'publish' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain(quote.documentId);
    expect(res.body.error.message).toContain('nothing was published');
    expect(res.body.error.details.heldBack).toEqual([expect.objectContaining({ documentId: quote.documentId, state: 'changes_requested' })]);
    expect((await publicView(app, article.documentId)).status).toBe(404);
    expect(await quotePublic(quote.documentId)).toEqual(hidden);
    expect(await quotePublic(fine.documentId)).toEqual(hidden);
    expect((await workflowStatus(app, editorA, article.documentId)).state).toBe('approved');

    await mustTransition(app, editorA, quote.documentId, { action: 'submit' }, QUOTE);
    await mustTransition(app, editorB, quote.documentId, { action: 'approve' }, QUOTE);
    await mustTransition(app, editorA, article.documentId, { action: 'publish' });
    expect(await quotePublic(quote.documentId)).toEqual(shown);
    expect(await quotePublic(fine.documentId)).toEqual(shown);
  });
});

describe('removed quotes and withdrawal', () => {
  it('Given a published article with two quotes, When one is removed from the story in a correction, Then after publish_correction it is not public (nor on the article page), and after withdrawal neither is', async () => {
    const { article, quotes: [removed, kept] } = await approvedWithQuotes(2);
    await mustTransition(app, editorA, article.documentId, { action: 'publish' });
    expect(await quotePublic(removed.documentId)).toEqual(shown);

    await mustTransition(app, editorA, article.documentId, { action: 'start_correction' });
    await documentsOf(app.strapi, ARTICLE).update({ documentId: article.documentId, data: { quotes: { disconnect: [removed.documentId] } } });
    await mustTransition(app, editorB, article.documentId, { action: 'publish_correction', correction: { text: 'A quote was misattributed and has been removed.' } });

    expect(await quotePublic(removed.documentId)).toEqual(hidden);
    expect(await quotePublic(kept.documentId)).toEqual(shown);
    const page = await app.http().get(`/api/articles/slug/${String(article.slug)}`);
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body)).not.toContain(String(removed.text));
    expect(JSON.stringify(page.body)).toContain(String(kept.text));
    expect((await workflowStatus(app, editorA, removed.documentId, QUOTE)).state).toBe('withdrawn');
    expect((await historyRows(app.strapi, removed.documentId, QUOTE)).at(-1)).toMatchObject({ action: 'publish_correction', toState: 'withdrawn' });

    await mustTransition(app, legal, article.documentId, { action: 'withdraw', comment: 'Legal', notice: 'Withdrawn.' });
    expect(await quotePublic(removed.documentId)).toEqual(hidden);
    expect(await quotePublic(kept.documentId)).toEqual(hidden);
  });
});
