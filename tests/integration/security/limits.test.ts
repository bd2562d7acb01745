import type { Core } from '@strapi/strapi';
import type { TestApp } from '../../helpers/strapi';
import { countQueries, publishedStory, startAppWith } from './setup';

/**
 * Finding 1 of issue 10: one anonymous request could take the site down.
 * Every public query now has a bounded cost, refused with 400 before it runs
 * (no SQL), while the article page and lists stay well inside the limits.
 */
let app: TestApp;
let strapi: Core.Strapi;
let story: Awaited<ReturnType<typeof publishedStory>>;

beforeAll(async () => {
  app = await startAppWith({ EDITORIAL_WORKFLOW_SCHEDULER: 'false' });
  strapi = app.strapi;
  story = await publishedStory(strapi);
}, 300_000);
afterAll(async () => {
  await app?.stop();
});

const gql = (query: string, variables: Record<string, unknown> = {}) => app.http().post('/graphql').send({ query, variables });

const FAN_OUT = `{ organizations(pagination: { limit: 100 }) { name articles { people { quotes { article { organizations { articles { people { name } } } } } } } } }`;

const ARTICLE_PAGE = `query Page($slug: String!) { articleBySlug(slug: $slug) { headline dateline
  quotes(sort: "position:asc") { text cue speaker { name affiliation { name } } speakerOrganization { name } }
  people { name } organizations { name }
  sanctionRecords { program listingStatus startDate organization { name } authority { name } } } }`;

