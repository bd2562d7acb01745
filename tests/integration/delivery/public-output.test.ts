import path from 'path';
import type { Core } from '@strapi/strapi';
import { startApp, type TestApp } from '../../helpers/strapi';
import { createArticleGraph, UIDS, type ArticleGraph } from './article-graph';
import { deliverablePage } from '../../../src/delivery/page-store';
import { isUsersPermissionsSanitizer, registeredOutputSanitizers, sanitizeGraphOutput } from '../../../src/delivery/public-output';

/**
 * Issue 14, S1 cold: a stored page is given to the public without Strapi's two built-in output walks when they
 * would change nothing (src/delivery/public-output.ts). The output must be exactly what Strapi's whole sanitizer
 * returns — for the Public role as shipped, for a caller without auth, and for a Public role that may not read
 * experts (then the speakers go, on REST and on GraphQL, as they would through Strapi's sanitizer).
 * Runs on SQLite and on PostgreSQL (DATABASE_CLIENT=postgres).
 */
let app: TestApp;
let strapi: Core.Strapi;
let g: ArticleGraph;

beforeAll(async () => {
  app = await startApp();
  strapi = app.strapi;
  g = await createArticleGraph(strapi);
});
afterAll(async () => {
  await app?.stop();
});

type Strategy = { authenticate: (ctx: unknown) => Promise<{ credentials: unknown; ability: unknown }> };
// The users-permissions strategy itself (the package exports no path to it): the auth object a public request carries.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const strategy = (require(path.join(path.dirname(require.resolve('@strapi/plugin-users-permissions/package.json')), 'dist/server/strategies/users-permissions.js')) as {
  __require: () => Strategy;
}).__require();

const publicAuth = async () => {
  const { credentials, ability } = await strategy.authenticate({ request: { header: {} }, state: {} });
  return { strategy, credentials, ability };
};

/** Strapi's whole output sanitizer, as the core controller runs it. */
const strapiSanitized = (page: unknown, auth: unknown) => strapi.contentAPI.sanitize.output(page as never, strapi.getModel(UIDS.article), { auth: auth as never });

const storedPage = async () => {
  const page = await deliverablePage(strapi, g.slug);
  expect(page).not.toBeNull();
  return page as Record<string, unknown>;
};

const publicRole = async () => strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });

/** Run `fn` while the Public role may not `find` experts; the permission is given back after. */
const withoutExpertFind = async (fn: () => Promise<void>) => {
  const role = await publicRole();
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const rows = await permissions.findMany({ where: { role: role.id, action: 'api::expert.expert.find' } });
  expect(rows).toHaveLength(1);
  await permissions.delete({ where: { id: rows[0].id } });
  try {
    await fn();
  } finally {
    await permissions.create({ data: { action: 'api::expert.expert.find', role: role.id } });
  }
};

