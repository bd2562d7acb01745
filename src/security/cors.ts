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
