import { errors } from '@strapi/utils';

/**
 * Per-client rate limit on the public API (/api, /graphql): a fixed window
 * per client IP, in process memory (each instance counts its own clients).
 * Behind a proxy, set SERVER_PROXY=true so the IP is the client's, not the
 * proxy's. A trusted frontend (server-side renderer, CDN origin fetches)
 * skips the limit by sending one of RATE_LIMIT_BYPASS_KEYS in
 * `X-Rate-Limit-Key`. Tuning: docs/security.md.
 */
export type RateLimitOptions = {
  /** Requests per window and client; 0 turns the limit off. */
  max: number;
  windowMs: number;
  /** Path prefixes the limit applies to. */
  prefixes: string[];
  bypassKeys: string[];
};

type Ctx = { path: string; ip: string; get: (name: string) => string; set: (name: string, value: string) => void };

export const createRateLimit = (options: RateLimitOptions, now: () => number = Date.now) => {
  const windows = new Map<string, { start: number; count: number }>();

  return async (ctx: Ctx, next: () => Promise<unknown>) => {
    if (options.max <= 0 || !options.prefixes.some((prefix) => ctx.path === prefix || ctx.path.startsWith(`${prefix}/`))) return next();
    const key = ctx.get('x-rate-limit-key');
    if (key && options.bypassKeys.includes(key)) return next();

    const time = now();
    let window = windows.get(ctx.ip);
    if (!window || time - window.start >= options.windowMs) {
      // Forget finished windows now and then, so memory follows the active clients.
      if (windows.size > 10000) for (const [ip, old] of windows) if (time - old.start >= options.windowMs) windows.delete(ip);
      window = { start: time, count: 0 };
      windows.set(ctx.ip, window);
    }
    window.count += 1;
    if (window.count > options.max) {
      const retryAfter = Math.ceil((window.start + options.windowMs - time) / 1000);
      ctx.set('Retry-After', String(Math.max(retryAfter, 1)));
      throw new errors.RateLimitError(`Too many requests: at most ${options.max} per ${options.windowMs / 1000} s per client. Retry after ${retryAfter} s.`);
    }
    return next();
  };
};
