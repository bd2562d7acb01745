import path from 'path';
import { IncomingMessage, ServerResponse } from 'http';
import { Socket } from 'net';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { memoizeSecurityHeaders, securityVariant } from '../../../src/security/security-headers';

/**
 * The memoized strapi::security against Strapi's own factory (the real
 * security.js and helmet), on real Node responses: same headers for every
 * variant, helmet once per variant, errors unchanged.
 */
// security.js is not in @strapi/core's package exports: loaded by its file path, as the registry holds it.
const { security } = jest.requireActual<{ security: Core.MiddlewareFactory }>(path.join(path.dirname(require.resolve('@strapi/core')), 'middlewares/security.js'));

type Handler = (ctx: Context, next: Next) => unknown;

const world = { playground: false, endpoint: '/graphql', adminPath: '/admin' };
const strapi = {
  plugin: (name: string) =>
    name === 'graphql' ? { service: () => ({ playground: { isEnabled: () => world.playground } }), config: () => world.endpoint } : undefined,
  config: { get: (key: string) => (key === 'admin.path' ? world.adminPath : undefined) },
} as unknown as Core.Strapi;

const instantiate = (factory: Core.MiddlewareFactory, config: unknown = {}) => factory(config, { strapi }) as Handler;

/** A request through `handler` on a real ServerResponse that already carries X-Powered-By (helmet removes it). */
const run = async (handler: Handler, method: string, url: string) => {
  const req = new IncomingMessage(new Socket());
  req.method = method;
  req.url = url;
  const res = new ServerResponse(req);
  res.setHeader('X-Powered-By', 'Express');
  res.setHeader('Content-Type', 'application/json');
  let nextCalls = 0;
  const ctx = { method, path: url.split('?')[0], req, res } as unknown as Context;
  await handler(ctx, async () => void (nextCalls += 1));
  return { headers: res.getHeaders(), nextCalls, res };
};

/** Counts calls of the per-request function Strapi's factory returns (one helmet build each). */
const counted = () => {
  const calls = { count: 0 };
  const factory: Core.MiddlewareFactory = (config, context) => {
    const handler = security(config, context) as Handler;
    return (ctx: Context, next: Next) => {
      calls.count += 1;
      return handler(ctx, next);
    };
  };
  return { factory, calls };
};

const CUSTOM = {
  frameguard: { action: 'deny' },
  hsts: { maxAge: 60, includeSubDomains: false },
  referrerPolicy: { policy: 'same-origin' },
  contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:', 'media.newsroom.example'], 'connect-src': ["'self'", 'https:'] } },
};

const savedEnv = { NODE_ENV: process.env.NODE_ENV, SECURITY_HEADERS_MEMO: process.env.SECURITY_HEADERS_MEMO };
afterEach(() => {
  Object.assign(world, { playground: false, endpoint: '/graphql', adminPath: '/admin' });
  process.env.NODE_ENV = savedEnv.NODE_ENV;
  if (savedEnv.SECURITY_HEADERS_MEMO === undefined) delete process.env.SECURITY_HEADERS_MEMO;
  else process.env.SECURITY_HEADERS_MEMO = savedEnv.SECURITY_HEADERS_MEMO;
});

