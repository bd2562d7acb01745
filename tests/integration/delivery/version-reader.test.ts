/**
 * The response cache's validity check (src/delivery/version-reader.ts): on
 * SQLite it runs on a read-only connection of its own. A cached page must
 * still never outlive a write committed by anyone — this process or another
 * one on the same file — readers must not wait for a writer, and the
 * statement is still counted.
 */
import knexFactory, { type Knex } from 'knex';
import { startApp, type TestApp } from '../../helpers/strapi';
import { createArticleGraph, type ArticleGraph } from './article-graph';
import { nextSeq, stampKeys } from '../../../src/delivery/content-version';
import { READER_NAME } from '../../../src/delivery/version-reader';

let app: TestApp;
let g: ArticleGraph;
/** Another connection pool on the same database: another process's writes. */
let other: Knex;

beforeAll(async () => {
  app = await startApp();
  g = await createArticleGraph(app.strapi);
  const config = (app.strapi.db.connection as unknown as { client: { config: Knex.Config } }).client.config;
  other = knexFactory({ ...config, pool: { min: 0, max: 1 } });
});
afterAll(async () => {
  await other?.destroy();
  await app?.stop();
});

const page = () => app.http().get(`/api/articles/slug/${g.slug}`);
const sqlite = process.env.DATABASE_CLIENT !== 'postgres';
/** The validity check's search of a page's keys (SQLite and PostgreSQL forms). */
const CHECK = /^SELECT MAX\(.*newsroom_content_versions WHERE version_key/;
const articleKey = () => `article:${g.article.documentId}`;

/** Statements the app's knex reported while `work` ran. */
const statementsDuring = async (work: () => Promise<unknown>) => {
  const seen: string[] = [];
  const listener = (query: { sql: string }) => seen.push(query.sql);
  const connection = app.strapi.db.connection as unknown as Knex;
  connection.on('query', listener);
  try {
    await work();
  } finally {
    connection.off('query', listener);
  }
  return seen;
};

const warm = async () => {
  await page();
  const res = await page();
  expect(res.headers['x-delivery-cache']).toBe('HIT');
  return res;
};

describe('Given a cached article page', () => {
  it('when it is read again, then it is a hit whose one validity statement is still reported', async () => {
    await warm();
    const statements = await statementsDuring(async () => expect((await page()).headers['x-delivery-cache']).toBe('HIT'));
    // SQLite: nothing was committed since warm()'s hit checked the same keys, so the answer kept then stands.
    expect(statements).toEqual(sqlite ? ['PRAGMA data_version'] : [expect.stringMatching(CHECK)]);
  });

  it('when another connection commits a write to a document the page does not show, then the next hit searches its keys again and is still a hit', async () => {
    await warm();
    await other.transaction(async (trx) => stampKeys(trx, ['article:not-on-this-page'], await nextSeq(trx)));
    const statements = await statementsDuring(async () => expect((await page()).headers['x-delivery-cache']).toBe('HIT'));
    expect(statements).toEqual(sqlite ? ['PRAGMA data_version', expect.stringMatching(CHECK)] : [expect.stringMatching(CHECK)]);
  });

  it('when another connection commits a write to a document the page shows, then the very next read is not served from the cache', async () => {
    await warm();
    await other.transaction(async (trx) => stampKeys(trx, [articleKey()], await nextSeq(trx)));
    expect((await page()).headers['x-delivery-cache']).toBe('MISS');
    expect((await page()).headers['x-delivery-cache']).toBe('HIT');
  });

  it('when another connection has stamped it stale but not committed yet, then reads are still hits (and do not wait), and the first read after the commit is not', async () => {
    await warm();
    let commit: () => void = () => {};
    const committed = new Promise<void>((resolve) => (commit = resolve));
    let stamped: () => void = () => {};
    const isStamped = new Promise<void>((resolve) => (stamped = resolve));
    const writer = other.transaction(async (trx) => {
      await stampKeys(trx, [articleKey()], await nextSeq(trx));
      stamped();
      await committed;
    });
    await isStamped;
    expect((await page()).headers['x-delivery-cache']).toBe('HIT');
    commit();
    await writer;
    expect((await page()).headers['x-delivery-cache']).toBe('MISS');
  });

  if (process.env.DATABASE_CLIENT === 'postgres') {
    it('when the check\'s own PostgreSQL connection is killed, then reads stay correct and the next check opens another', async () => {
      await warm();
      const terminated = await other.raw(`SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE application_name = ? AND datname = current_database()`, [READER_NAME]);
      expect(terminated.rows.length).toBe(1);
      expect((await page()).headers['x-delivery-cache']).toBe('HIT');
      await other.transaction(async (trx) => stampKeys(trx, [articleKey()], await nextSeq(trx)));
      expect((await page()).headers['x-delivery-cache']).toBe('MISS');
      expect((await page()).headers['x-delivery-cache']).toBe('HIT');
      const readers = await other.raw(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ? AND datname = current_database()`, [READER_NAME]);
      expect(readers.rows[0].n).toBe(1);
    });
  }
});
