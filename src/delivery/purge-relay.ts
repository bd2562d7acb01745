import { createHmac } from 'crypto';
import http from 'http';
import https from 'https';
import type { Core } from '@strapi/strapi';
import { PURGE_EVENT, type PurgeEvent } from './purge';

/**
 * A purge relay on a private network (e.g. a Varnish/Fastly purger inside
 * the VPC). Strapi's webhooks refuse non-public URLs in production, rightly;
 * rather than loosening that, delivery POSTs each `delivery.purge` event to
 * the URLs listed in DELIVERY_PURGE_RELAYS — that env list is the only
 * allow-list, and nothing else can add a private URL. Each request carries
 * `X-Newsroom-Signature: sha256=<HMAC of the body>` when
 * DELIVERY_PURGE_RELAY_SECRET is set. Delivery is best effort (a CDN purge
 * is an optimisation; cache TTLs bound staleness): failures are logged.
 */
export type RelayConfig = { urls: string[]; secret: string; timeoutMs: number };

export const relayConfig = (strapi: Core.Strapi): RelayConfig => {
  const raw = (strapi.config.get('delivery.purgeRelay') ?? {}) as Partial<{ urls: unknown; secret: unknown; timeoutMs: unknown }>;
  const list = Array.isArray(raw.urls) ? raw.urls : typeof raw.urls === 'string' ? raw.urls.split(',') : [];
  const urls = list
    .map((url) => String(url).trim())
    .filter((url) => {
      try {
        return ['http:', 'https:'].includes(new URL(url).protocol);
      } catch {
        strapi.log.warn(`[delivery] ignoring purge relay URL that is not http(s): ${url}`);
        return false;
      }
    });
  const timeout = Number(raw.timeoutMs);
  return { urls, secret: typeof raw.secret === 'string' ? raw.secret : '', timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 5000 };
};

export const signRelayBody = (secret: string, body: string): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** POST with Node's own http client (no global fetch: predictable timeouts in every runtime). */
const post = (url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<number> =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const request = (target.protocol === 'https:' ? https : http).request(
      target,
      { method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) }, timeout: timeoutMs },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });

export const registerPurgeRelay = (strapi: Core.Strapi): void => {
  const config = relayConfig(strapi);
  if (!config.urls.length) return;
  // Fire and forget: the event hub awaits listeners in turn, and a slow relay must not delay the others.
  strapi.eventHub.on(PURGE_EVENT, async (event: PurgeEvent) => {
    const body = JSON.stringify({ event: PURGE_EVENT, createdAt: new Date().toISOString(), ...event });
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (config.secret) headers['X-Newsroom-Signature'] = signRelayBody(config.secret, body);
    for (const url of config.urls) {
      post(url, headers, body, config.timeoutMs)
        .then((status) => {
          if (status < 200 || status >= 300) strapi.log.warn(`[delivery] purge relay ${url} answered ${status}`);
        })
        .catch((error: Error) => strapi.log.warn(`[delivery] purge relay ${url} failed: ${error.message}`));
    }
  });
};
