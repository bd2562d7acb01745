import type { Core } from '@strapi/strapi';

export type DeliveryConfig = {
  cacheControl: { maxAge: number; staleWhileRevalidate: number };
  responseCache: { enabled: boolean; ttlMs: number; maxEntries: number };
  publicUrl: string;
  /** The news site's base URL (no trailing slash) for article links in feeds, sitemaps and JSON-LD. */
  siteUrl: string;
  /** The article page's path on that site; `{slug}` is replaced. */
  articlePath: string;
  /** The site's name (feeds, Google News sitemap, JSON-LD publisher). */
  siteName: string;
  /** Rights statements for ninjs and feeds. */
  copyrightHolder: string;
  usageTerms: string;
};

export const DEFAULT_DELIVERY_CONFIG: DeliveryConfig = {
  cacheControl: { maxAge: 60, staleWhileRevalidate: 300 },
  responseCache: { enabled: true, ttlMs: 300_000, maxEntries: 1000 },
  publicUrl: '',
  siteUrl: 'http://localhost:3000',
  articlePath: '/articles/{slug}',
  siteName: 'Newsroom',
  copyrightHolder: 'Newsroom',
  usageTerms: '',
};

const nonNegative = (value: unknown, fallback: number): number => {
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
};

const text = (value: unknown, fallback: string): string => (typeof value === 'string' && value.trim() ? value.trim() : fallback);

/** `config/delivery.ts`, with defaults for anything missing or malformed. */
export const deliveryConfig = (strapi: Core.Strapi): DeliveryConfig => {
  const raw = (strapi.config.get('delivery') ?? {}) as Partial<DeliveryConfig> & Record<string, any>;
  const d = DEFAULT_DELIVERY_CONFIG;
  return {
    cacheControl: {
      maxAge: nonNegative(raw.cacheControl?.maxAge, d.cacheControl.maxAge),
      staleWhileRevalidate: nonNegative(raw.cacheControl?.staleWhileRevalidate, d.cacheControl.staleWhileRevalidate),
    },
    responseCache: {
      enabled: raw.responseCache?.enabled === undefined ? d.responseCache.enabled : Boolean(raw.responseCache.enabled),
      ttlMs: nonNegative(raw.responseCache?.ttlMs, d.responseCache.ttlMs),
      maxEntries: nonNegative(raw.responseCache?.maxEntries, d.responseCache.maxEntries),
    },
    publicUrl: typeof raw.publicUrl === 'string' ? raw.publicUrl.replace(/\/+$/, '') : d.publicUrl,
    siteUrl: text(raw.siteUrl, d.siteUrl).replace(/\/+$/, ''),
    articlePath: text(raw.articlePath, d.articlePath).includes('{slug}') ? text(raw.articlePath, d.articlePath) : d.articlePath,
    siteName: text(raw.siteName, d.siteName),
    copyrightHolder: text(raw.copyrightHolder, d.copyrightHolder),
    usageTerms: typeof raw.usageTerms === 'string' ? raw.usageTerms : d.usageTerms,
  };
};

/** Where this API is reachable from outside (absolute media and self links): PUBLIC_URL, server.url, else localhost. */
export const apiBaseUrl = (strapi: Core.Strapi): string =>
  deliveryConfig(strapi).publicUrl || String(strapi.config.get('server.url', '') || '').replace(/\/+$/, '') || 'http://localhost:1337';

/** An upload URL made absolute with the API base. */
export const absoluteMediaUrl = (strapi: Core.Strapi, url: string): string => (/^https?:\/\//i.test(url) ? url : `${apiBaseUrl(strapi)}${url.startsWith('/') ? '' : '/'}${url}`);

export const cacheControlValue = (config: DeliveryConfig): string =>
  `public, max-age=${config.cacheControl.maxAge}, stale-while-revalidate=${config.cacheControl.staleWhileRevalidate}`;
