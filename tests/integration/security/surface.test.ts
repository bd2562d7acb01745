import type { Core } from '@strapi/strapi';
import type { TestApp } from '../../helpers/strapi';
import { createAdmin, type AdminUser } from '../../helpers/admin';
import { unique } from '../../helpers/builders';
import { PRODUCTION_ENV, publishedStory, startAppWith } from './setup';

/**
 * Findings 4, 6, 7 and 8 of issue 10, in production mode behind a TLS proxy
 * (SERVER_PROXY=true: X-Forwarded-For / -Proto are trusted): origins and
 * cookies, accounts, response-cache keys, malformed input and surface.
 */
let app: TestApp;
let strapi: Core.Strapi;
let story: Awaited<ReturnType<typeof publishedStory>>;
let admin: AdminUser;

const BYPASS = 'trusted-frontend-key';
const EVIL = 'https://evil.example';

beforeAll(async () => {
  app = await startAppWith({
    ...PRODUCTION_ENV,
    EDITORIAL_WORKFLOW_SCHEDULER: 'false',
    SERVER_PROXY: 'true',
    CORS_ORIGINS: 'https://www.newsroom.example',
    RATE_LIMIT_MAX: '5',
    RATE_LIMIT_BYPASS_KEYS: BYPASS,
    LOGIN_MAX_FAILURES: '5',
  });
  strapi = app.strapi;
  // Strapi also reads NODE_ENV at request time (e.g. Secure cookies): production for this file only.
  process.env.NODE_ENV = 'production';
  story = await publishedStory(strapi);
  admin = await createAdmin(app, ['strapi-super-admin'], 'Chief');
}, 300_000);
afterAll(async () => {
  await app?.stop();
  process.env.NODE_ENV = 'test';
});

let client = 0;
/** A request from its own client address, past the rate limit (except where a test is about it). */
const http = (method: 'get' | 'post' | 'options', path: string) =>
  app.http()[method](path).set('X-Forwarded-For', `198.51.100.${++client % 250}`).set('X-Rate-Limit-Key', BYPASS);

