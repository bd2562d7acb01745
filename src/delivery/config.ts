import type { Core } from '@strapi/strapi';

export type DeliveryConfig = {
  cacheControl: { maxAge: number; staleWhileRevalidate: number };
  responseCache: { enabled: boolean; ttlMs: number; maxEntries: number };
  publicUrl: string;
};

export const DEFAULT_DELIVERY_CONFIG: DeliveryConfig = {
  cacheControl: { maxAge: 60, staleWhileRevalidate: 300 },
  responseCache: { enabled: true, ttlMs: 300_000, maxEntries: 1000 },
  publicUrl: '',
};

const nonNegative = (value: unknown, fallback: number): number => {
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
};

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
  };
};

export const cacheControlValue = (config: DeliveryConfig): string =>
  `public, max-age=${config.cacheControl.maxAge}, stale-while-revalidate=${config.cacheControl.staleWhileRevalidate}`;
