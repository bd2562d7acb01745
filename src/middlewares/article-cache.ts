import type { Core } from '@strapi/strapi';
import { ARTICLE_FORMATS } from '../delivery/article-page';
import { serveCachedRead } from '../delivery/http';

/**
 * Fast path for the article page: an anonymous GET of /api/articles/slug/:slug
 * whose response is cached and still current is answered here, ahead of the
 * router and the users-permissions lookup. The cached body was built by the
 * full route under the Public role, so it is exactly what that route returns;
 * like every cached entry it reflects a change of the Public role's
 * permissions only after the cache TTL (DELIVERY_RESPONSE_CACHE_TTL_MS).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/$/, '');
  const route = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/articles/slug/([^/]+)$`);

  return async (ctx: any, next: () => Promise<unknown>) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const match = route.exec(ctx.path);
    if (!match) return next();
    const slug = decodeURIComponent(match[1]);
    const served = await serveCachedRead(strapi, ctx, { cacheKey: `article-slug:${slug}`, supported: ARTICLE_FORMATS, fallback: 'json' });
    if (!served) return next();
  };
};
