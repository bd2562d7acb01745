import type { Core } from '@strapi/strapi';
import { startApp, type TestApp } from '../../helpers/strapi';
import { UID, REST_PATH, countRows, documents, fullAccessToken, given, pastPublishGate, rows, unique, valid, type Doc } from '../../helpers/builders';
import { ensurePublicPermissions } from '../../../src/bootstrap/public-permissions';
import { NEWSROOM_UIDS } from '../../../src/domain/constants';

let app: TestApp;
let strapi: Core.Strapi;
let auth: string;

const EDNOTE = 'EDNOTE-SECRET-do-not-publish';
const ADMIN_EMAIL = 'editor.secret@newsroom.test';

/** The published story graph plus draft-only neighbours that must never show. */
let graph: Awaited<ReturnType<ReturnType<typeof given>['articleGraph']>>;
let draftArticle: Doc;
let draftExpert: Doc;
let draftQuote: Doc;
let modified: { doc: Doc; publishedHeadline: string; draftHeadline: string };

beforeAll(async () => {
  app = await startApp();
  strapi = app.strapi;
  auth = await fullAccessToken(strapi);
  const g = given(strapi);

  draftExpert = await g.expert({ name: unique('DRAFT-ONLY-EXPERT') }, 'draft');
  graph = await g.articleGraph({ edNote: EDNOTE });
  // Link the draft-only expert to the published story, then publish again.
  await documents(strapi, UID.article).update({
    documentId: graph.article.documentId,
    data: { people: [graph.speaker.documentId, draftExpert.documentId] },
  });
  await pastPublishGate(strapi, () => documents(strapi, UID.article).publish({ documentId: graph.article.documentId }));
  draftQuote = await g.quote({ article: graph.article.documentId, speaker: draftExpert.documentId, text: unique('DRAFT-ONLY-QUOTE'), position: 3 }, 'draft');

  draftArticle = await g.article({ headline: unique('DRAFT-ONLY-ARTICLE'), edNote: EDNOTE }, 'draft');

  const publishedHeadline = unique('Published headline');
  const doc = await g.article({ headline: publishedHeadline });
  const draftHeadline = unique('UNPUBLISHED-CHANGE');
  await documents(strapi, UID.article).update({ documentId: doc.documentId, data: { headline: draftHeadline } });
  modified = { doc, publishedHeadline, draftHeadline };

  // Admin metadata on the published story, so a leak would be visible.
  const admin = await strapi.db.query('admin::user').create({ data: { firstname: 'Ed', lastname: 'Itor', email: ADMIN_EMAIL, isActive: true } });
  await rows(strapi, UID.article).updateMany({ where: { documentId: graph.article.documentId }, data: { createdBy: admin.id, updatedBy: admin.id } });
});
afterAll(async () => {
  await app?.stop();
});

const PRIVATE_ARTICLE_FIELDS = () =>
  Object.entries(strapi.getModel(UID.article).attributes as Record<string, { private?: boolean }>)
    .filter(([, attribute]) => attribute.private)
    .map(([name]) => name);

const keysDeep = (value: unknown, into = new Set<string>()): Set<string> => {
  if (Array.isArray(value)) value.forEach((item) => keysDeep(item, into));
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      into.add(key);
      keysDeep(item, into);
    }
  return into;
};

/** Then: no draft-only, private or admin value appears anywhere in a body, nor a private/admin key in its data. */
const expectNoLeak = (body: { data?: unknown }) => {
  const text = JSON.stringify(body);
  for (const secret of [EDNOTE, ADMIN_EMAIL, draftExpert.name, draftQuote.text, draftArticle.headline, draftArticle.documentId, modified.draftHeadline]) {
    expect(text).not.toContain(String(secret));
  }
  const keys = keysDeep(body.data);
  for (const key of [...PRIVATE_ARTICLE_FIELDS(), 'createdBy', 'updatedBy']) expect(keys.has(key)).toBe(false);
};

