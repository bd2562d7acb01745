import { AsyncResource } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { startApp, type TestApp } from '../../helpers/strapi';
import { UID, documents, given, pastPublishGate, rows, unique, type Doc } from '../../helpers/builders';
import { createApiToken } from '../../helpers/admin';
import { embargo } from '../security/setup';
import { openBatchedLoads } from '../../../src/graphql/batched-associations';

/**
 * Issue 14: an `articles` list asks for its relations in a constant number of
 * SQL statements (src/graphql/batched-associations.ts), and the answer is the
 * one Strapi's per-article loads give — same order, same pages, same
 * published-only and visibility rules — on SQLite and on PostgreSQL.
 */
let app: TestApp;
let strapi: Core.Strapi;
let fullAccess: string;

const PREFIX = unique('batched').toLowerCase();
const LEAK_PREFIX = unique('leaky').toLowerCase();
const ARTICLES = 12;

let experts: Doc[];
let orgs: Doc[];
let articles: Doc[];
let draftQuoteText: string;
let draftExpertName: string;
let withdrawnHeadline: string;
let embargoedHeadline: string;

beforeAll(async () => {
  app = await startApp({ EDITORIAL_WORKFLOW_SCHEDULER: 'false' });
  strapi = app.strapi;
  fullAccess = `Bearer ${(await createApiToken(strapi, 'full-access')).accessKey}`;
  const g = given(strapi);

  orgs = [];
  for (let i = 0; i < 3; i += 1) orgs.push(await g.organization({ name: unique(`Org ${'CAB'[i]}`) }));
  experts = [];
  // Names sort differently from ids, so a sort on the relation is not the id order by accident.
  for (let i = 0; i < 4; i += 1) experts.push(await g.expert({ name: unique(`Expert ${'DBCA'[i]}`), affiliation: orgs[i % 3].documentId }));

  articles = [];
  for (let i = 0; i < ARTICLES; i += 1) {
    const story = await g.article({
      slug: `${PREFIX}-${i}`,
      datePublished: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
      // Connected out of id order: the join table's order column decides, not the id.
      people: [experts[(i + 1) % 4].documentId, experts[i % 4].documentId],
      organizations: [orgs[(i + 2) % 3].documentId, orgs[i % 3].documentId],
      sourceAgency: orgs[i % 3].documentId,
      credits: [
        { name: unique('Reporter'), role: 'reporter', organization: orgs[i % 3].documentId },
        { name: unique('Editor'), role: 'editor' },
      ],
    });
    for (const position of [3, 1, 2]) {
      await g.quote({ article: story.documentId, speaker: experts[(i + position) % 4].documentId, position, text: unique(`Quote ${position}`) });
    }
    articles.push(story);
  }

  // A draft-only quote and a draft-only expert hang off a published article of the list.
  draftQuoteText = unique('DRAFT-ONLY-QUOTE');
  await g.quote({ article: articles[0].documentId, speaker: experts[0].documentId, text: draftQuoteText, position: 9 }, 'draft');
  draftExpertName = unique('DRAFT-ONLY-EXPERT');
  const draftExpert = await g.expert({ name: draftExpertName }, 'draft');
  await documents(strapi, UID.article).update({
    documentId: articles[1].documentId,
    data: { people: [experts[2].documentId, experts[1].documentId, draftExpert.documentId] },
  });
  await pastPublishGate(strapi, () => documents(strapi, UID.article).publish({ documentId: articles[1].documentId }));

  // A withdrawn and an embargoed story share experts and organizations with the list.
  withdrawnHeadline = unique('WITHDRAWN-HEADLINE');
  const withdrawn = await g.article({ slug: `${LEAK_PREFIX}-w`, headline: withdrawnHeadline, people: [experts[0].documentId], organizations: [orgs[0].documentId] });
  const withdrawnQuote = await g.quote({ article: withdrawn.documentId, speaker: experts[0].documentId, text: unique('WITHDRAWN-QUOTE'), position: 1 });
  // As the workflow's withdrawal does (config/plugins.ts: an article owns its quotes): both are unpublished.
  for (const [uid, documentId] of [
    [UID.article, withdrawn.documentId],
    [UID.quote, withdrawnQuote.documentId],
  ] as const)
    await pastPublishGate(strapi, () => (strapi.documents(uid) as unknown as { unpublish: (p: object) => Promise<unknown> }).unpublish({ documentId }));
  embargoedHeadline = unique('EMBARGOED-HEADLINE');
  const embargoed = await g.article({ slug: `${LEAK_PREFIX}-e`, headline: embargoedHeadline, people: [experts[0].documentId], organizations: [orgs[0].documentId] });
  await g.quote({ article: embargoed.documentId, speaker: experts[0].documentId, text: unique('EMBARGOED-QUOTE'), position: 1 });
  await embargo(strapi, embargoed.documentId);
}, 600_000);

