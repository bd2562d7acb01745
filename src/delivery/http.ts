import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { cacheTagHeaders } from './cache-tags';
import { cacheControlValue, deliveryConfig } from './config';
import { encodedBody, encodedEtag, MIN_COMPRESS_BYTES, pickEncoding } from './compression';
import { ifNoneMatchHits, strongEtag } from './etag';
import { MEDIA_TYPES, negotiate, type Format } from './negotiate';
import { createResponseCache, type CachedResponse, type ResponseCache } from './response-cache';
import { createVersionReader, type VersionReader } from './version-reader';

/**
 * The HTTP side of published reads: format negotiation, response cache,
 * strong ETag / 304, Cache-Control, Cache-Tag / Surrogate-Key.
 */
type Ctx = {
  query: Record<string, unknown>;
  method: string;
  status: number;
  body: unknown;
  state: Record<string, any>;
  get: (name: string) => string;
  set: (name: string, value: string) => void;
};

export type Rendered = { body: string; keys: string[]; validityKeys?: string[] };

const caches = new WeakMap<Core.Strapi, { cache: ResponseCache; versions: VersionReader }>();

export const responseCacheOf = (strapi: Core.Strapi): ResponseCache => {
  let held = caches.get(strapi);
  if (!held) {
    const versions = createVersionReader(strapi);
    const cache = createResponseCache(
      () => strapi.db.connection as unknown as Knex,
      () => deliveryConfig(strapi).responseCache,
      versions.newest,
    );
    held = { cache, versions };
    caches.set(strapi, held);
  }
  return held.cache;
};

/** At shutdown: the validity check's own connection (SQLite) is closed; a later read opens another. */
export const closeResponseCache = async (strapi: Core.Strapi): Promise<void> => {
  const held = caches.get(strapi);
  caches.delete(strapi);
  await held?.versions.close();
};

/** Any credential (users-permissions JWT, API token, admin) makes the response private. */
export const isAuthenticated = (ctx: Ctx): boolean =>
  Boolean(ctx.state?.user || ctx.state?.auth?.credentials || ctx.get('authorization'));

const errorBody = (status: number, name: string, message: string, details: Record<string, unknown> = {}) => ({
  data: null,
  error: { status, name, message, details },
});

export const deliver = async (
  strapi: Core.Strapi,
  ctx: Ctx,
  options: {
    /** Identifies the resource (e.g. `article-slug:<slug>`); format etc. are appended. */
    cacheKey: string;
    supported: readonly Format[];
    fallback: Format;
    notFoundMessage: string;
    /** Build the representation, or null for 404. Must read content only when called. */
    render: (format: Format) => Promise<Rendered | null>;
    /**
     * Asked when `render` found nothing, before answering 404 — e.g. the
     * workflow's 410 Gone with the withdrawal notice. Never cached.
     */
    onNotFound?: (format: Format) => Promise<{ status: number; body: unknown; headers?: Record<string, string> } | null>;
  },
): Promise<void> => {
  const config = deliveryConfig(strapi);
  const negotiated = negotiate({
    format: ctx.query.format,
    accept: ctx.get('accept'),
    supported: options.supported,
    fallback: options.fallback,
  });
  ctx.set('Vary', VARY_NEGOTIATED);
  if (!negotiated.ok) {
    ctx.set('Cache-Control', 'no-store');
    ctx.status = negotiated.status;
    ctx.body = errorBody(negotiated.status, negotiated.status === 406 ? 'NotAcceptableError' : 'ValidationError', negotiated.message, {
      formats: options.supported.map((format) => ({ format, mediaType: MEDIA_TYPES[format] })),
    });
    return;
  }

  const authenticated = isAuthenticated(ctx);
  const { response, cache } = await cachedOrBuilt(strapi, ctx, variantKey(options.cacheKey, negotiated, ctx), negotiated.contentType, () =>
    options.render(negotiated.format),
  );
  ctx.set('X-Delivery-Cache', cache);
  if (response.status !== 200) {
    ctx.set('Cache-Control', 'no-store');
    const other = options.onNotFound ? await options.onNotFound(negotiated.format) : null;
    if (other) {
      for (const [name, value] of Object.entries(other.headers ?? {})) ctx.set(name, value);
      ctx.status = other.status;
      ctx.body = other.body;
      return;
    }
    ctx.status = 404;
    ctx.body = errorBody(404, 'NotFoundError', options.notFoundMessage);
    return;
  }
  await writeResponse(ctx, response, authenticated ? 'no-store' : cacheControlValue(config));
};

/** From the response cache when the request may share it (anonymous, outside a transaction), else built now. */
const cachedOrBuilt = async (
  strapi: Core.Strapi,
  ctx: Ctx,
  variant: string,
  contentType: string,
  render: () => Promise<Rendered | null>,
): Promise<{ response: CachedResponse; cache: 'HIT' | 'MISS' | 'BYPASS' }> => {
  const build = async (): Promise<CachedResponse> => {
    const rendered = await render();
    if (!rendered) return { status: 404, contentType: '', body: '', etag: '', keys: [] };
    return { status: 200, contentType, etag: strongEtag(rendered.body), ...rendered };
  };
  const canCache = !isAuthenticated(ctx) && !ctx.get('strapi-encode-source-maps') && !strapi.db.inTransaction();
  return canCache ? responseCacheOf(strapi).get(variant, build) : { response: await build(), cache: 'BYPASS' };
};