const gql = (query: string, variables: Record<string, unknown> = {}, authorization?: string) => {
  const req = app.http().post('/graphql').send({ query, variables });
  return authorization ? req.set('Authorization', authorization) : req;
};
const ids = (list: { documentId: string }[]) => list.map((doc) => doc.documentId);

describe('Given the Public role', () => {
  it('when its permissions are read, then it has find/findOne on every newsroom type and findBySlug, and only read actions', async () => {
    await ensurePublicPermissions(strapi); // idempotent: a second run adds nothing
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const actions: string[] = (await strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: role.id } }))
      .map((permission: { action: string }) => permission.action)
      .filter((action: string) => action.startsWith('api::'));
    const required = [...NEWSROOM_UIDS.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]), 'api::article.article.findBySlug'];
    expect(actions).toEqual(expect.arrayContaining(required));
    expect(new Set(actions).size).toBe(actions.length);
    // Other engineers may add public read routes; never a write.
    expect(actions.filter((action) => !/\.(find|findOne|findBySlug)$/.test(action))).toEqual([]);
  });

  it.each(NEWSROOM_UIDS)('when it POSTs, PUTs or DELETEs %s, then 403 and nothing is written', async (uid) => {
    const before = await countRows(strapi, uid);
    const post = await app.http().post(REST_PATH[uid]).send({ data: valid.organization() });
    const put = await app.http().put(`${REST_PATH[uid]}/${graph.article.documentId}`).send({ data: { headline: 'x', name: 'x' } });
    const del = await app.http().delete(`${REST_PATH[uid]}/${graph.article.documentId}`);
    expect([post.status, put.status, del.status]).toEqual([403, 403, 403]);
    expect(await countRows(strapi, uid)).toBe(before);
  });
});

