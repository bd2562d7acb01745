import type { Core } from '@strapi/strapi';
import { ARTICLE_FORMATS } from '../delivery/article-page';
import { frontCacheKey, parseFrontQuery } from '../delivery/front-list';
import { serveCachedRead, serveCachedResource } from '../delivery/http';

/**
 * Fast path for the article page and the fronts' list: an anonymous GET of
 * /api/articles/slug/:slug or /api/fronts/articles whose response is cached
 * and still current is answered here, ahead of the router and the
 * users-permissions lookup. The cached body was built by the full route under
 * the Public role, so it is exactly what that route returns; like every cached
 * entry it reflects a change of the Public role's permissions only after the
 * cache TTL (DELIVERY_RESPONSE_CACHE_TTL_MS). Anything else (a miss, a bad
 * query, a credential) goes on to the route.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/$/, '');
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const slugRoute = new RegExp(`^${escaped}/articles/slug/([^/]+)$`);
  const frontRoute = `${prefix}/fronts/articles`;

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
    const served = await serveCachedRead(strapi, ctx, { cacheKey: `article-slug:${slug}`, supported: ARTICLE_FORMATS, fallback: 'json' });
    if (!served) return next();
    return undefined;
  };
};
