/**
 * Per-request time limit on the public API. When a request runs past it the
 * client gets 503 at once, and the request is marked so the read policy
 * (src/document-middlewares/public-read.ts) refuses every further document
 * read it would make: no new query starts for a client that has been
 * answered. A statement already running is bounded by PostgreSQL's
 * statement_timeout (src/security/statement-timeout.ts); SQLite statements
 * are synchronous and cannot be interrupted.
 */
export type DeadlineOptions = { timeoutMs: number; prefixes: string[] };

type Ctx = { path: string; status: number; body: unknown; state: Record<string, unknown>; set: (name: string, value: string) => void };

export const TIMED_OUT = 'requestTimedOut';

export const requestDeadline = (options: DeadlineOptions) => async (ctx: Ctx, next: () => Promise<unknown>) => {
  if (options.timeoutMs <= 0 || !options.prefixes.some((prefix) => ctx.path === prefix || ctx.path.startsWith(`${prefix}/`))) return next();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), options.timeoutMs);
  });
  try {
    const outcome = await Promise.race([next().then(() => 'done' as const), expired]);
    if (outcome === 'expired') {
      ctx.state[TIMED_OUT] = true;
      ctx.set('Retry-After', '5');
      ctx.status = 503;
      ctx.body = {
        data: null,
        error: { status: 503, name: 'ServiceUnavailableError', message: `The request ran past the ${options.timeoutMs} ms limit and was stopped.`, details: {} },
      };
    }
  } finally {
    clearTimeout(timer);
  }
};

/** Whether a request has been answered by the deadline (its remaining reads must not run). */
export const timedOut = (state: Record<string, unknown> | undefined): boolean => state?.[TIMED_OUT] === true;