describe('Given published, draft-only and modified articles, read over REST', () => {
  it('when Public lists articles, then 200 with only published versions', async () => {
    const res = await app.http().get('/api/articles?pagination[pageSize]=100');
    expect(res.status).toBe(200);
    expect(ids(res.body.data)).toEqual(expect.arrayContaining([graph.article.documentId, modified.doc.documentId]));
    expect(ids(res.body.data)).not.toContain(draftArticle.documentId);
    expect(res.body.data.every((doc: { publishedAt: string | null }) => doc.publishedAt)).toBe(true);
    expect(res.body.data.find((doc: Doc) => doc.documentId === modified.doc.documentId).headline).toBe(modified.publishedHeadline);
    expectNoLeak(res.body);
  });

  it('when Public asks for status=draft, then no draft is returned (the published version is)', async () => {
    const list = await app.http().get('/api/articles?status=draft&pagination[pageSize]=100');
    expect(list.status).toBe(200);
    expect(ids(list.body.data)).not.toContain(draftArticle.documentId);
    expect(list.body.data.every((doc: { publishedAt: string | null }) => doc.publishedAt)).toBe(true);
    expectNoLeak(list.body);

    expect((await app.http().get(`/api/articles/${draftArticle.documentId}?status=draft`)).status).toBe(404);
    const one = await app.http().get(`/api/articles/${modified.doc.documentId}?status=draft`);
    expect(one.body.data.headline).toBe(modified.publishedHeadline);
    expect((await app.http().get(`/api/experts/${draftExpert.documentId}?status=draft`)).status).toBe(404);
  });

  it('when a full-access API token asks for status=draft, then it does see drafts (the pinning is per reader)', async () => {
    const res = await app.http().get(`/api/articles/${modified.doc.documentId}?status=draft`).set('Authorization', auth);
    expect(res.body.data.headline).toBe(modified.draftHeadline);
  });

  it('when Public populates the people of a published article linked to a draft-only expert, then only the published expert shows', async () => {
    for (const query of ['populate=*', 'populate[0]=people', 'populate[people][populate]=*', 'status=draft&populate[0]=people&populate[1]=quotes']) {
      const res = await app.http().get(`/api/articles/${graph.article.documentId}?${query}`);
      expect(res.status).toBe(200);
      expect(ids(res.body.data.people)).toEqual([graph.speaker.documentId]);
      expectNoLeak(res.body);
    }
    const quotes = await app.http().get(`/api/quotes?populate=*&filters[article][documentId][$eq]=${graph.article.documentId}`);
    expect(ids(quotes.body.data).sort()).toEqual([graph.quotes.first.documentId, graph.quotes.second.documentId].sort());
    expectNoLeak(quotes.body);
  });

  it('when Public reads articles plainly, with populate=* or asks for fields[]=edNote, then edNote never appears', async () => {
    for (const query of ['', '?populate=*', '?fields[]=edNote', '?fields[0]=edNote', '?fields[0]=headline&fields[1]=edNote', `/${graph.article.documentId}?fields[0]=edNote`]) {
      const res = await app.http().get(`/api/articles${query}`);
      expect([200, 400]).toContain(res.status);
      expectNoLeak(res.body);
    }
  });

  it('when Public filters or sorts on edNote, then the request is refused or the parameter ignored, never an oracle', async () => {
    const all = await app.http().get('/api/articles?pagination[pageSize]=100');
    for (const query of ['filters[edNote][$contains]=SECRET', 'filters[edNote][$null]=true', 'filters[$or][0][edNote][$contains]=SECRET', 'sort=edNote:asc', 'sort[0]=edNote:desc']) {
      const res = await app.http().get(`/api/articles?pagination[pageSize]=100&${query}`);
      if (res.status === 200) expect(ids(res.body.data).sort()).toEqual(ids(all.body.data).sort());
      else expect(res.status).toBe(400);
      expectNoLeak(res.body);
    }
  });

  it('when Public populates createdBy/updatedBy, then admin metadata never appears', async () => {
    const stored = await rows(strapi, UID.article).findOne({ where: { documentId: graph.article.documentId, publishedAt: { $notNull: true } }, populate: ['createdBy'] });
    expect(stored.createdBy.email).toBe(ADMIN_EMAIL); // the fixture really has admin metadata
    for (const query of ['populate=*', 'populate[0]=createdBy', 'populate[createdBy][fields][0]=email', 'populate[0]=updatedBy', 'fields[0]=createdBy', 'filters[createdBy][email][$eq]=' + ADMIN_EMAIL]) {
      const res = await app.http().get(`/api/articles/${graph.article.documentId}?${query}`);
      expect([200, 400, 404]).toContain(res.status);
      expectNoLeak(res.body);
    }
  });

});

describe('Given the article page route GET /api/articles/slug/:slug', () => {
  it('when Public asks for a published slug, then ONE request returns the whole graph, quotes ordered by position', async () => {
    const res = await app.http().get(`/api/articles/slug/${graph.article.slug}`);
    expect(res.status).toBe(200);
    const page = res.body.data;
    expect(page.documentId).toBe(graph.article.documentId);
    expect(page.quotes.map((quote: { position: number }) => quote.position)).toEqual([1, 2]);
    expect(ids(page.quotes)).toEqual([graph.quotes.first.documentId, graph.quotes.second.documentId]);
    expect(page.quotes[0].speakerOrganization.documentId).toBe(graph.company.documentId);
    expect(page.quotes[1].speaker.documentId).toBe(graph.speaker.documentId);
    expect(page.quotes[1].speaker.affiliation.documentId).toBe(graph.affiliation.documentId);
    expect(ids(page.people)).toEqual([graph.speaker.documentId]);
    expect(ids(page.organizations)).toEqual([graph.company.documentId]);
    expect(ids(page.sanctionRecords)).toEqual([graph.sanction.documentId]);
    expect(page.sanctionRecords[0].organization.documentId).toBe(graph.company.documentId);
    expect(page.sanctionRecords[0].authority.documentId).toBe(graph.authority.documentId);
    expect(page.body).toEqual(expect.any(Array));
    expectNoLeak(res.body);
  });

  it('when the slug is unknown or only a draft, then 404', async () => {
    expect((await app.http().get('/api/articles/slug/no-such-story')).status).toBe(404);
    const draft = await app.http().get(`/api/articles/slug/${draftArticle.slug}`);
    expect(draft.status).toBe(404);
    expectNoLeak(draft.body);
  });

  it('when the published article has unpublished changes, then the published version is served', async () => {
    const res = await app.http().get(`/api/articles/slug/${modified.doc.slug}`);
    expect(res.body.data.headline).toBe(modified.publishedHeadline);
  });
});

