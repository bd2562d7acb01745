import type { LoginThrottleOptions } from './login-throttle';
import type { RateLimitOptions } from './rate-limit';
import type { RestQueryLimits } from './rest-query-limits';

/**
 * Every security knob in one object, read from the environment by
 * config/server.ts (`server.security`) and documented in docs/security.md.
 */
export type SecuritySettings = {
  restQuery: RestQueryLimits;
  rateLimit: Omit<RateLimitOptions, 'prefixes'>;
  loginThrottle: Omit<LoginThrottleOptions, 'paths'>;
  /** Browser origins allowed to call the Content API (/api, /graphql) with CORS. */
  corsOrigins: string[];
  /** Public registration of end users (users-permissions); e-mail confirmation is then required. */
  registration: boolean;
  /** Per-request time limit on /api and /graphql (ms; 0 = off). */
  requestTimeoutMs: number;
  /** PostgreSQL statement_timeout (ms; 0 = off). */
  statementTimeoutMs: number;
};

type Env = ((name: string, fallback?: string) => string) & {
  int: (name: string, fallback: number) => number;
  bool: (name: string, fallback: boolean) => boolean;
};

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export const securitySettings = (env: Env): SecuritySettings => {
  const production = env('NODE_ENV', 'development') === 'production';
  return {
    restQuery: {
      maxPopulateDepth: env.int('API_MAX_POPULATE_DEPTH', 5),
      maxPopulateRelations: env.int('API_MAX_POPULATE_RELATIONS', 25),
      maxFilterConditions: env.int('API_MAX_FILTER_CONDITIONS', 50),
      maxFilterBranches: env.int('API_MAX_FILTER_BRANCHES', 20),
    },
    rateLimit: {
      // Off outside production (tests, local development) unless set.
      max: env.int('RATE_LIMIT_MAX', production ? 600 : 0),
      windowMs: env.int('RATE_LIMIT_WINDOW_MS', 60_000),
      bypassKeys: list(env('RATE_LIMIT_BYPASS_KEYS', '')),
    },
    loginThrottle: {
      maxFailures: env.int('LOGIN_MAX_FAILURES', 20),
      windowMs: env.int('LOGIN_FAILURE_WINDOW_MS', 15 * 60_000),
    },
    // None by default in production; the usual local frontends in development.
    corsOrigins: list(env('CORS_ORIGINS', production ? '' : 'http://localhost:3000,http://localhost:1337')),
    registration: env.bool('USERS_REGISTRATION', false),
    requestTimeoutMs: env.int('REQUEST_TIMEOUT_MS', 15_000),
    statementTimeoutMs: env.int('DATABASE_STATEMENT_TIMEOUT_MS', 15_000),
  };
};
