import request from 'supertest';
import { startApp, type TestApp } from '../../helpers/strapi';
import { startSecondInstance, type SecondInstance } from '../../helpers/second-instance';
import { republishForTest, withPublishGateBypass } from '../../helpers/publish';
import { createArticleGraph, UIDS, type ArticleGraph } from './article-graph';

/**
 * The stored page graph across two instances on one PostgreSQL database: a
 * correction, an expert rename and a withdrawal committed on A are what
 * instance B reads from the row right after the commit — B runs without a
 * response cache, so every read of B is a stored-graph read — and once B has
 * seen the new version it never sees the old one again.
 */
let a: TestApp;
let b: SecondInstance;
let g: ArticleGraph;
const savedClient = process.env.DATABASE_CLIENT;

beforeAll(async () => {
  process.env.DATABASE_CLIENT = 'postgres';
  a = await startApp();
  g = await createArticleGraph(a.strapi);
  b = await startSecondInstance({ ...a.db.env, DELIVERY_RESPONSE_CACHE: 'false' });
}, 300_000);
afterAll(async () => {
  await b?.stop();
  await a?.stop();
  process.env.DATABASE_CLIENT = savedClient;
}, 60_000);

const readOnB = (slug = g.slug) => request(b.url).get(`/api/articles/slug/${slug}`);

/**
 * Reads B in a loop while `write` runs on A, then once more after it resolved.
 * Returns what each read saw (`old` / `new`), in order.
 */
const watchB = async (write: () => Promise<unknown>, seen: (res: request.Response) => 'old' | 'new', slug?: string): Promise<string[]> => {
  const sequence: string[] = [];
  let writing = true;
  const poll = (async () => {
    while (writing) sequence.push(seen(await readOnB(slug)));
  })();
  await write();
  writing = false;
  await poll;
  const after = seen(await readOnB(slug));
  sequence.push(after);
  return sequence;
};

const neverOldAfterNew = (sequence: string[]) => {
  expect(sequence[sequence.length - 1]).toBe('new');
  const firstNew = sequence.indexOf('new');
  expect(sequence.slice(firstNew)).not.toContain('old');
};

it('B reads a correction committed on A right after the commit', async () => {
  expect((await readOnB()).status).toBe(200);
  const sequence = await watchB(
    () =>
      republishForTest(a.strapi, UIDS.article, g.article.documentId, {
        corrections: [{ date: '2024-03-04T09:00:00.000Z', text: 'Corrected across instances.' }],
      }),
    (res) => (res.body.data.corrections.some((c: { text: string }) => c.text === 'Corrected across instances.') ? 'new' : 'old'),
  );
  neverOldAfterNew(sequence);
});

it('B reads an expert rename committed on A right after the commit', async () => {
  const sequence = await watchB(
    () => republishForTest(a.strapi, UIDS.expert, g.speaker.documentId, { name: 'Renamed On A' }),
    (res) => (res.body.data.quotes.some((q: any) => q.speaker?.name === 'Renamed On A') ? 'new' : 'old'),
  );
  neverOldAfterNew(sequence);
});

it('B answers a withdrawal committed on A right after the commit (no row, as without the stored graph)', async () => {
  const sequence = await watchB(
    () => withPublishGateBypass(a.strapi, () => a.strapi.documents(UIDS.article as any).unpublish({ documentId: g.article.documentId } as any)),
    (res) => (res.status === 200 ? 'old' : 'new'),
  );
  neverOldAfterNew(sequence);
  expect([404, 410]).toContain((await readOnB()).status);
});