afterAll(async () => {
  delete process.env.GRAPHQL_BATCHED_ASSOCIATIONS;
  await app?.stop();
});

type GraphqlBody = { data?: Record<string, unknown>; errors?: unknown[] };

const gql = async (query: string, authorization?: string): Promise<GraphqlBody> => {
  const req = app.http().post('/graphql').send({ query });
  const res = await (authorization ? req.set('Authorization', authorization) : req);
  expect({ status: res.status, errors: res.status === 200 ? undefined : res.body?.errors }).toEqual({ status: 200, errors: undefined });
  return res.body as GraphqlBody;
};

/** The same request with batching switched off (read per request by the app): Strapi's own per-parent loads. */
const unbatched = async <T>(fn: () => Promise<T>): Promise<T> => {
  process.env.GRAPHQL_BATCHED_ASSOCIATIONS = 'false';
  try {
    return await fn();
  } finally {
    delete process.env.GRAPHQL_BATCHED_ASSOCIATIONS;
  }
};

/** SQL statements sent while `fn` runs. */
const statementsDuring = async (fn: () => Promise<unknown>): Promise<string[]> => {
  const statements: string[] = [];
  const onQuery = (query: { sql: string }) => statements.push(query.sql);
  strapi.db.connection.on('query', onQuery);
  try {
    await fn();
  } finally {
    strapi.db.connection.removeListener('query', onQuery);
  }
  return statements;
};

const list = (limit: number, fields: string) =>
  `{ articles(filters: { slug: { startsWith: "${PREFIX}-" } }, pagination: { limit: ${limit} }, sort: "datePublished:desc") { ${fields} } }`;

const ISSUE_FIELDS = 'documentId headline slug people { documentId name } quotes { text speaker { name } } organizations { name }';