/**
 * A published resource with one representation (feeds, sitemaps, the
 * OpenAPI document): the same response cache, ETag / 304, Cache-Control and
 * cache tags as the article page. `render` returns null for 404.
 */
export const deliverResource = async (
  strapi: Core.Strapi,
  ctx: Ctx,
  options: { cacheKey: string; contentType: string; render: () => Promise<Rendered | null>; notFoundMessage?: string; vary?: string },
): Promise<void> => {
  ctx.set('Vary', options.vary ?? VARY_FIXED);
  const { response, cache } = await cachedOrBuilt(strapi, ctx, options.cacheKey, options.contentType, options.render);
  ctx.set('X-Delivery-Cache', cache);
  if (response.status !== 200) {
    ctx.set('Cache-Control', 'no-store');
    ctx.status = 404;
    ctx.body = errorBody(404, 'NotFoundError', options.notFoundMessage ?? 'Not found');
    return;
  }
  await writeResponse(ctx, response, isAuthenticated(ctx) ? 'no-store' : cacheControlValue(deliveryConfig(strapi)));
};

const variantKey = (cacheKey: string, negotiated: { format: Format; contentType: string }, ctx: Ctx): string =>
  [cacheKey, negotiated.format, negotiated.contentType, ctx.get('strapi-response-format')].join('|');

/**
 * A 200 (or its 304) with ETag, Cache-Control and cache tags, brotli- or
 * gzip-encoded when the client accepts it (the encoded body is kept with the
 * cached response: a warm hit does not recompress).
 */
const writeResponse = async (ctx: Ctx, response: CachedResponse, cacheControl: string): Promise<void> => {
  const encoding = Buffer.byteLength(response.body) >= MIN_COMPRESS_BYTES ? pickEncoding(ctx.get('accept-encoding')) : null;
  const etag = encodedEtag(response.etag, encoding);
  ctx.set('Cache-Control', cacheControl);
  ctx.set('ETag', etag);
  for (const [name, value] of Object.entries(cacheTagHeaders(response.keys))) ctx.set(name, value);

  if ((ctx.method === 'GET' || ctx.method === 'HEAD') && ifNoneMatchHits(ctx.get('if-none-match'), etag)) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.set('Content-Type', response.contentType);
  ctx.status = 200;
  if (!encoding) {
    ctx.body = response.body;
    return;
  }
  ctx.set('Content-Encoding', encoding);
  ctx.body = await encodedBody(response, response.body, encoding);
};

/**
 * Every request header that changes these responses: the representation
 * (Accept, ?format aside), the envelope (Strapi-Response-Format), the
 * content-coding (Accept-Encoding) and the CORS headers (Origin).
 */
export const VARY_NEGOTIATED = 'Accept, Accept-Encoding, Origin, Strapi-Response-Format';
export const VARY_FIXED = 'Accept-Encoding, Origin';

/**
 * Serve an anonymous read straight from the response cache, before Strapi's
 * router, auth and permission lookup run: a hit costs one indexed query (the
 * version check). Anything else — a miss, a credential, a format error — is
 * left to the full route, which answers it and fills the cache.
 */
export const serveCachedRead = async (
  strapi: Core.Strapi,
  ctx: Ctx,
  options: { cacheKey: string; supported: readonly Format[]; fallback: Format },
): Promise<boolean> => {
  if (isAuthenticated(ctx) || ctx.get('strapi-encode-source-maps')) return false;
  const negotiated = negotiate({ format: ctx.query.format, accept: ctx.get('accept'), supported: options.supported, fallback: options.fallback });
  if (!negotiated.ok) return false;
  const response = await responseCacheOf(strapi).peek(variantKey(options.cacheKey, negotiated, ctx));
  if (!response || response.status !== 200) return false;
  ctx.set('Vary', VARY_NEGOTIATED);
  ctx.set('X-Delivery-Cache', 'HIT');
  await writeResponse(ctx, response, cacheControlValue(deliveryConfig(strapi)));
  return true;
};

/**
 * The same for a resource with one representation (`deliverResource`, e.g. the fronts' list): its cached
 * response if still current, answered before the router; else false and the full route answers.
 */
export const serveCachedResource = async (strapi: Core.Strapi, ctx: Ctx, options: { cacheKey: string; vary?: string }): Promise<boolean> => {
  if (isAuthenticated(ctx) || ctx.get('strapi-encode-source-maps')) return false;
  const response = await responseCacheOf(strapi).peek(options.cacheKey);
  if (!response || response.status !== 200) return false;
  ctx.set('Vary', options.vary ?? VARY_FIXED);
  ctx.set('X-Delivery-Cache', 'HIT');
  await writeResponse(ctx, response, cacheControlValue(deliveryConfig(strapi)));
  return true;
};
