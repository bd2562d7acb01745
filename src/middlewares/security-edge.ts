import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { foreignOriginGuard } from '../security/cors';
import { createLoginThrottle } from '../security/login-throttle';
import { createRateLimit } from '../security/rate-limit';
import { requestDeadline } from '../security/request-deadline';
import { requestEdge } from '../security/request-edge';
import type { SecuritySettings } from '../security/settings';
import { tokenScope } from '../security/token-scope';

/**
 * First line of defence, ahead of the response cache and the router
 * (config/middlewares.ts): per-client rate limit, failed-login throttle,
 * malformed paths and unknown cache-key values refused, non-Bearer
 * Authorization treated as public, limited API tokens kept away from users,
 * roles and workflow data. See src/security/*.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const settings = strapi.config.get('server.security') as SecuritySettings;
  const prefix = String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/$/, '');
  const graphql = String(strapi.config.get('plugin::graphql.endpoint', '/graphql'));
  const steps: ((ctx: Context, next: () => Promise<unknown>) => unknown)[] = [
    createRateLimit({ ...settings.rateLimit, prefixes: [prefix, graphql] }),
    createLoginThrottle({ ...settings.loginThrottle, paths: ['/admin/login', `${prefix}/auth/local`] }),
    foreignOriginGuard(strapi),
    requestEdge(),
    tokenScope(strapi, prefix),
    requestDeadline({ timeoutMs: settings.requestTimeoutMs, prefixes: [prefix, graphql] }),
  ];
  return (ctx: Context, next: () => Promise<unknown>) => {
    const run = (index: number): Promise<unknown> => (index === steps.length ? next() : Promise.resolve(steps[index](ctx, () => run(index + 1))));
    return run(0);
  };
};