describe('an articles list with its relations', () => {
  it('costs the same number of SQL statements for 3 and for 12 articles, well below the per-article loads', async () => {
    // Warm-up: the first request of an app instance reads permissions and schema once.
    await gql(list(1, ISSUE_FIELDS));
    const counts: Record<string, number> = {};
    for (const limit of [3, 12]) {
      let body: GraphqlBody = {};
      counts[`batched ${limit}`] = (await statementsDuring(async () => (body = await gql(list(limit, ISSUE_FIELDS))))).length;
      expect(body.errors).toBeUndefined();
      expect(body.data?.articles).toHaveLength(limit);
      counts[`unbatched ${limit}`] = (await unbatched(() => statementsDuring(() => gql(list(limit, ISSUE_FIELDS))))).length;
    }
    // Shown in the report of issue 14.
    console.info(`[issue 14] SQL statements for an articles list (${strapi.db.dialect.client}): ${JSON.stringify(counts)}`);
    expect(counts['batched 12']).toBe(counts['batched 3']);
    expect(counts['unbatched 12']).toBeGreaterThan(counts['unbatched 3']);
    expect(counts['batched 12'] * 4).toBeLessThan(counts['unbatched 12']);
  });

  it.each([
    ['the issue query, default pagination on the relations', ISSUE_FIELDS],
    ['pagination on the relations', 'slug quotes(pagination: { start: 1, limit: 2 }) { text position } people(pagination: { limit: 1 }) { name } organizations(pagination: { page: 2, pageSize: 1 }) { name }'],
    ['sort on the relations', 'slug quotes(sort: "position:desc") { text position } people(sort: ["name:asc"]) { name } organizations(sort: "name:desc") { name }'],
    ['filters on the relations', 'slug quotes(filters: { position: { gte: 2 } }) { text position } people(filters: { name: { contains: "Expert B" } }) { name }'],
    ['filters through a relation of the relation', 'slug quotes(filters: { speaker: { name: { contains: "Expert A" } } }) { text }'],
    ['nested relations', 'slug quotes(pagination: { limit: 5 }) { text speaker { name affiliation { name members(pagination: { limit: 5 }) { name } } } }'],
    ['to-one relations', 'slug sourceAgency { name } quotes { article { slug } speakerOrganization { name } }'],
    ['_connection fields', 'slug quotes_connection(pagination: { limit: 2 }, sort: "position:asc") { nodes { text } } people_connection { nodes { name } }'],
    ['components and their relations', 'slug credits { name role organization { name } } leadImage { caption }'],
  ])('answers exactly as the per-article loads do: %s', async (_name, fields) => {
    const query = list(12, fields);
    const expected = await unbatched(() => gql(query));
    expect(expected.errors).toBeUndefined();
    expect(await gql(query)).toEqual(expected);
  });

  it('answers exactly as the per-article loads do from the other side (experts and organizations with their articles and quotes)', async () => {
    const names = experts.map((expert) => `"${expert.name as string}"`).join(', ');
    const query = `{ experts(filters: { name: { in: [${names}] } }, sort: "name:asc") { name articles(sort: "datePublished:asc", pagination: { limit: 20 }) { slug } quotes(sort: "text:asc", pagination: { limit: 20 }) { text article { slug } } affiliation { name } }
      organizations(filters: { documentId: { in: [${orgs.map((org) => `"${org.documentId}"`).join(', ')}] } }, sort: "name:asc") { name articles(pagination: { limit: 20 }) { slug } agencyArticles(pagination: { limit: 2 }) { slug } members(pagination: { limit: 10 }) { name } } }`;
    const expected = await unbatched(() => gql(query));
    expect(expected.errors).toBeUndefined();
    expect(await gql(query)).toEqual(expected);
  });
});

describe('published-only in a batched list', () => {
  it('shows no draft-only quote or expert related to a published article, and no relation of a withdrawn or embargoed story', async () => {
    const articlesOf = `experts(pagination: { limit: 10 }) { name articles(pagination: { limit: 20 }) { headline } quotes(pagination: { limit: 20 }) { text } }
      organizations(pagination: { limit: 10 }) { articles(pagination: { limit: 20 }) { headline } }`;
    const body = await gql(list(12, 'slug people(pagination: { limit: 10 }) { name } quotes(pagination: { limit: 10 }) { text speaker { name } }').replace(/}$/, `${articlesOf} }`));
    expect(body.errors).toBeUndefined();
    const text = JSON.stringify(body);
    for (const secret of [draftQuoteText, draftExpertName, withdrawnHeadline, embargoedHeadline, 'WITHDRAWN-QUOTE', 'EMBARGOED-QUOTE']) expect(text).not.toContain(secret);
    // The published story still has its published people and quotes.
    const first = (body.data?.articles as { slug: string; quotes: unknown[]; people: unknown[] }[]).find((article) => article.slug === `${PREFIX}-1`);
    expect(first?.people).toHaveLength(2);
    expect(first?.quotes).toHaveLength(3);
  });

  it('gives a full-access token asking for drafts the draft-only quote and expert, as the per-article loads do', async () => {
    const query = `{ articles(status: DRAFT, filters: { slug: { startsWith: "${PREFIX}-" } }, pagination: { limit: 25 }, sort: "datePublished:desc") { slug people { name } quotes { text speaker { name } } } }`;
    const body = await gql(query, fullAccess);
    expect(body.errors).toBeUndefined();
    const text = JSON.stringify(body);
    expect(text).toContain(draftQuoteText);
    expect(text).toContain(draftExpertName);
    expect(body).toEqual(await unbatched(() => gql(query, fullAccess)));
  });
});

