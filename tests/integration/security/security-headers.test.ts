import path from 'path';
import { IncomingMessage, ServerResponse, type OutgoingHttpHeaders } from 'http';
import { Socket } from 'net';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import type { TestApp } from '../../helpers/strapi';
import { publishedStory, startAppWith } from './setup';

/**
 * The memoized strapi::security (src/security/security-headers.ts) in the
 * booted app (test env, GraphQL playground on so its variant exists): every
 * response carries exactly the security headers Strapi's own middleware sets
 * for that request, and helmet is built once per variant.
 */

// Every helmet build (koa-helmet(config)) is one run of Strapi's per-request security function.
const mockHelmetBuilds = { count: 0 };
jest.mock('koa-helmet', () => {
  const actual = jest.requireActual<(...args: unknown[]) => unknown>('koa-helmet');
  return (...args: unknown[]) => {
    mockHelmetBuilds.count += 1;
    return actual(...args);
  };
});

// security.js is not in @strapi/core's package exports: loaded by its file path, as the registry holds it.
const { security } = jest.requireActual<{ security: Core.MiddlewareFactory }>(path.join(path.dirname(require.resolve('@strapi/core')), 'middlewares/security.js'));

const SECURITY_HEADERS = [
  'content-security-policy',
  'content-security-policy-report-only',
  'strict-transport-security',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-permitted-cross-domain-policies',
  'cross-origin-embedder-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'x-xss-protection',
  'expect-ct',
  'x-powered-by',
];

let app: TestApp;
let strapi: Core.Strapi;
let slug: string;

beforeAll(async () => {
  app = await startAppWith({ GRAPHQL_LANDING_PAGE: 'true', EDITORIAL_WORKFLOW_SCHEDULER: 'false' });
  strapi = app.strapi;
  slug = (await publishedStory(strapi)).slug;
}, 300_000);
afterAll(async () => {
  await app?.stop();
  process.env.NODE_ENV = 'test';
  delete process.env.SECURITY_HEADERS_MEMO;
});

/** The config config/middlewares.ts gives strapi::security ({} for the bare name). */
const securityConfig = (): unknown => {
  const entries = strapi.config.get('middlewares') as (string | { name?: string; config?: unknown })[];
  const entry = entries.find((item) => item === 'strapi::security' || (typeof item === 'object' && item.name === 'strapi::security'));
  expect(entry).toBeDefined();
  return typeof entry === 'object' ? (entry.config ?? {}) : {};
};

/** The headers Strapi's own, unmemoized factory sets for this method and path, on a fresh response. */
const strapiOwn = async (method: string, url: string): Promise<OutgoingHttpHeaders> => {
  const req = new IncomingMessage(new Socket());
  Object.assign(req, { method, url });
  const res = new ServerResponse(req);
  const ctx = { method, path: url.split('?')[0], req, res } as unknown as Context;
  await (security(securityConfig(), { strapi }) as (ctx: Context, next: Next) => unknown)(ctx, async () => undefined);
  return res.getHeaders();
};

const pick = (headers: Record<string, unknown>) => Object.fromEntries(SECURITY_HEADERS.map((name) => [name, headers[name]]));

type Call = { method: 'get' | 'post' | 'head' | 'options'; url: string; accept?: string; body?: object };
const send = ({ method, url, accept, body }: Call) => {
  let req = app.http()[method](url);
  if (accept) req = req.set('Accept', accept);
  if (method === 'options') req = req.set('Origin', 'http://localhost:1337').set('Access-Control-Request-Method', 'GET');
  return body ? req.send(body) : req;
};

const calls = (): Call[] => [
  { method: 'get', url: `/api/articles/slug/${slug}` },
  { method: 'get', url: '/api/articles/slug/no-such-story' },
  { method: 'get', url: '/api/fronts/articles?pagination[pageSize]=3' },
  { method: 'post', url: '/graphql', body: { query: '{ articles { headline } }' } },
  { method: 'get', url: '/graphql', accept: 'text/html' },
  { method: 'get', url: '/documentation' },
  { method: 'get', url: '/admin' },
  { method: 'get', url: '/admin/init' },
  { method: 'get', url: '/no/such/path' },
  { method: 'head', url: `/api/articles/slug/${slug}` },
  { method: 'options', url: '/api/articles' },
];

/** Each call: Strapi's own headers; the memo's on the first and the replayed request; the memo switched off. */
const expectStrapisHeaders = async (label: string) => {
  for (const call of calls()) {
    const expected = pick(await strapiOwn(call.method.toUpperCase(), call.url));
    expect(expected['content-security-policy']).toBeDefined();
    expect(expected['x-powered-by']).toBeUndefined();
    for (const memo of ['true', 'true', 'false']) {
      process.env.SECURITY_HEADERS_MEMO = memo;
      const res = await send(call);
      expect({ label, call: `${call.method} ${call.url}`, memo, headers: pick(res.headers) }).toEqual({ label, call: `${call.method} ${call.url}`, memo, headers: expected });
    }
  }
  delete process.env.SECURITY_HEADERS_MEMO;
};

describe('strapi::security memoized', () => {
  // First in the file: both variants are new to this boot, so each costs exactly one helmet build.
  it('when 20 requests of two variants pass, then helmet is built twice', async () => {
    const before = mockHelmetBuilds.count;
    for (let i = 0; i < 10; i += 1) {
      expect((await app.http().get(`/api/articles/slug/${slug}`)).status).toBe(200);
      expect((await app.http().get('/graphql').set('Accept', 'text/html')).status).toBe(200);
    }
    expect(mockHelmetBuilds.count - before).toBe(2);
  });

  it('when every variant is requested (API, GraphQL POST, playground GET, documentation, admin path, 404, HEAD, OPTIONS), then the security headers are exactly Strapi’s own', async () => {
    await expectStrapisHeaders('test env, playground on');
  });

  it('given the variants differ, then a key that merged any of them would fail the comparison above', async () => {
    const csp = async (method: string, url: string) => String((await strapiOwn(method, url))['content-security-policy']);
    const api = await csp('GET', '/api/articles');
    expect(new Set([api, await csp('GET', '/documentation'), await csp('GET', '/admin')]).size).toBe(3);
    expect(await csp('GET', '/graphql')).toBe(await csp('GET', '/documentation'));
    expect(await csp('POST', '/graphql')).toBe(api);
    expect(await csp('HEAD', '/documentation')).toBe(api);
  });

  it('when the playground is switched off and NODE_ENV becomes production at run time, then the headers still follow Strapi per request', async () => {
    const playground = strapi.plugin('graphql').service('utils').playground as { setEnabled(value: boolean): void };
    playground.setEnabled(false);
    process.env.NODE_ENV = 'production';
    try {
      await expectStrapisHeaders('production env, playground off');
      // The documentation variant without the Apollo exceptions is new here: not the one memoized with the playground on.
      expect((await app.http().get('/documentation')).headers['content-security-policy']).not.toMatch(/apollographql/);
    } finally {
      process.env.NODE_ENV = 'test';
      playground.setEnabled(true);
    }
  });
});
