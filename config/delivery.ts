/**
 * Published-read delivery: HTTP caching headers and the in-process response
 * cache (whose entries are validated against the database on every read, so
 * several app instances on one PostgreSQL never serve a superseded version).
 * Read with `strapi.config.get('delivery')`; defaults live in src/delivery/config.ts.
 */
import { createHash } from 'crypto';
import { envSecret } from '../src/utils/env-secret';

export default ({ env }: { env: any }) => ({
  cacheControl: {
    maxAge: env.int('DELIVERY_MAX_AGE', 60),
    staleWhileRevalidate: env.int('DELIVERY_STALE_WHILE_REVALIDATE', 300),
  },
  responseCache: {
    enabled: env.bool('DELIVERY_RESPONSE_CACHE', true),
    ttlMs: env.int('DELIVERY_RESPONSE_CACHE_TTL_MS', 300000),
    maxEntries: env.int('DELIVERY_RESPONSE_CACHE_MAX_ENTRIES', 1000),
  },
  /** Base for document IRIs in JSON-LD/ninjs when an article has no `uri` (else urn:newsroom:…). */
  publicUrl: env('PUBLIC_URL', ''),
  /** The news site (frontend) that shows the articles: links in feeds, sitemaps, JSON-LD, purge events. */
  siteUrl: env('DELIVERY_SITE_URL', 'http://localhost:3000'),
  articlePath: env('DELIVERY_ARTICLE_PATH', '/articles/{slug}'),
  siteName: env('DELIVERY_SITE_NAME', 'Newsroom'),
  copyrightHolder: env('DELIVERY_COPYRIGHT_HOLDER', 'Newsroom'),
  usageTerms: env('DELIVERY_USAGE_TERMS', ''),
  /**
   * Private-network purge relays: `delivery.purge` events are POSTed to exactly these URLs
   * (comma-separated; the only allow-list — Strapi's webhooks stay public-only).
   */
  purgeRelay: {
    urls: env.array('DELIVERY_PURGE_RELAYS', []),
    secret: env('DELIVERY_PURGE_RELAY_SECRET', ''),
    timeoutMs: env.int('DELIVERY_PURGE_RELAY_TIMEOUT_MS', 5000),
  },
  /**
   * Draft preview tokens (HMAC-SHA256). PREVIEW_SECRET, or else a key derived from
   * ADMIN_JWT_SECRET (itself required in production), so no deployment runs with a known key.
   */
  preview: {
    secret: env('PREVIEW_SECRET', '') || createHash('sha256').update(`newsroom-preview\n${envSecret(env, 'ADMIN_JWT_SECRET')}`).digest('base64url'),
    ttlSeconds: env.int('PREVIEW_TOKEN_TTL_SECONDS', 3600),
  },
});