describe('GraphQL cost', () => {
  it('when the standard introspection query is sent (codegen), it is answered: it reads the schema, not the database; but it cannot carry an over-limit content query with it', async () => {
    const introspection = await gql('{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }');
    expect({ status: introspection.status, errors: introspection.body.errors }).toEqual({ status: 200, errors: undefined });
    const smuggled = await gql(`{ __schema { queryType { name } } ${FAN_OUT.slice(1, -1)} }`);
    expect(smuggled.status).toBe(400);
    expect(smuggled.body.errors[0].extensions.code).toBe('QUERY_TOO_COSTLY');
  });

  it('when the fan-out query of the report is sent while a cached article page is requested, then it is refused with 400 by the cost limit, runs no query, and the page is served from the cache', async () => {
    const warm = await app.http().get(`/api/articles/slug/${story.slug}`);
    expect(warm.status).toBe(200);
    // and checked once, so a hit's check is one statement (on SQLite the pragma; src/delivery/version-reader.ts)
    expect((await app.http().get(`/api/articles/slug/${story.slug}`)).headers['x-delivery-cache']).toBe('HIT');

    const refused = await countQueries(strapi, () => gql(FAN_OUT));
    expect(refused.result.status).toBe(400);
    expect(refused.result.body.errors[0].extensions.code).toBe('QUERY_TOO_COSTLY');
    expect(refused.result.body.errors[0].message).toMatch(/limit is \d+/);
    // Only the Public role's permission lookup (before Apollo) — no content was read.
    expect(refused.statements.filter((sql) => /"?(articles|organizations|experts|quotes)"?/.test(sql))).toEqual([]);

    const both = await countQueries(strapi, () => Promise.all([gql(FAN_OUT), app.http().get(`/api/articles/slug/${story.slug}`)]));
    const [attack, page] = both.result;
    expect(attack.status).toBe(400);
    expect(page.status).toBe(200);
    expect(page.headers['x-delivery-cache']).toBe('HIT');
    expect(both.statements.length).toBeLessThanOrEqual(refused.statements.length + 1);
  });

  it('when 11 aliases or 200 aliases of articleBySlug are sent, then 400 by the alias limit', async () => {
    const eleven = `{ ${Array.from({ length: 11 }, (_, i) => `a${i}: articles(pagination: { limit: 1 }) { documentId }`).join(' ')} }`;
    const res = await gql(eleven);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('TOO_MANY_ALIASES');

    const many = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: articleBySlug(slug: "${story.slug}") { headline quotes { text } }`).join(' ')} }`;
    const countedMany = await countQueries(strapi, () => gql(many));
    expect(countedMany.result.status).toBe(400);
    expect(countedMany.statements.filter((sql) => /articles/.test(sql))).toEqual([]);
  });

  it('when a filter has 5,000 `or` branches (in variables), then 400 by the branch limit', async () => {
    const or = Array.from({ length: 5000 }, (_, i) => ({ headline: { eq: `x${i}` } }));
    const res = await gql('query($filters: ArticleFiltersInput) { articles(filters: $filters) { documentId } }', { filters: { or } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('TOO_MANY_FILTER_BRANCHES');
  });

  it('when one query text is sent with page sizes in variables (the verdict is kept per document), then each set of variables gets its own verdict', async () => {
    const query = 'query ($n: Int, $x: Boolean!) { organizations(pagination: { limit: $n }) { name sanctions @include(if: $x) { program } } }';
    const verdicts = [];
    for (const variables of [{ n: 100, x: true }, { n: 10, x: true }, { n: 100, x: true }, { n: 100, x: false }, { n: 10, x: true }]) {
      const res = await gql(query, variables);
      verdicts.push(res.status === 400 ? res.body.errors[0].extensions.code : res.status);
    }
    // 100 × (1 + 25 sanctions) is over the cost limit; 10 × 26 is not; without the nested list, 100 × 1 is not.
    expect(verdicts).toEqual(['QUERY_TOO_COSTLY', 200, 'QUERY_TOO_COSTLY', 200, 200]);
  });

  it('when the article page or a list of 25 with quotes is queried, then 200: both are well inside the limits', async () => {
    const page = await gql(ARTICLE_PAGE, { slug: story.slug });
    expect(page.status).toBe(200);
    expect(page.body.errors).toBeUndefined();
    expect(page.body.data.articleBySlug.quotes).toHaveLength(2);

    const list = await gql('{ articles(pagination: { limit: 25 }, sort: "datePublished:desc") { headline slug standfirst people { name } quotes(pagination: { limit: 5 }) { text speaker { name } } } }');
    expect(list.status).toBe(200);
    expect(list.body.errors).toBeUndefined();
    expect(list.body.data.articles.length).toBeGreaterThan(0);
  });
});

describe('REST populate and filters', () => {
  const deep = (levels: number) =>
    Array.from({ length: levels }, (_, i) => `[populate][${i % 2 ? 'articles' : 'people'}]`)
      .join('')
      .replace(/^\[populate\]/, 'populate');

  it('when populate is 10 levels deep on /api/experts, then 400 naming populate, and no content query runs', async () => {
    const counted = await countQueries(strapi, () => app.http().get(`/api/experts?${deep(10)}=true`));
    expect(counted.result.status).toBe(400);
    expect(counted.result.body.error.message).toMatch(/populate is 10 levels deep; the limit is \d+/);
    expect(counted.statements).toEqual([]);
  });

  it('when populate fans out over 30 relations, then 400', async () => {
    const wide = Array.from({ length: 30 }, (_, i) => `populate[${['quotes', 'people', 'organizations'][i % 3]}][populate][${i}]=x`).join('&');
    const res = await app.http().get(`/api/articles?${wide}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/populate/);
  });

  it('when a filter has 100 $or branches, then 400 naming filters', async () => {
    const or = Array.from({ length: 100 }, (_, i) => `filters[$or][${i}][name][$eq]=x${i}`).join('&');
    const res = await app.http().get(`/api/experts?${or}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/\$and\/\$or\/\$not branches; the limit is \d+/);
  });

  it('when the stock article page populate (quotes → speaker → affiliation, people, organizations, sanction records) is asked, then 200', async () => {
    const query = [
      'populate[quotes][populate][speaker][populate][affiliation]=true',
      'populate[quotes][populate][speakerOrganization]=true',
      'populate[people]=true',
      'populate[organizations]=true',
      'populate[sanctionRecords][populate][organization]=true',
      'populate[sanctionRecords][populate][authority]=true',
      'filters[$or][0][slug][$eq]=' + story.slug,
      'filters[$or][1][slug][$eq]=none',
    ].join('&');
    const res = await app.http().get(`/api/articles?${query}`);
    expect(res.status).toBe(200);
    expect(res.body.data[0].quotes).toHaveLength(2);
  });
});
