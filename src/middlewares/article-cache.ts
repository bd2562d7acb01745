import type { Core } from '@strapi/strapi';
import { ARTICLE_FORMATS } from '../delivery/article-page';
import { frontCacheKey, parseFrontQuery } from '../delivery/front-list';
import { serveCachedRead, serveCachedResource } from '../delivery/http';

/**
 * Fast paths for the article page and the fronts' list, ahead of the router.
 *
 * Warm: an anonymous GET of /api/articles/slug/:slug or /api/fronts/articles
 * whose response is cached and still current is answered here, before the
 * users-permissions lookup. The cached body was built by the full route under
 * the Public role, so it is exactly what that route returns; like every cached
 * entry it reflects a change of the Public role's permissions only after the
 * cache TTL (DELIVERY_RESPONSE_CACHE_TTL_MS).
 *
 * Cold: a page read that missed the cache, with no query but `format`, is
 * handed straight to the slug route's own endpoint — the handler Strapi
 * composed for it (route info, authentication, authorization, policies, route
 * middlewares, controller), so it is answered exactly as through the router —
 * without the global middlewares after this one (query parser, REST query
 * limits, body parser, favicon, static files: none of them has anything to do
 * for it) and the router's scan of every route. A sixth of a cold page read's
 * time (bench S1 cold). Any other request goes on as before.
 */
type Layer = { path: string; methods: string[]; stack: Array<(ctx: unknown, next: () => Promise<unknown>) => Promise<unknown>> };

const ONLY_FORMAT = /^(format=[a-z]+)?$/;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/$/, '');
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const slugRoute = new RegExp(`^${escaped}/articles/slug/([^/]+)$`);
  const frontRoute = `${prefix}/fronts/articles`;

  let slugEndpoint: Layer['stack'][number] | null | undefined;
  /** The handler Strapi composed for the slug route (one per route), found once the routes are mounted. */
  const endpoint = () => {
    if (slugEndpoint === undefined) {
      const layers = strapi.server.listRoutes() as unknown as Layer[];
      const layer = layers.find((candidate) => candidate.path === `${prefix}/articles/slug/:slug` && candidate.methods.includes('GET'));
      slugEndpoint = layer?.stack.length === 1 ? layer.stack[0] : null;
    }
    return slugEndpoint;
  };

  return async (ctx: any, next: () => Promise<unknown>) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path === frontRoute) {
      const parsed = parseFrontQuery(ctx.query as Record<string, unknown>);
      if (parsed.ok && (await serveCachedResource(strapi, ctx, { cacheKey: frontCacheKey(parsed.value) }))) return undefined;
      return next();
    }
    const match = slugRoute.exec(ctx.path);
    if (!match) return next();
    let slug: string;
    try {
      slug = decodeURIComponent(match[1]);
    } catch {
      return next();
    }
    if (await serveCachedRead(strapi, ctx, { cacheKey: `article-slug:${slug}`, supported: ARTICLE_FORMATS, fallback: 'json' })) return undefined;
    const handler = ONLY_FORMAT.test(ctx.querystring) ? endpoint() : null;
    if (!handler) return next();
    ctx.params = { slug };
    return handler(ctx, next);
  };
};
