/**
 * The response cache's validity check (src/delivery/version-reader.ts): on
 * SQLite it runs on a read-only connection of its own. A cached page must
 * still never outlive a write committed by anyone — this process or another
 * one on the same file — readers must not wait for a writer, and the
 * statement is still counted.
 */
import knexFactory, { type Knex } from 'knex';
import type { Core } from '@strapi/strapi';
import { startApp, type TestApp } from '../../helpers/strapi';
import { createArticleGraph, type ArticleGraph } from './article-graph';
import { nextSeq, stampKeys } from '../../../src/delivery/content-version';
import { createVersionReader, READER_NAME } from '../../../src/delivery/version-reader';

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

    it('when checks of different pages arrive together, then each gets its own answer and the client runs one query at a time', async () => {
      // The app's knex, seen through a driver whose clients count the queries they are running at once.
      const knex = app.strapi.db.connection as unknown as Knex & { client: { driver: { Client: new (...args: unknown[]) => { query: (...args: unknown[]) => Promise<unknown> } } } };
      const Base = knex.client.driver.Client;
      let running = 0;
      let most = 0;
      class Counting extends Base {
        query(...args: unknown[]) {
          running += 1;
          most = Math.max(most, running);
          return super.query(...args).finally(() => (running -= 1));
        }
      }
      const client = new Proxy(knex.client, { get: (target, key) => (key === 'driver' ? { ...target.driver, Client: Counting } : Reflect.get(target, key)) });
      const counted = new Proxy(knex, { get: (target, key) => (key === 'client' ? client : Reflect.get(target, key)) });
      const reader = createVersionReader({ db: { connection: counted, getSchemaName: () => app.strapi.db.getSchemaName() } } as unknown as Core.Strapi);
      try {
        await other.transaction(async (trx) => stampKeys(trx, ['article:together-1'], await nextSeq(trx)));
        const stamped = Number((await other.raw(`SELECT seq FROM newsroom_content_versions WHERE version_key = 'article:together-1'`)).rows[0].seq);
        const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => reader.newest([i % 2 === 0 ? 'article:together-1' : `article:apart-${i}`, `quote:q${i}`])));
        expect(answers).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? stamped : 0)));
        // pg 8 queues a query sent while another runs, as a deprecated courtesy (pg 9 drops the queue).
        expect(most).toBe(1);
      } finally {
        await reader.close();
      }
    });
  }
});