describe('memoized strapi::security', () => {
  it.each([
    ['the default config', {}],
    ['a custom config', CUSTOM],
  ])('given %s, when every variant is requested in turn (playground off/on, test/development/production), then each response carries exactly the headers of Strapi’s own middleware', async (_label, config) => {
    // One memo for the whole sequence: a key too coarse serves an earlier variant's headers to a later one.
    const memo = instantiate(memoizeSecurityHeaders(security), config);
    const paths = ['/api/articles/slug/a', '/', '/graphql', '/graphql/x', '/documentation', '/documentation/v1/openapi.json', '/admin', '/admin/auth/login', '/administrator'];
    const seen = new Set<string>();
    for (const nodeEnv of ['production', 'test', 'development']) {
      for (const playground of [false, true]) {
        for (const method of ['POST', 'HEAD', 'GET']) {
          for (const url of paths) {
            process.env.NODE_ENV = nodeEnv;
            world.playground = playground;
            const expected = await run(instantiate(security, config), method, url);
            // Twice: the first request of a variant records, the second replays.
            for (let i = 0; i < 2; i += 1) {
              const actual = await run(memo, method, url);
              expect({ nodeEnv, playground, method, url, headers: actual.headers }).toEqual({ nodeEnv, playground, method, url, headers: expected.headers });
              expect(actual.nextCalls).toBe(1);
            }
            expect(expected.headers['x-powered-by']).toBeUndefined();
            seen.add(String(expected.headers['content-security-policy']));
          }
        }
      }
    }
    // Not vacuous: plain, admin, documentation, documentation+playground, and their admin-path mixes give different CSPs.
    expect(seen.size).toBeGreaterThanOrEqual(4);
  });

  it('given a custom config, then it is honoured', async () => {
    const { headers } = await run(instantiate(memoizeSecurityHeaders(security), CUSTOM), 'GET', '/api/articles');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['strict-transport-security']).toBe('max-age=60');
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['content-security-policy']).toMatch(/img-src 'self' data: media\.newsroom\.example/);
  });

  it('when the API variant was served first, then /documentation and /admin (test env) still get their own CSP', async () => {
    process.env.NODE_ENV = 'test';
    const memo = instantiate(memoizeSecurityHeaders(security));
    const api = String((await run(memo, 'GET', '/api/articles')).headers['content-security-policy']);
    const docs = String((await run(memo, 'GET', '/documentation')).headers['content-security-policy']);
    const admin = String((await run(memo, 'GET', '/admin')).headers['content-security-policy']);
    expect(docs).toMatch(/script-src 'self' 'unsafe-inline' cdn\.jsdelivr\.net/);
    expect(admin).toMatch(/connect-src [^;]* ws:/);
    expect(new Set([api, docs, admin]).size).toBe(3);
    // The variant follows NODE_ENV per request, as Strapi does: in production /admin is the plain variant.
    process.env.NODE_ENV = 'production';
    expect((await run(memo, 'GET', '/admin')).headers['content-security-policy']).toBe(api);
  });

  it('when the playground is switched at run time, then GET /graphql follows it (the key reads it per request)', async () => {
    const memo = instantiate(memoizeSecurityHeaders(security));
    const off = String((await run(memo, 'GET', '/graphql')).headers['content-security-policy']);
    world.playground = true;
    const on = String((await run(memo, 'GET', '/graphql')).headers['content-security-policy']);
    expect(on).toMatch(/sandbox\.embed\.apollographql\.com/);
    expect(off).not.toMatch(/apollographql/);
    // With the playground on, /documentation carries the Apollo exceptions too (Strapi merges them for every special path).
    expect((await run(memo, 'GET', '/documentation')).headers['content-security-policy']).toBe(on);
    expect(securityVariant(strapi, { method: 'POST', path: '/graphql' })).toBe(securityVariant(strapi, { method: 'GET', path: '/api/articles' }));
  });

  it('when 20 requests of two variants pass, then Strapi’s middleware (helmet) runs twice and every request reaches next', async () => {
    const { factory, calls } = counted();
    const memo = instantiate(memoizeSecurityHeaders(factory));
    let reached = 0;
    for (let i = 0; i < 10; i += 1) {
      reached += (await run(memo, 'GET', `/api/articles/slug/s${i}`)).nextCalls;
      reached += (await run(memo, 'GET', '/documentation')).nextCalls;
    }
    expect(calls.count).toBe(2);
    expect(reached).toBe(20);
  });

  it('when SECURITY_HEADERS_MEMO=false, then Strapi’s middleware runs on every request', async () => {
    process.env.SECURITY_HEADERS_MEMO = 'false';
    const { factory, calls } = counted();
    const memo = instantiate(memoizeSecurityHeaders(factory));
    for (let i = 0; i < 3; i += 1) await run(memo, 'GET', '/api/articles');
    expect(calls.count).toBe(3);
  });

  it('given a config helmet rejects, then every request throws the error Strapi’s middleware throws, and nothing is memoized', async () => {
    const invalid = { contentSecurityPolicy: { directives: { 'default-src': null } } };
    const original = await run(instantiate(security, invalid), 'GET', '/api/articles').then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(original).toMatch(/default-src/);
    const { factory, calls } = counted();
    const memo = instantiate(memoizeSecurityHeaders(factory), invalid);
    for (let i = 0; i < 2; i += 1) {
      const req = new IncomingMessage(new Socket());
      const res = new ServerResponse(req);
      const ctx = { method: 'GET', path: '/api/articles', req, res } as unknown as Context;
      // Synchronously, like the original (helmet validates while Strapi builds it).
      expect(() => memo(ctx, async () => undefined)).toThrow(original);
      // The recording hooks are gone from the response.
      expect(Object.prototype.hasOwnProperty.call(res, 'setHeader')).toBe(false);
      expect(Object.prototype.hasOwnProperty.call(res, 'removeHeader')).toBe(false);
    }
    expect(calls.count).toBe(2);
  });

  it('given a function-valued CSP directive (a per-request nonce), then nothing is memoized', async () => {
    let nonce = 0;
    const config = { contentSecurityPolicy: { directives: { 'script-src': ["'self'", () => `'nonce-${(nonce += 1)}'`] } } };
    const memo = instantiate(memoizeSecurityHeaders(security), config);
    expect((await run(memo, 'GET', '/api/articles')).headers['content-security-policy']).toMatch(/'nonce-1'/);
    expect((await run(memo, 'GET', '/api/articles')).headers['content-security-policy']).toMatch(/'nonce-2'/);
  });

  it('given a middleware that writes a header the recording cannot see, then that variant is not memoized', async () => {
    let calls = 0;
    const sneaky: Core.MiddlewareFactory = () => (ctx: Context, next: Next) => {
      calls += 1;
      ServerResponse.prototype.setHeader.call(ctx.res, 'X-Sneaky', String(calls));
      return next();
    };
    const memo = instantiate(memoizeSecurityHeaders(sneaky));
    expect((await run(memo, 'GET', '/api/articles')).headers['x-sneaky']).toBe('1');
    expect((await run(memo, 'GET', '/api/articles')).headers['x-sneaky']).toBe('2');
    expect(calls).toBe(2);
  });
});