describe('batches never cross requests or transactions', () => {
  const concurrentRequests = async () => {
    const a = list(12, 'slug quotes(pagination: { start: 1, limit: 1 }) { text } people(sort: "name:desc") { name }');
    const b = list(12, 'slug quotes(sort: "position:desc") { text } people(filters: { name: { contains: "Expert C" } }) { name }');
    const drafts = a.replace('articles(', 'articles(status: DRAFT, ');
    const [expectedA, expectedB, expectedDrafts] = [await gql(a), await gql(b), await gql(drafts, fullAccess)];
    expect(expectedA).not.toEqual(expectedB);
    expect(expectedDrafts).not.toEqual(expectedA);
    for (let round = 0; round < 3; round += 1) {
      const [gotA, gotB, gotDrafts, gotAAgain] = await Promise.all([gql(a), gql(b), gql(drafts, fullAccess), gql(a)]);
      expect(gotA).toEqual(expectedA);
      expect(gotB).toEqual(expectedB);
      expect(gotDrafts).toEqual(expectedDrafts);
      expect(gotAAgain).toEqual(expectedA);
    }
  };

  it('gives two concurrent requests with different relation arguments each their own answer', async () => {
    // supertest closes a server it started itself after each request: listen here, so concurrent requests share one.
    const server = strapi.server.httpServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await concurrentRequests();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });


  it('loads inside a transaction on the transaction, never in a batch with loads outside it', async () => {
    const published = async (doc: Doc) =>
      (await rows(strapi, UID.article).findOne({ where: { documentId: doc.documentId, publishedAt: { $notNull: true } }, select: ['id'] })) as { id: number };
    const [inside, outside] = [await published(articles[0]), await published(articles[4])];
    // experts[1] is among the people of articles 0 and 4.
    const shared = (await rows(strapi, UID.expert).findOne({ where: { documentId: experts[1].documentId, publishedAt: { $notNull: true } } })) as { id: number; name: string };
    const params = { where: { publishedAt: { $notNull: true } }, limit: 25, offset: 0 };
    const renamed = unique('RENAMED-IN-TRANSACTION');
    type Person = { name: string };

    const state = {};
    let outsidePeople: Person[] = [];
    let insidePeople: Person[] = [];
    await strapi.requestContext.run({ state } as never, async () => {
      openBatchedLoads(state);
      // A load of the request made outside the transaction, called while the transaction runs.
      const loadOutside = AsyncResource.bind(() => strapi.db.query(UID.article).load(outside, 'people', params) as Promise<Person[]>);
      let queued: Promise<Person[]> = Promise.resolve([]);
      await strapi.db.transaction(async ({ rollback }) => {
        await rows(strapi, UID.expert).update({ where: { id: shared.id }, data: { name: renamed } });
        queued = loadOutside();
        // Same relation, same parameters: a batch that took it in would run it outside the transaction.
        insidePeople = (await strapi.db.query(UID.article).load(inside, 'people', params)) as Person[];
        await rollback();
      });
      outsidePeople = await queued;
    });
    expect(insidePeople.map((person) => person.name)).toContain(renamed);
    expect(outsidePeople.map((person) => person.name)).toContain(shared.name);
    expect(outsidePeople.map((person) => person.name)).not.toContain(renamed);
  }, 60_000);
});
