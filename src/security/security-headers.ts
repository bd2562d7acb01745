import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import type { OutgoingHttpHeaders, ServerResponse } from 'http';

/**
 * Strapi's `strapi::security` (@strapi/core/dist/middlewares/security.js)
 * builds a new helmet middleware on every request: defaultsDeep of its
 * config, directive merges, then helmet(config) — which re-validates and
 * re-serialises the whole Content-Security-Policy each time (~9 % of a cached
 * article page's CPU). Helmet's output depends only on the config it is
 * given, and Strapi's per-request config only on the variant below, so this
 * wraps Strapi's own factory: the first request of each variant runs the real
 * middleware and records the header writes helmet makes on the Node response
 * (setHeader / removeHeader, in order); later requests of that variant replay
 * them and go straight to `next()`. Strapi still decides every header.
 *
 * Why record rather than build koa-helmet once per variant: building would
 * copy Strapi's config merge (defaults, special paths, admin HMR directives)
 * into this file, to drift silently on an upgrade; recording keeps Strapi's
 * code as the only source and stays exactly equal by construction.
 *
 * SECURITY_HEADERS_MEMO=false (read per request) runs Strapi's middleware on
 * every request again.
 */

type Factory = Core.MiddlewareFactory;
type Handler = (ctx: Context, next: Next) => unknown;
type HeaderValue = number | string | readonly string[];
/** One header write helmet made: a set (with its value) or a removal. */
type HeaderWrite = { name: string; value?: HeaderValue; remove: boolean };
/** A variant whose writes could not be fully explained by the recording (see `explains`): never memoized. */
const PASSTHROUGH = 'passthrough';

const enabled = (): boolean => process.env.SECURITY_HEADERS_MEMO !== 'false';

type GraphqlPlugin = {
  service(name: 'utils'): { playground: { isEnabled(): boolean } };
  config(path: 'endpoint'): string;
};

/**
 * Everything Strapi's per-request config depends on, evaluated exactly as
 * security.js (5.54.0) evaluates it, per request (the playground flag, the
 * GraphQL endpoint, NODE_ENV and admin.path may all change at run time):
 * - playground: `strapi.plugin('graphql')?.service('utils').playground.isEnabled()`;
 *   when on, the GraphQL endpoint joins the special paths AND the special
 *   directives gain the Apollo sources — so it is part of the key when special;
 * - special: `ctx.method === 'GET' && specialPaths.some((str) => ctx.path.startsWith(str))`
 *   with specialPaths = ['/documentation'] (+ endpoint) → CSP exceptions, no COEP;
 * - admin: NODE_ENV in development/test, GET, `ctx.path.startsWith(strapi.config.get('admin.path'))`
 *   → vite HMR script-src / connect-src.
 * The factory's own config is fixed per instance, so it is not in the key
 * (each instance keeps its own memo).
 */
export const securityVariant = (strapi: Core.Strapi, ctx: { method: string; path: string }): string => {
  const graphql = strapi.plugin('graphql') as unknown as GraphqlPlugin | undefined;
  const playground = Boolean(graphql?.service('utils').playground.isEnabled());
  const specialPaths = ['/documentation'];
  if (playground) specialPaths.push((graphql as GraphqlPlugin).config('endpoint'));
  const special = ctx.method === 'GET' && specialPaths.some((str) => ctx.path.startsWith(str));
  const admin =
    ['development', 'test'].includes(process.env.NODE_ENV ?? '') && ctx.method === 'GET' && ctx.path.startsWith(strapi.config.get('admin.path') as string);
  return `${special ? (playground ? 'special+playground' : 'special') : 'plain'}${admin ? '+admin' : ''}`;
};

/**
 * Helmet calls function-valued CSP directive values with (req, res) on every
 * request (nonces): a config holding any function cannot be memoized.
 */
const holdsFunction = (value: unknown, seen = new Set<unknown>()): boolean => {
  if (typeof value === 'function') return true;
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).some((entry) => holdsFunction(entry, seen));
};

const sameValue = (a: unknown, b: unknown): boolean => (Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b);

/**
 * Do the recorded writes, applied to the headers before, give exactly the
 * headers at `next()`? Guards against a future helmet/Strapi that writes
 * headers some other way (then the variant simply is not memoized).
 */