describe('a stored page given to the public', () => {
  it('when the Public role may read every type the page shows, then the page is given as Strapi would sanitize it, without its built-in walks', async () => {
    const page = await storedPage();
    const auth = await publicAuth();
    const fast = await sanitizeGraphOutput(strapi, UIDS.article, structuredClone(page), auth);
    expect(fast.fastPath).toBe(true);
    expect(fast.data).toEqual(await strapiSanitized(structuredClone(page), auth));
    // The relations it reached are the ones Strapi checks.
    expect([...fast.facts.relationTargets].sort()).toEqual([UIDS.expert, UIDS.organization, UIDS.quote, UIDS.sanctionRecord].sort());
  });

  it("when the fast path leaves out users-permissions' own output sanitizer on a page that reaches no role, then it is that sanitizer it recognises", () => {
    // If a Strapi upgrade moves it, the sanitizer would simply run again on every page: this says so.
    expect(registeredOutputSanitizers(strapi).filter(isUsersPermissionsSanitizer)).toHaveLength(1);
  });

  it("when a graph reaches a role, then users-permissions' sanitizer still runs: the role's users are removed, as Strapi's sanitizer removes them", async () => {
    const user = { id: 1, documentId: 'user-doc', username: 'reader', role: { id: 2, documentId: 'role-doc', name: 'Reader', users: [{ id: 1, documentId: 'user-doc', username: 'reader' }] } };
    const userUid = 'plugin::users-permissions.user';
    const fast = await sanitizeGraphOutput(strapi, userUid, structuredClone(user), undefined);
    expect(fast.fastPath).toBe(true);
    expect((fast.data.role as Record<string, unknown>).users).toBeUndefined();
    expect(fast.data).toEqual(await strapi.contentAPI.sanitize.output(structuredClone(user) as never, strapi.getModel(userUid), { auth: undefined as never }));
  });

  it('when there is no auth at all (a server-side call), then it is Strapi output too', async () => {
    const page = await storedPage();
    const fast = await sanitizeGraphOutput(strapi, UIDS.article, structuredClone(page), undefined);
    expect(fast.fastPath).toBe(true);
    expect(fast.data).toEqual(await strapiSanitized(structuredClone(page), undefined));
  });

  it('when the Public role may not find experts, then Strapi sanitizes: no speaker and no people on REST, null speakers on GraphQL', async () => {
    await withoutExpertFind(async () => {
      const page = await storedPage();
      const auth = await publicAuth();
      const out = await sanitizeGraphOutput(strapi, UIDS.article, structuredClone(page), auth);
      expect(out.fastPath).toBe(false);
      const expected = (await strapiSanitized(structuredClone(page), auth)) as Record<string, any>;
      expect(out.data).toEqual(expected);
      expect(expected.people).toBeUndefined();
      expect(expected.quotes.every((quote: Record<string, unknown>) => !('speaker' in quote))).toBe(true);

      const rest = await app.http().get(`/api/articles/slug/${g.slug}`);
      expect(rest.status).toBe(200);
      expect(rest.body.data.people).toBeUndefined();
      expect(rest.body.data.quotes.length).toBeGreaterThan(0);
      expect(rest.body.data.quotes.some((quote: Record<string, unknown>) => 'speaker' in quote)).toBe(false);

      const gql = await app
        .http()
        .post('/graphql')
        .send({ query: 'query ($slug: String!) { articleBySlug(slug: $slug) { people { name } quotes { text speaker { name } } } }', variables: { slug: g.slug } });
      expect(gql.body.errors).toBeUndefined();
      expect(gql.body.data.articleBySlug.people).toEqual([]);
      expect(gql.body.data.articleBySlug.quotes.map((quote: { speaker: unknown }) => quote.speaker)).toEqual(expected.quotes.map(() => null));
    });
    // Given back: the speakers are public again (the response cache follows the permission change only after its TTL, so GraphQL).
    const again = await app
      .http()
      .post('/graphql')
      .send({ query: 'query ($slug: String!) { articleBySlug(slug: $slug) { quotes { speaker { name } } } }', variables: { slug: g.slug } });
    expect(again.body.data.articleBySlug.quotes.some((quote: { speaker: unknown }) => quote.speaker !== null)).toBe(true);
  });

  it('when GraphQL answers articleBySlug from the page types\' plain field resolvers, then it is the stored page and the response still says Cache-Control: no-store (Apollo\'s cache-control plugin is off)', async () => {
    const res = await app
      .http()
      .post('/graphql')
      .send({ query: 'query ($slug: String!) { articleBySlug(slug: $slug) { headline bodyText quotes { text speaker { name sameAs } } } }', variables: { slug: g.slug } });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
    const page = await storedPage();
    expect(res.body.data.articleBySlug.headline).toBe(page.headline);
    expect(res.body.data.articleBySlug.quotes.map((quote: { text: string }) => quote.text)).toEqual((page.quotes as Array<{ text: string }>).map((quote) => quote.text));
  });

  it('when a cold page read goes straight to the slug route\'s endpoint, then the route\'s own authorization still decides: 403 without the Public role\'s findOne, 200 with it, as through the router', async () => {
    const fresh = await createArticleGraph(strapi);
    const role = await publicRole();
    const permissions = strapi.db.query('plugin::users-permissions.permission');
    const [grant] = await permissions.findMany({ where: { role: role.id, action: 'api::article.article.findOne' } });
    expect(grant).toBeDefined();
    await permissions.delete({ where: { id: grant.id } });
    try {
      for (const query of ['', '?format=jsonld', '?populate=*']) {
        const res = await app.http().get(`/api/articles/slug/${fresh.slug}${query}`);
        expect({ query, status: res.status }).toEqual({ query, status: 403 });
      }
    } finally {
      await permissions.create({ data: { action: 'api::article.article.findOne', role: role.id } });
    }
    for (const query of ['', '?format=jsonld', '?populate=*']) {
      const res = await app.http().get(`/api/articles/slug/${fresh.slug}${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 200 });
    }
    expect((await app.http().get('/api/articles/slug/no-such-story')).status).toBe(404);
  });
});
