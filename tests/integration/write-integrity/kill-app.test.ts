import request from 'supertest';
import { bearer, createAdmin, type AdminUser } from '../../helpers/admin';
import { startApp, type TestApp } from '../../helpers/strapi';
import { startSecondInstance, type SecondInstance } from '../../helpers/second-instance';
import { ARTICLE, HISTORY, QUOTE, STATE, WORKFLOW_TEST_ENV, documentsOf, draftArticle, draftQuoteGraph, mustTransition } from '../../helpers/workflow';

/**
 * kill -9 of the app in the middle of a publish cascade, then a restart: the
 * story is published with all its quotes or not at all, and the history
 * matches the state (issue 10, "Faults"). The publish runs on a second
 * instance (its own process, same database), which is killed at a random
 * moment of the request; this process checks the database afterwards.
 */
const QUOTES = 25;
const ROUNDS = 3;

let app: TestApp;
let b: SecondInstance | undefined;
let submitter: AdminUser;
let approver: AdminUser;

beforeAll(async () => {
  app = await startApp(WORKFLOW_TEST_ENV);
  submitter = await createAdmin(app, ['Editor'], 'Submitter');
  approver = await createAdmin(app, ['Editor'], 'Approver');
}, 180_000);
afterAll(async () => {
  await b?.stop();
  await app?.stop();
}, 60_000);

/** An approved article with QUOTES quotes (all written before review), ready for the publish cascade. */
const approvedStory = async () => {
  const article = await draftArticle(app.strapi, { datePublished: '2026-11-30T08:00:00.000Z' });
  const graph = await draftQuoteGraph(app.strapi, article.documentId);
  for (let n = 1; n < QUOTES; n += 1) {
    await documentsOf(app.strapi, QUOTE).create({ data: { text: `Quoted words ${n}`, article: article.documentId, speaker: graph.expert.documentId, position: n + 1 } });
  }
  await mustTransition(app, submitter, article.documentId, { action: 'submit' });
  await mustTransition(app, approver, article.documentId, { action: 'approve' });
  return article;
};

const publishOnB = (documentId: string) =>
  request(b!.url).post(`/editorial-workflow/documents/${ARTICLE}/${documentId}/transitions`).set(bearer(approver)).send({ action: 'publish' });

/** What the database says about one story: all of it published and recorded, or none of it. */
const outcome = async (documentId: string) => {
  const state = (await app.strapi.db.query(STATE as never).findOne({ where: { targetUid: ARTICLE, targetDocumentId: documentId } })) as { state: string } | null;
  const publishes = await app.strapi.db.query(HISTORY as never).count({ where: { targetUid: ARTICLE, targetDocumentId: documentId, action: 'publish' } });
  const livingArticle = await app.strapi.db.query(ARTICLE).count({ where: { documentId, publishedAt: { $notNull: true } } });
  const quotes = await app.strapi.db.query(QUOTE).findMany({ where: { article: { documentId }, publishedAt: null }, select: ['documentId'] });
  const livingQuotes = await app.strapi.db.query(QUOTE).count({ where: { documentId: { $in: quotes.map((quote) => quote.documentId) }, publishedAt: { $notNull: true } } });
  return { state: state?.state, publishes, livingArticle, livingQuotes, quotes: quotes.length };
};

it(`publish cascades of ${QUOTES} quotes killed at random moments are all-or-nothing, and history matches state`, async () => {
  b = await startSecondInstance({ ...app.db.env, ...WORKFLOW_TEST_ENV });
  // A publish that runs to the end: how long the cascade takes bounds where the kills land.
  const first = await approvedStory();
  const started = Date.now();
  const done = await publishOnB(first.documentId);
  const duration = Date.now() - started;
  expect(done.status).toBe(200);
  expect(await outcome(first.documentId)).toEqual({ state: 'published', publishes: 1, livingArticle: 1, livingQuotes: QUOTES, quotes: QUOTES });

  const seen: string[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    const story = await approvedStory();
    const killAt = Math.round(duration * (0.2 + 0.7 * Math.random()));
    const pending = publishOnB(story.documentId).then(
      (res) => res.status,
      () => 'connection lost',
    );
    await new Promise((resolve) => setTimeout(resolve, killAt));
    const child = b.child;
    const gone = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
    await pending;
    await b.stop();
    // Restart: the next round's publishes run on a fresh instance that recovers the database.
    b = await startSecondInstance({ ...app.db.env, ...WORKFLOW_TEST_ENV });

    const result = await outcome(story.documentId);
    seen.push(result.state ?? 'none');
    if (result.state === 'published') expect(result).toEqual({ state: 'published', publishes: 1, livingArticle: 1, livingQuotes: QUOTES, quotes: QUOTES });
    else expect(result).toEqual({ state: 'approved', publishes: 0, livingArticle: 0, livingQuotes: 0, quotes: QUOTES });

    // Whatever happened, the story can still be published afterwards, through the restarted instance.
    if (result.state === 'approved') {
      expect((await publishOnB(story.documentId)).status).toBe(200);
      expect(await outcome(story.documentId)).toEqual({ state: 'published', publishes: 1, livingArticle: 1, livingQuotes: QUOTES, quotes: QUOTES });
    }
  }
  expect(seen).toHaveLength(ROUNDS);
}, 1_200_000);