describe('Origins and cookies', () => {
  it('when evil.example preflights the admin token exchange, then no Allow-Origin / Allow-Credentials', async () => {
    const res = await http('options', '/admin/access-token').set('Origin', EVIL).set('Access-Control-Request-Method', 'POST');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('when evil.example POSTs the refresh cookie to /admin/access-token, then 403 and no token', async () => {
    const login = await http('post', '/admin/login').set('X-Forwarded-Proto', 'https').send({ email: admin.email, password: admin.password });
    expect(login.status).toBe(200);
    const cookies = ([] as string[]).concat(login.headers['set-cookie'] ?? []);
    const refresh = cookies.find((cookie) => cookie.startsWith('strapi_admin_refresh='));
    expect(refresh).toBeDefined();
    // Behind TLS termination (SERVER_PROXY + X-Forwarded-Proto: https) the refresh cookie is Secure.
    expect(refresh).toMatch(/;\s*secure/i);

    const res = await http('post', '/admin/access-token').set('Origin', EVIL).set('X-Forwarded-Proto', 'https').set('Cookie', refresh!.split(';')[0]).send({});
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toMatch(/"token"/);
  });

  it('when the Content API is called from an allow-listed origin, then it is allowed; from any other, not', async () => {
    const allowed = await http('get', '/api/articles').set('Origin', 'https://www.newsroom.example');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://www.newsroom.example');
    const other = await http('get', '/api/articles').set('Origin', EVIL);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const graphql = await http('options', '/graphql').set('Origin', EVIL).set('Access-Control-Request-Method', 'POST');
    expect(graphql.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('Accounts', () => {
  it('when forgot-password is asked for a known and an unknown e-mail, then both answer the same 200', async () => {
    const email = `${unique('reader')}@newsroom.test`.toLowerCase();
    await strapi.plugin('users-permissions').service('user').add({ username: email, email, password: 'Passw0rd-reader!', provider: 'local', confirmed: true });
    const known = await http('post', '/api/auth/forgot-password').send({ email });
    const unknown = await http('post', '/api/auth/forgot-password').send({ email: 'nobody@newsroom.test' });
    const junk = await http('post', '/api/auth/forgot-password').send({ email: 'not an e-mail' });
    expect([known.status, unknown.status, junk.status]).toEqual([200, 200, 200]);
    expect(known.body).toEqual(unknown.body);
    expect(junk.body).toEqual(unknown.body);
  });

  it('when someone registers, then it is refused (registration is off by default) and no user is created', async () => {
    const before = await strapi.db.query('plugin::users-permissions.user').count();
    const res = await http('post', '/api/auth/local/register').send({ username: unique('newbie'), email: `${unique('newbie')}@newsroom.test`, password: 'Passw0rd-new!' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await strapi.db.query('plugin::users-permissions.user').count()).toBe(before);
  });

  it('when an Authenticated user reads the article page and lists, then they read what the Public reads', async () => {
    const email = `${unique('member')}@newsroom.test`.toLowerCase();
    await strapi.plugin('users-permissions').service('user').add({
      username: email,
      email,
      password: 'Passw0rd-member!',
      provider: 'local',
      confirmed: true,
      role: (await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } })).id,
    });
    const login = await http('post', '/api/auth/local').send({ identifier: email, password: 'Passw0rd-member!' });
    expect(login.status).toBe(200);
    const auth = `Bearer ${login.body.jwt}`;
    expect((await http('get', `/api/articles/slug/${story.slug}`).set('Authorization', auth)).status).toBe(200);
    expect((await http('get', '/api/articles').set('Authorization', auth)).status).toBe(200);
    expect((await http('get', `/api/experts/${story.speaker.documentId}`).set('Authorization', auth)).status).toBe(200);
  });

  it('when one client fails admin logins for 50 e-mails, then it is throttled (429) — and another user behind the same proxy still logs in', async () => {
    const attacker = '203.0.113.66';
    const statuses: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      const res = await app.http().post('/admin/login').set('X-Forwarded-For', attacker).send({ email: `victim${i}@newsroom.test`, password: 'Guess-123456!' });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5).every((status) => status === 400 || status === 401)).toBe(true);
    expect(statuses.slice(5).every((status) => status === 429)).toBe(true);
    const other = await app.http().post('/admin/login').set('X-Forwarded-For', '203.0.113.67').send({ email: admin.email, password: admin.password });
    expect(other.status).toBe(200);
  });
});

describe('Rate limit', () => {
  it('when one client exceeds RATE_LIMIT_MAX requests, then 429 with Retry-After; other clients and a trusted frontend key are not limited', async () => {
    const ip = '192.0.2.10';
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await app.http().get('/api/articles').set('X-Forwarded-For', ip)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await app.http().get('/api/articles').set('X-Forwarded-For', ip);
    expect(limited.body.error.message).toMatch(/Too many requests/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await app.http().get('/api/articles').set('X-Forwarded-For', ip).set('X-Rate-Limit-Key', BYPASS)).status).toBe(200);
    expect((await app.http().get('/api/articles').set('X-Forwarded-For', '192.0.2.11')).status).toBe(200);
  });
});

describe('Response-cache keys and malformed input', () => {
  it('when Authorization is not a Bearer credential, then the request is treated as public, cache included', async () => {
    await http('get', `/api/articles/slug/${story.slug}`);
    const basic = await http('get', `/api/articles/slug/${story.slug}`).set('Authorization', 'Basic eDp5');
    expect(basic.status).toBe(200);
    expect(basic.headers['x-delivery-cache']).toBe('HIT');
    expect(basic.headers['cache-control']).toMatch(/^public/);
  });

  it('when Strapi-Response-Format is unknown, then 400; v4 is still accepted', async () => {
    const res = await http('get', `/api/articles/slug/${story.slug}`).set('Strapi-Response-Format', unique('random'));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Strapi-Response-Format/);
    expect((await http('get', '/api/articles').set('Strapi-Response-Format', 'v4')).status).toBe(200);
  });

  it.each(['/api/articles/slug/%', '/api/articles/slug/%E0%A4%A', '/api/articles/%zz'])('when %s is requested, then 400', async (path) => {
    const res = await http('get', path);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/percent-encoding/);
  });

  it('when /favicon.ico is requested, then it is served', async () => {
    const res = await http('get', '/favicon.ico');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/icon/);
  });

  it('when any response is sent, then there is no X-Powered-By', async () => {
    const res = await http('get', '/api/articles');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('when GET /graphql asks for HTML, then no landing page (nothing from a CDN) is served', async () => {
    const res = await http('get', '/graphql').set('Accept', 'text/html');
    expect(res.headers['content-type'] ?? '').not.toMatch(/html/);
    expect(res.text ?? '').not.toMatch(/<script|cdn\./i);
  });

  it('when a GraphQL query misspells a field, then the error gives no "Did you mean" hint', async () => {
    const res = await http('post', '/graphql').send({ query: '{ article { headlin } }' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toMatch(/Did you mean/);
  });
});
