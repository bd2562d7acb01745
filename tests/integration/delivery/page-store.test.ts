import path from 'path';
import { blocksToHtml, blocksToText } from '../../../src/delivery/blocks';
import type { Knex } from 'knex';
import { startApp, type TestApp } from '../../helpers/strapi';
import { republishForTest, withPublishGateBypass } from '../../helpers/publish';
import { createArticleGraph, UIDS, type ArticleGraph } from './article-graph';
import { loadArticlePage } from '../../../src/delivery/page-graph';
import { PAGE_TABLE, storedPageOf } from '../../../src/delivery/page-store';
import { seedNewsroom } from '../../../src/importer/seed';

/**
 * The stored page graph (issue 14): written in the transaction of every change
 * a page shows, equal to what the populate path builds, and what the slug
 * route and GraphQL `articleBySlug` read — a cold read in ≤ 3 SQL statements.
 * Runs on SQLite and on PostgreSQL (DATABASE_CLIENT=postgres).
 */
let app: TestApp;
let g: ArticleGraph;

beforeAll(async () => {
  app = await startApp();
  g = await createArticleGraph(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

/** The app runs from dist: its response cache is the one of dist's module. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { responseCacheOf } = require(path.resolve(__dirname, '../../../dist/src/delivery/http')) as typeof import('../../../src/delivery/http');

const knex = () => app.strapi.db.connection as unknown as Knex;
const stored = (documentId: string) => storedPageOf(knex(), documentId);
/** What the populate path (the slug route before issue 14) builds, as JSON carries it. */
const built = async (documentId: string) => JSON.parse(JSON.stringify(await loadArticlePage(app.strapi, { documentId }, 'published')));
const page = (slug = g.slug) => app.http().get(`/api/articles/slug/${slug}`);

/** The SQL statements `fn` issues. */
const statementsOf = async (fn: () => Promise<unknown>): Promise<string[]> => {
  const statements: string[] = [];
  const onQuery = (query: { sql: string }) => statements.push(query.sql);
  app.strapi.db.connection.on('query', onQuery);
  try {
    await fn();
  } finally {
    app.strapi.db.connection.removeListener('query', onQuery);
  }
  return statements;
};

const ORG = 'documentId name slug orgType country wikidataId website';
const PERSON = `documentId name slug jobTitle expertType nationality wikidataId sameAs affiliation { ${ORG} }`;
const GRAPHQL_PAGE = `query ArticlePage($slug: String!) {
  articleBySlug(slug: $slug) {
    documentId headline slug uri standfirst body bodyHtml bodyText section dateline byline language translationMethod
    originalLanguage datePublished dateModified publishedAtText embargoedUntil publishedAt updatedAt createdAt
    credits { name role organization { ${ORG} } }
    leadImage { caption credit image { url alternativeText width height mime formats renditions { name url width height mime } } }
    corrections { date text }
    subjects { name uri rel }
    sourceAgency { ${ORG} }
    quotes(sort: "position:asc") {
      documentId text quoteType speakerDescription speakerTitleAtTime cue position context verificationStatus
      speaker { ${PERSON} }
      speakerOrganization { ${ORG} }
    }
    people { ${PERSON} }
    organizations { ${ORG} }
    sanctionRecords {
      documentId authorityCountry program measureType listingStatus startDate endDate listingDate
      reason delistingReason sourceUrl verificationStatus
      organization { ${ORG} } authority { ${ORG} }
    }
  }
}`;
const graphql = (slug = g.slug) => app.http().post('/graphql').send({ query: GRAPHQL_PAGE, variables: { slug } });

describe('the stored page graph', () => {
  it('is written at publication and equals what the populate path builds', async () => {
    const row = await stored(g.article.documentId);
    expect(row).not.toBeNull();
    expect(row).toEqual(await built(g.article.documentId));
    expect((row as any).quotes).toHaveLength(2);
  });

  it('for the seeded story, once published, equals what the populate path builds and is what the slug route serves', async () => {
    const [result] = await seedNewsroom(app.strapi);
    if (result.status === 'refused') throw new Error(result.error);
    const articleId = result.report.articleDocumentId as string;
    expect(await stored(articleId)).toBeNull(); // a draft has no row
    // Publish everything the import left as drafts, the people and records before the article and its quotes.
    await withPublishGateBypass(app.strapi, async () => {
      for (const uid of [UIDS.organization, UIDS.expert, UIDS.sanctionRecord, UIDS.article, UIDS.quote]) {
        const drafts = (await app.strapi.documents(uid as any).findMany({ status: 'draft', fields: ['documentId'] as any, limit: 1000 } as any)) as Array<{
          documentId: string;
        }>;
        for (const { documentId } of drafts) {
          const live = await app.strapi.db.query(uid as any).findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: ['id'] });
          if (!live) await app.strapi.documents(uid as any).publish({ documentId } as any);
        }
      }
    });
    const row = (await stored(articleId)) as Record<string, any>;
    expect(row).not.toBeNull();
    expect(row.quotes.length).toBeGreaterThan(0);
    expect(row).toEqual(await built(articleId));

    responseCacheOf(app.strapi).clear();
    const res = await page(row.slug);
    expect(res.status).toBe(200);
    expect(res.body.data.documentId).toBe(articleId);
    expect(res.body.data.quotes.map((q: any) => q.documentId)).toEqual(row.quotes.map((q: any) => q.documentId));
    expect(res.body.data.headline).toBe(row.headline);
  });

  it('is rewritten inside the transaction of a correction (rolled back with it)', async () => {
    const before = (await stored(g.article.documentId)) as Record<string, any>;
    const correction = { date: '2024-03-05T09:00:00.000Z', text: 'A correction that is rolled back.' };
    const kept = before.corrections.map((c: any) => ({ date: c.date, text: c.text }));
    const failure = new Error('roll back');
    await expect(
      app.strapi.db.transaction(async ({ trx }) => {
        await republishForTest(app.strapi, UIDS.article, g.article.documentId, { corrections: [...kept, correction] });
        // Inside the transaction, the row already shows the correction.
        const inside = (await (trx as unknown as Knex)(PAGE_TABLE).where({ document_id: g.article.documentId }).first('graph')) as { graph: string };
        expect(JSON.parse(inside.graph).corrections).toEqual(expect.arrayContaining([expect.objectContaining({ text: correction.text })]));
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await stored(g.article.documentId)).toEqual(before);

    await republishForTest(app.strapi, UIDS.article, g.article.documentId, { corrections: [...kept, { ...correction, text: 'A kept correction.' }] });
    const after = (await stored(g.article.documentId)) as Record<string, any>;
    expect(after.corrections.map((c: any) => c.text)).toContain('A kept correction.');
    expect(after).toEqual(await built(g.article.documentId));
  });

  it('is rewritten when an expert it shows is renamed, and when their affiliation is', async () => {
    await republishForTest(app.strapi, UIDS.expert, g.speaker.documentId, { name: 'Jane Stored-Renamed' });
    let row = (await stored(g.article.documentId)) as Record<string, any>;
    const spoken = row.quotes.find((q: any) => q.speaker?.documentId === g.speaker.documentId);
    expect(spoken.speaker.name).toBe('Jane Stored-Renamed');
    expect(row.people.find((p: any) => p.documentId === g.speaker.documentId).name).toBe('Jane Stored-Renamed');

    await republishForTest(app.strapi, UIDS.organization, g.thinkTank.documentId, { name: 'Stored Renamed Institute' });
    row = (await stored(g.article.documentId)) as Record<string, any>;
    expect(row.quotes.find((q: any) => q.speaker?.documentId === g.speaker.documentId).speaker.affiliation.name).toBe('Stored Renamed Institute');
    expect(row).toEqual(await built(g.article.documentId));
  });

  it('a quote edit published is in the row', async () => {
    await republishForTest(app.strapi, UIDS.quote, g.quote1.documentId, { text: 'The first thing said, as corrected.' });
    const row = (await stored(g.article.documentId)) as Record<string, any>;
    expect(row.quotes[0].text).toBe('The first thing said, as corrected.');
  });
});

describe('reads from the stored graph', () => {
  it('a cold slug read (empty response cache) is at most 3 SQL statements, none of them the populate', async () => {
    await page(); // warm the process (permissions, lazy modules)
    for (const format of ['json', 'jsonld', 'ftm']) {
      responseCacheOf(app.strapi).clear();
      let res: any;
      const statements = await statementsOf(async () => {
        res = await app.http().get(`/api/articles/slug/${g.slug}?format=${format}`);
      });
      expect(res.status).toBe(200);
      expect(res.headers['x-delivery-cache']).toBe('MISS');
      expect(statements.length).toBeLessThanOrEqual(3);
      expect(statements.some((sql) => sql.includes(PAGE_TABLE))).toBe(true);
      expect(statements.join('\n')).not.toMatch(/quotes|experts|sanction_records/);
    }
  });

  it('GraphQL articleBySlug resolves the whole page from the row in at most 3 SQL statements, with the same data', async () => {
    await graphql();
    let res: any;
    const statements = await statementsOf(async () => {
      res = await graphql();
    });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(statements.length).toBeLessThanOrEqual(3);
    const data = res.body.data.articleBySlug;
    const row = (await stored(g.article.documentId)) as Record<string, any>;
    expect(data.documentId).toBe(row.documentId);
    expect(data.quotes.map((q: any) => [q.documentId, q.text, q.speaker?.name ?? null])).toEqual(
      row.quotes.map((q: any) => [q.documentId, q.text, q.speaker?.name ?? null]),
    );
    expect(data.sanctionRecords[0].organization.documentId).toBe(g.company.documentId);
    expect(data.corrections).toEqual(row.corrections.map((c: any) => ({ date: c.date, text: c.text })));
    // Typed views of the JSON values, from the same row (no more statements): the body as HTML and text, links as strings.
    expect(data.bodyText).toBe(blocksToText(row.body));
    expect(data.bodyHtml).toBe(blocksToHtml(row.body));
    expect(data.bodyHtml).toMatch(/^<(p|h\d)>/);
    for (const person of data.people) expect(Array.isArray(person.sameAs)).toBe(true);
  });

  it('an article published before the table existed (no row) is built, served and stored on first read', async () => {
    await knex()(PAGE_TABLE).where({ document_id: g.article.documentId }).del();
    responseCacheOf(app.strapi).clear();
    const res = await page();
    expect(res.status).toBe(200);
    expect(res.body.data.documentId).toBe(g.article.documentId);
    expect(await stored(g.article.documentId)).toEqual(await built(g.article.documentId));
  });

  it('a withdrawal removes the row in its transaction: the slug route and GraphQL answer as without it', async () => {
    const extra = await createArticleGraph(app.strapi);
    expect(await stored(extra.article.documentId)).not.toBeNull();
    expect((await page(extra.slug)).status).toBe(200);
    await withPublishGateBypass(app.strapi, () => app.strapi.documents(UIDS.article as any).unpublish({ documentId: extra.article.documentId } as any));
    expect(await stored(extra.article.documentId)).toBeNull();
    const res = await page(extra.slug);
    expect([404, 410]).toContain(res.status);
    const gql = await graphql(extra.slug);
    expect(gql.body.data?.articleBySlug ?? null).toBeNull();
  });
});

describe('the front list from stored summaries', () => {
  const front = (query: string, headers: Record<string, string> = {}) => {
    const req = app.http().get(`/api/fronts/articles${query}`);
    for (const [name, value] of Object.entries(headers)) req.set(name, value);
    return req;
  };

  it('lists a section newest first by datePublished, summaries only, cold in at most 6 statements, with ETag/304 and cache tags', async () => {
    const newer = await createArticleGraph(app.strapi, { datePublished: '2025-06-01T10:00:00.000Z' });
    const embargoed = await createArticleGraph(app.strapi, { datePublished: '2025-07-01T10:00:00.000Z', embargoedUntil: '2999-01-01T00:00:00.000Z' });
    await front('?section=World'); // warm the process
    responseCacheOf(app.strapi).clear();
    let res: any;
    const statements = await statementsOf(async () => {
      res = await front('?section=World&limit=50');
    });
    expect(res.status).toBe(200);
    expect(statements.length).toBeLessThanOrEqual(6);
    const ids = res.body.data.map((item: any) => item.documentId);
    expect(ids.indexOf(newer.article.documentId)).toBeLessThan(ids.indexOf(g.article.documentId));
    expect(ids).not.toContain(embargoed.article.documentId);
    expect(res.body.data.every((item: any) => item.section === 'World')).toBe(true);
    const dates = res.body.data.map((item: any) => new Date(item.datePublished).getTime());
    expect(dates).toEqual([...dates].sort((x: number, y: number) => y - x));
    expect(res.body.data[0]).not.toHaveProperty('body');
    expect(res.body.data[0]).not.toHaveProperty('quotes');
    expect(res.headers['cache-tag'].split(',')).toEqual(expect.arrayContaining(['list:article', `article:${newer.article.documentId}`]));

    const etag = res.headers.etag;
    expect(etag).toMatch(/^"/);
    const again = await front('?section=World&limit=50', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.headers['x-delivery-cache']).toBe('HIT');

    expect((await front('?section=Nowhere')).body.data).toEqual([]);
  });

  it('serves a warm anonymous front before the router: one SQL statement (the version check), no permission lookup', async () => {
    await front('?section=World&limit=10');
    await front('?section=World&limit=10');
    let res: any;
    const statements = await statementsOf(async () => {
      res = await front('?section=World&limit=10');
    });
    expect(res.status).toBe(200);
    expect(res.headers['x-delivery-cache']).toBe('HIT');
    // The check: on SQLite, with nothing committed since the last check of these keys, PRAGMA data_version alone.
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/newsroom_content_versions|^PRAGMA data_version$/);
    // With a credential the route answers (and the Public role's lookup is not what decides).
    const authenticated = await front('?section=World&limit=10', { Authorization: 'Bearer not-a-token' });
    expect(authenticated.headers['x-delivery-cache']).not.toBe('HIT');
  });

  it('follows a publication at once (list:article is stamped in its transaction)', async () => {
    const before = await front('?section=World');
    const newest = await createArticleGraph(app.strapi, { datePublished: '2026-01-01T10:00:00.000Z' });
    const after = await front('?section=World', { 'If-None-Match': before.headers.etag });
    expect(after.status).toBe(200);
    expect(after.body.data[0].documentId).toBe(newest.article.documentId);
  });

  it('refuses a bad limit or section with 400 naming the parameter', async () => {
    for (const [query, path] of [
      ['?limit=0', 'limit'],
      ['?limit=101', 'limit'],
      ['?limit=abc', 'limit'],
      ['?section=', 'section'],
      ['?section[a]=b', 'section'],
    ]) {
      const res = await front(query);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual([path]);
    }
  });
});

describe('an older page table', () => {
  it('is rebuilt at bootstrap with summaries ahead of the graphs, and its rows are written again from the published articles', async () => {
    const { ensurePageTable, backfillStoredPages } = await import('../../../src/delivery/page-store');
    const before = await stored(g.article.documentId);
    expect(before).not.toBeNull();
    // The first layout: the graph before the summary, no list-order index.
    await knex().schema.dropTable(PAGE_TABLE);
    await knex().schema.createTable(PAGE_TABLE, (table) => {
      table.string('document_id', 255).primary();
      table.string('slug', 255).notNullable();
      table.text('graph', 'longtext').notNullable();
      table.string('section', 255);
      table.bigInteger('published_ms').notNullable().defaultTo(0);
      table.bigInteger('embargo_ms');
      table.text('summary').notNullable().defaultTo('{}');
      table.timestamp('written_at', { useTz: true }).notNullable();
    });

    await ensurePageTable(knex());
    expect(await stored(g.article.documentId)).toBeNull();
    expect(await backfillStoredPages(app.strapi)).toBeGreaterThan(0);
    expect(await stored(g.article.documentId)).toEqual(before);
    const columns = Object.keys(await knex()(PAGE_TABLE).columnInfo());
    expect(columns.indexOf('summary')).toBeLessThan(columns.indexOf('graph'));
    // Idempotent: a second bootstrap keeps the rows.
    await ensurePageTable(knex());
    expect(await stored(g.article.documentId)).toEqual(before);
    responseCacheOf(app.strapi).clear();
    expect((await page()).status).toBe(200);
  });
});
