import { createAdmin, type AdminUser } from '../../helpers/admin';
import { startApp, type TestApp } from '../../helpers/strapi';
import { startSecondInstance, type SecondInstance } from '../../helpers/second-instance';
import { ARTICLE, WORKFLOW_TEST_ENV, approvedArticle, historyRows, mustTransition } from '../../helpers/workflow';

/**
 * Every instance runs the scheduler (issue 10): two app instances on one
 * PostgreSQL database (this process and a child), both ticking at once over
 * the same due stories, publish each exactly once — one `publish` history
 * row, one published version — and the instance that did not claim a story
 * skips it instead of failing on it (services/scheduler.ts claimScheduled:
 * FOR UPDATE SKIP LOCKED). Before the claim, the two ticks raced on every row
 * and the loser reported each as a failed scheduled publication.
 */
type TickResult = { published: { uid: string; documentId: string }[]; failed: { documentId: string; error: string }[] };

let a: TestApp;
let b: SecondInstance;
let editors: AdminUser[];
const STORIES = 6;

beforeAll(async () => {
  a = await startApp(WORKFLOW_TEST_ENV);
  editors = [await createAdmin(a, ['Editor'], 'EditorA'), await createAdmin(a, ['Editor'], 'EditorB')];
  b = await startSecondInstance({ ...a.db.env, ...WORKFLOW_TEST_ENV });
}, 240_000);
afterAll(async () => {
  await b?.stop();
  await a?.stop();
}, 60_000);

it('two instances ticking at once publish each due scheduled story exactly once, and neither reports a failure', async () => {
  const at = new Date(Date.now() + 3600 * 1000);
  const stories: string[] = [];
  for (let n = 0; n < STORIES; n += 1) {
    const { documentId } = await approvedArticle(a, editors[0], editors[1]);
    await mustTransition(a, editors[1], documentId, { action: 'schedule', scheduledAt: at.toISOString() });
    stories.push(documentId);
  }
  const now = new Date(at.getTime() + 1000);

  const [onA, onB] = await Promise.all([
    a.strapi.plugin('editorial-workflow').service('scheduler').tick(now) as Promise<TickResult>,
    b.call<TickResult>('editorial-workflow', 'scheduler', 'tick', now.toISOString()),
  ]);

  expect([...onA.failed, ...onB.failed]).toEqual([]);
  const published = [...onA.published, ...onB.published].map((ref) => ref.documentId);
  expect(published.sort()).toEqual([...stories].sort());
  for (const documentId of stories) {
    const publishes = (await historyRows(a.strapi, documentId)).filter((row) => row.action === 'publish');
    expect(publishes).toHaveLength(1);
    expect(await a.strapi.db.query(ARTICLE).count({ where: { documentId, publishedAt: { $notNull: true } } })).toBe(1);
  }

  // A later tick on either instance finds nothing left to publish.
  const again = await Promise.all([
    a.strapi.plugin('editorial-workflow').service('scheduler').tick(now) as Promise<TickResult>,
    b.call<TickResult>('editorial-workflow', 'scheduler', 'tick', now.toISOString()),
  ]);
  expect(again.flatMap((result) => [...result.published, ...result.failed])).toEqual([]);
});
