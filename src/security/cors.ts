import type { SecuritySettings } from './settings';

type Ctx = { path: string };
type StrapiLike = { config: { get: (key: string, fallback?: unknown) => unknown } };

const originOf = (url: unknown): string | null => {
  try {
    return typeof url === 'string' && url ? new URL(url).origin : null;
  } catch {
    return null;
  }
};

/**
 * Origins strapi::cors may answer for a request: the Content API (/api,
 * /graphql) answers the CORS_ORIGINS allow-list (empty by default in
 * production); everything else — the admin, its token exchange
 * (/admin/access-token), the plugins' admin routes — answers only the app's own
 * public origin (PUBLIC_URL / ADMIN_URL), so another site never gets
 * Allow-Origin + Allow-Credentials for an admin session.
 */
export const corsOrigins = (strapi: StrapiLike, ctx: Ctx): string[] => {
  const prefix = String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/$/, '');
  const graphql = String(strapi.config.get('plugin::graphql.endpoint', '/graphql'));
  const isContentApi = [prefix, graphql].some((path) => ctx.path === path || ctx.path.startsWith(`${path}/`));
  if (isContentApi) return (strapi.config.get('server.security') as SecuritySettings | undefined)?.corsOrigins ?? [];
  const own = [originOf(strapi.config.get('server.url')), originOf(strapi.config.get('admin.url'))].filter((origin): origin is string => !!origin);
  return [...new Set(own)];
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const hostOf = (url: string): string | null => {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
};

/**
 * CORS only stops another site from READING a response; a cross-site POST
 * with the admin's cookies would still run (e.g. the refresh-token exchange at
 * /admin/access-token). So an admin-side write that announces a foreign
 * Origin is refused before it runs: only the app's own origin (PUBLIC_URL,
 * ADMIN_URL, or the host the request was sent to) is accepted.
 */
export const foreignOriginGuard =
  (strapi: StrapiLike) =>
  async (ctx: Ctx & { method: string; host: string; get: (name: string) => string; status: number; body: unknown }, next: () => Promise<unknown>) => {
    const origin = ctx.get('origin');
    if (!origin || SAFE_METHODS.has(ctx.method)) return next();
    const allowed = corsOrigins(strapi, ctx);
    const prefix = String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/$/, '');
    const graphql = String(strapi.config.get('plugin::graphql.endpoint', '/graphql'));
    // Content API writes are authorised by a bearer token, not a cookie: CORS suffices there.
    if ([prefix, graphql].some((path) => ctx.path === path || ctx.path.startsWith(`${path}/`))) return next();
    // Same host as the request (compared by host, so a TLS proxy's http→https does not matter).
    if (allowed.includes(origin) || hostOf(origin) === ctx.host) return next();
    ctx.status = 403;
    ctx.body = { data: null, error: { status: 403, name: 'ForbiddenError', message: `Origin ${origin} may not call the admin API.`, details: {} } };
  };