describe('Given the GraphQL endpoint', () => {
  it('when Public queries articles, then 200 with only published articles', async () => {
    const res = await gql('{ articles(pagination: { limit: 100 }) { documentId headline publishedAt } }');
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(ids(res.body.data.articles)).toEqual(expect.arrayContaining([graph.article.documentId, modified.doc.documentId]));
    expectNoLeak(res.body);
  });

  it('when Public asks for status: DRAFT, then no draft is returned', async () => {
    const queries = [
      '{ articles(status: DRAFT, pagination: { limit: 100 }) { documentId headline publishedAt } }',
      '{ articles_connection(status: DRAFT, pagination: { limit: 100 }) { nodes { documentId headline } } }',
      `{ article(documentId: "${draftArticle.documentId}", status: DRAFT) { documentId headline } }`,
      `{ article(documentId: "${modified.doc.documentId}", status: DRAFT) { documentId headline } }`,
      `{ experts(status: DRAFT, pagination: { limit: 100 }) { documentId name } }`,
    ];
    for (const query of queries) {
      const res = await gql(query);
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expectNoLeak(res.body);
    }
  });

  it('when Public asks for status: DRAFT, then it gets the published articles with their published relations', async () => {
    const query = `{ articles(status: DRAFT, filters: { documentId: { eq: "${graph.article.documentId}" } }) { documentId publishedAt quotes { text } } }`;
    const res = await gql(query);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.articles).toHaveLength(1);
    expect(res.body.data.articles[0].publishedAt).not.toBeNull();
    expect(res.body.data.articles[0].quotes.length).toBeGreaterThan(0);
  });

  it('when a full-access API token asks for status: DRAFT, then it does see drafts (the check above can fail)', async () => {
    const res = await gql(`{ article(documentId: "${draftArticle.documentId}", status: DRAFT) { documentId headline } }`, {}, auth);
    expect(res.body.data.article.headline).toBe(draftArticle.headline);
  });

  it('when Public queries relations of a published article, then draft-only experts and quotes never show', async () => {
    const fields = 'documentId people { documentId name } quotes { documentId text speaker { name } }';
    const queries = [
      `{ articles(filters: { documentId: { eq: "${graph.article.documentId}" } }) { ${fields} } }`,
      `{ articles(status: DRAFT, filters: { documentId: { eq: "${graph.article.documentId}" } }) { ${fields} } }`,
      `{ articleBySlug(slug: "${graph.article.slug}") { ${fields} } }`,
      `{ articleBySlug(slug: "${graph.article.slug}") { people(status: DRAFT) { documentId name } quotes(status: DRAFT) { documentId text } } }`,
      `{ quotes(status: DRAFT, pagination: { limit: 100 }) { documentId text article { headline } } }`,
    ];
    for (const query of queries) {
      const res = await gql(query);
      expect([200, 400]).toContain(res.status);
      expectNoLeak(res.body);
    }
  });

  it('when Public asks for edNote, createdBy or filters on edNote, then GraphQL refuses it', async () => {
    for (const query of [
      '{ articles { documentId edNote } }',
      '{ articles { documentId createdBy { email } } }',
      '{ articles(filters: { edNote: { contains: "SECRET" } }) { documentId } }',
      '{ articles(sort: "edNote:asc") { documentId } }',
    ]) {
      const res = await gql(query);
      expect(res.body.errors?.length ?? 0).toBeGreaterThan(0);
      expectNoLeak(res.body);
    }
  });

  it('when Public asks articleBySlug for a published slug, then the article comes with its quotes, speakers and sanction records', async () => {
    const res = await gql(
      `query ($slug: String!) { articleBySlug(slug: $slug) {
        documentId headline
        quotes(sort: "position:asc") { documentId position speaker { documentId } speakerOrganization { documentId } }
        sanctionRecords { documentId organization { documentId } authority { documentId } }
      } }`,
      { slug: graph.article.slug },
    );
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const page = res.body.data.articleBySlug;
    expect(page.documentId).toBe(graph.article.documentId);
    expect(ids(page.quotes)).toEqual([graph.quotes.first.documentId, graph.quotes.second.documentId]);
    expect(page.quotes[1].speaker.documentId).toBe(graph.speaker.documentId);
    expect(page.quotes[0].speakerOrganization.documentId).toBe(graph.company.documentId);
    expect(page.sanctionRecords).toEqual([
      { documentId: graph.sanction.documentId, organization: { documentId: graph.company.documentId }, authority: { documentId: graph.authority.documentId } },
    ]);
  });

  it('when Public asks articleBySlug for a draft-only, modified or unknown slug, then null or the published version', async () => {
    const query = 'query ($slug: String!) { articleBySlug(slug: $slug) { documentId headline } }';
    expect((await gql(query, { slug: draftArticle.slug })).body).toEqual({ data: { articleBySlug: null } });
    expect((await gql(query, { slug: 'no-such-story' })).body).toEqual({ data: { articleBySlug: null } });
    expect((await gql(query, { slug: modified.doc.slug })).body.data.articleBySlug.headline).toBe(modified.publishedHeadline);
  });

  it('when Public tries a mutation, then it is forbidden and nothing is written', async () => {
    const before = await countRows(strapi, UID.article);
    const res = await gql('mutation { createArticle(data: { headline: "x", slug: "x" }) { documentId } }');
    expect(res.body.errors?.[0]?.message).toMatch(/forbidden/i);
    expect(await countRows(strapi, UID.article)).toBe(before);
  });

  it('when a query nests deeper than the depth limit, then it is refused before running', async () => {
    let selection = 'documentId';
    for (let i = 0; i < 6; i++) selection = `people { articles { ${selection} } }`;
    const res = await gql(`{ articles { ${selection} } }`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toMatch(/depth/i);

    const shallow = await gql('{ articles(pagination: { limit: 1 }) { people { articles { documentId } } } }');
    expect(shallow.status).toBe(200);
  });
});

describe('Given more than 100 published articles', () => {
  beforeAll(async () => {
    const g = given(strapi);
    const have = await documents(strapi, UID.article).count({ status: 'published' });
    // One transaction: ≈ 20× faster on PostgreSQL than 100 separate commits.
    await strapi.db.transaction(async () => {
      for (let i = have; i < 101; i++) await g.article();
    });
  });

  it('when Public asks for more than maxLimit rows, then the page is capped at 100', async () => {
    const res = await app.http().get('/api/articles?pagination[pageSize]=1000');
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination.pageSize).toBe(100);
    expect(res.body.data).toHaveLength(100);
    expect(res.body.meta.pagination.total).toBeGreaterThan(100);
    const byLimit = await app.http().get('/api/articles?pagination[start]=0&pagination[limit]=1000');
    expect(byLimit.body.data).toHaveLength(100);
  });

  it('when Public asks for more than the amount limit, then at most 100 articles are returned', async () => {
    const res = await gql('{ articles(pagination: { limit: 1000 }) { documentId } }');
    expect(res.status).toBe(200);
    expect(res.body.data.articles).toHaveLength(100);
  });
});
