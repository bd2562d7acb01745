import { errors } from '@strapi/utils';

/**
 * Failed-login throttle per client IP, across e-mails. Strapi's own admin
 * limiter counts per e-mail + IP, so one client trying one password on many
 * e-mails is never slowed down; and behind a proxy without SERVER_PROXY=true
 * every client has the proxy's IP, so one client's failures for an e-mail lock
 * that e-mail for everyone. Here only FAILED attempts count, per real client
 * IP (with SERVER_PROXY=true), so other users are never locked out.
 */
export type LoginThrottleOptions = {
  /** Failed attempts per window and client before 429; 0 turns it off. */
  maxFailures: number;
  windowMs: number;
  /** POST paths that are logins. */
  paths: string[];
};

type Ctx = { method: string; path: string; ip: string; status: number; set: (name: string, value: string) => void };

export const createLoginThrottle = (options: LoginThrottleOptions, now: () => number = Date.now) => {
  const failures = new Map<string, { start: number; count: number }>();

  return async (ctx: Ctx, next: () => Promise<unknown>) => {
    if (options.maxFailures <= 0 || ctx.method !== 'POST' || !options.paths.includes(ctx.path)) return next();
    const time = now();
    let entry = failures.get(ctx.ip);
    if (entry && time - entry.start >= options.windowMs) entry = undefined;
    if (entry && entry.count >= options.maxFailures) {
      const retryAfter = Math.max(1, Math.ceil((entry.start + options.windowMs - time) / 1000));
      ctx.set('Retry-After', String(retryAfter));
      throw new errors.RateLimitError(`Too many failed logins from this client. Retry after ${retryAfter} s.`);
    }
    // A refusal is thrown (strapi::errors turns it into the 4xx) or set as a 4xx status.
    let failed = true;
    try {
      await next();
      failed = ctx.status >= 400 && ctx.status < 500;
    } finally {
      if (failed) {
        const current = entry ?? { start: time, count: 0 };
        current.count += 1;
        failures.set(ctx.ip, current);
      }
    }
  };
};
