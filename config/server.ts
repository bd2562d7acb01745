import { envSecretList } from '../src/utils/env-secret';

export default ({ env }: { env: any }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: {
    keys: envSecretList(env, 'APP_KEYS'),
  },
  // No update check: the server must not call the npm registry at boot.
  logger: {
    updates: { enabled: false },
    startup: { enabled: env.bool('STRAPI_STARTUP_LOG', true) },
  },
});
