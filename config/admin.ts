import { previewUrlFor } from '../src/delivery/preview-handlers';
import { envSecret } from '../src/utils/env-secret';

export default ({ env }: { env: any }) => ({
  auth: {
    secret: envSecret(env, 'ADMIN_JWT_SECRET'),
    // Secure refresh cookie: forced by ADMIN_COOKIE_SECURE, else Strapi's default (production + HTTPS, see SERVER_PROXY).
    cookie: { secure: env('ADMIN_COOKIE_SECURE', '') === '' ? undefined : env.bool('ADMIN_COOKIE_SECURE', true) },
  },
  // Strapi's admin login rate limit (per e-mail and client): its defaults, tunable. The browser suite signs
  // the same editors in dozens of times in a few minutes and raises `max` for its own server only.
  rateLimit: {
    enabled: env.bool('ADMIN_LOGIN_RATE_LIMIT', true),
    max: env.int('ADMIN_LOGIN_RATE_LIMIT_MAX', 5),
    interval: { min: env.int('ADMIN_LOGIN_RATE_LIMIT_MINUTES', 5) },
  },
  apiToken: {
    salt: envSecret(env, 'API_TOKEN_SALT'),
  },
  transfer: {
    token: { salt: envSecret(env, 'TRANSFER_TOKEN_SALT') },
  },
  secrets: {
    encryptionKey: envSecret(env, 'ENCRYPTION_KEY'),
  },
  // Strapi 5 Preview: the admin's Preview button opens the signed draft preview (src/delivery/preview-handlers.ts).
  preview: {
    enabled: env.bool('PREVIEW_ENABLED', true),
    config: {
      // CSP frame-src of the admin: the preview is served by this app ('self'), plus any frontend origin listed.
      allowedOrigins: ["'self'", ...env.array('PREVIEW_ALLOWED_ORIGINS', [])],
      async handler(uid: string, { documentId }: { documentId: string; locale?: string; status?: string }) {
        if (uid !== 'api::article.article' || !documentId) return null;
        return previewUrlFor(strapi, documentId);
      },
    },
  },
  flags: {
    nps: false,
    promoteEE: false,
  },
});
