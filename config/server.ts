import { envSecretList } from '../src/utils/env-secret';
import { securitySettings } from '../src/security/settings';

export default ({ env }: { env: any }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: {
    keys: envSecretList(env, 'APP_KEYS'),
  },
  // Behind a TLS-terminating proxy: trust X-Forwarded-For/-Proto (client IP for rate limits, Secure cookies).
  proxy: {
    koa: env.bool('SERVER_PROXY', false),
    ipHeader: env('SERVER_PROXY_IP_HEADER', 'X-Forwarded-For'),
    maxIpsCount: env.int('SERVER_PROXY_MAX_IPS', 1),
  },
  // Query limits, rate limits, CORS allow-list, registration (src/security/settings.ts, docs/security.md).
  security: securitySettings(env),
  // No update check: the server must not call the npm registry at boot.
  logger: {
    updates: { enabled: false },
    startup: { enabled: env.bool('STRAPI_STARTUP_LOG', true) },
  },
});