const explains = (before: OutgoingHttpHeaders, writes: HeaderWrite[], after: OutgoingHttpHeaders): boolean => {
  const expected: OutgoingHttpHeaders = { ...before };
  for (const write of writes) {
    if (write.remove) delete expected[write.name.toLowerCase()];
    else expected[write.name.toLowerCase()] = write.value as string;
  }
  const names = new Set([...Object.keys(expected), ...Object.keys(after)]);
  return [...names].every((name) => sameValue(expected[name], after[name]));
};

const replay = (res: ServerResponse, writes: HeaderWrite[]): void => {
  for (const write of writes) {
    if (write.remove) res.removeHeader(write.name);
    else res.setHeader(write.name, write.value as HeaderValue);
  }
};

/**
 * Run Strapi's middleware for the first request of a variant, recording its
 * header writes on this request's own response object until it calls `next`.
 * Errors (a config helmet rejects throws synchronously, per request) propagate
 * unchanged and nothing is stored, so the next request throws the same way.
 */
const recordFirst = (handler: Handler, ctx: Context, next: Next, store: (writes: HeaderWrite[] | typeof PASSTHROUGH) => void): unknown => {
  const res = ctx.res;
  const before = { ...res.getHeaders() };
  const writes: HeaderWrite[] = [];
  const hadOwn = { set: Object.prototype.hasOwnProperty.call(res, 'setHeader'), remove: Object.prototype.hasOwnProperty.call(res, 'removeHeader') };
  const { setHeader, removeHeader } = res;
  res.setHeader = (name: string, value: HeaderValue) => {
    writes.push({ name, value: Array.isArray(value) ? [...value] : value, remove: false });
    return setHeader.call(res, name, value);
  };
  res.removeHeader = (name: string) => {
    writes.push({ name, remove: true });
    return removeHeader.call(res, name);
  };
  let recording = true;
  const stop = () => {
    if (!recording) return;
    recording = false;
    if (hadOwn.set) res.setHeader = setHeader;
    else delete (res as Partial<ServerResponse>).setHeader;
    if (hadOwn.remove) res.removeHeader = removeHeader;
    else delete (res as Partial<ServerResponse>).removeHeader;
  };
  let result: unknown;
  try {
    result = handler(ctx, () => {
      const complete = recording;
      stop();
      if (complete) store(explains(before, writes, res.getHeaders()) ? writes : PASSTHROUGH);
      return next();
    });
  } catch (error) {
    stop();
    throw error;
  }
  // A rejection before `next` (helmet's next(err)): stop recording; the caller still sees the rejection.
  if (result instanceof Promise) result.then(stop, stop);
  return result;
};

/** Strapi's security factory, wrapped: same config, same headers, helmet built once per variant. */
export const memoizeSecurityHeaders =
  (original: Factory): Factory =>
  (config, context) => {
    const handler = original(config, context) as Handler | void;
    if (!handler || holdsFunction(config)) return handler;
    const { strapi } = context;
    const variants = new Map<string, HeaderWrite[] | typeof PASSTHROUGH>();
    return (ctx: Context, next: Next) => {
      if (!enabled()) return handler(ctx, next);
      const key = securityVariant(strapi, ctx);
      const writes = variants.get(key);
      if (writes === undefined) return recordFirst(handler, ctx, next, (recorded) => variants.set(key, recorded));
      if (writes === PASSTHROUGH) return handler(ctx, next);
      try {
        replay(ctx.res, writes);
      } catch (error) {
        // Strapi's middleware (koa-helmet's promise) reports a failed header write as a rejection.
        return Promise.reject(error);
      }
      return next();
    };
  };

type MiddlewaresRegistry = { extend(uid: string, extendFn: (current: Factory) => Factory): unknown };

/**
 * Replace the `strapi::security` registry entry in place (register phase,
 * before the server instantiates the configured middlewares): the name stays,
 * so config/middlewares.ts and Strapi's required-middleware check are unchanged.
 */
export const registerSecurityHeaders = (strapi: Core.Strapi): void => {
  strapi.get<MiddlewaresRegistry>('middlewares').extend('strapi::security', memoizeSecurityHeaders);
};
