import { requestDeadline, timedOut } from '../../../src/security/request-deadline';
import { measureFilters, measurePopulate } from '../../../src/security/rest-query-limits';
import { createRateLimit } from '../../../src/security/rate-limit';

const ctxFor = (path: string, ip = '192.0.2.1') => {
  const headers: Record<string, string> = {};
  return { path, ip, status: 404, body: undefined as unknown, state: {} as Record<string, unknown>, get: (_name: string): string => '', set: (name: string, value: string) => void (headers[name] = value), headers };
};

describe('request deadline', () => {
  afterEach(() => jest.useRealTimers());

  it('given a handler that runs past the limit, when the limit passes, then 503 at once and the request is marked so no further read starts', async () => {
    jest.useFakeTimers();
    const ctx = ctxFor('/api/articles');
    let release: () => void = () => undefined;
    const running = requestDeadline({ timeoutMs: 1000, prefixes: ['/api'] })(ctx, () => new Promise<void>((resolve) => (release = resolve)));
    jest.advanceTimersByTime(1000);
    await running;
    expect(ctx.status).toBe(503);
    expect(timedOut(ctx.state)).toBe(true);
    release();
  });

  it('given a handler that finishes in time, then its answer stands and nothing is marked', async () => {
    const ctx = ctxFor('/api/articles');
    await requestDeadline({ timeoutMs: 1000, prefixes: ['/api'] })(ctx, async () => {
      ctx.status = 200;
    });
    expect(ctx.status).toBe(200);
    expect(timedOut(ctx.state)).toBe(false);
  });
});

describe('REST query measures', () => {
  it.each([
    ['a', { depth: 1, relations: 1 }],
    ['a.b.c', { depth: 3, relations: 3 }],
    [['a', 'b.c'], { depth: 2, relations: 3 }],
    [{ a: { populate: { b: { populate: { c: 'true' } } } } }, { depth: 3, relations: 3 }],
    [{ a: { fields: ['x'], populate: 'b.c' } }, { depth: 3, relations: 3 }],
    ['*', { depth: 1, relations: 1 }],
  ])('populate %j measures %j', (populate, expected) => {
    expect(measurePopulate(populate)).toEqual(expected);
  });

  it('counts $or/$and branches (also qs objects with numeric keys) and treats a $in list as one condition', () => {
    expect(measureFilters({ $or: [{ a: 'x' }, { b: 'y' }] })).toEqual({ conditions: 2, branches: 2 });
    expect(measureFilters({ $or: { 0: { a: 'x' }, 1: { b: 'y' }, 2: { c: 'z' } } }).branches).toBe(3);
    expect(measureFilters({ id: { $in: Array.from({ length: 100 }, (_, i) => i) } })).toEqual({ conditions: 1, branches: 0 });
  });
});

describe('rate limit', () => {
  it('given max 2 per window, then the third request of a client is refused, other clients and a bypass key pass, and a new window resets', async () => {
    let now = 0;
    const limit = createRateLimit({ max: 2, windowMs: 1000, prefixes: ['/api'], bypassKeys: ['k'] }, () => now);
    const pass = async (ctx: ReturnType<typeof ctxFor>) => limit(ctx, async () => undefined).then(() => 'ok', (error: Error) => error.name);
    const a = () => ctxFor('/api/articles', 'a');
    expect([await pass(a()), await pass(a()), await pass(a())]).toEqual(['ok', 'ok', 'RateLimitError']);
    expect(await pass(ctxFor('/api/articles', 'b'))).toBe('ok');
    expect(await pass({ ...a(), get: (name: string) => (name === 'x-rate-limit-key' ? 'k' : '') })).toBe('ok');
    expect(await pass(ctxFor('/admin/login', 'a'))).toBe('ok');
    now = 1000;
    expect(await pass(a())).toBe('ok');
  });
});
