import { envSecret } from '../src/utils/env-secret';

export default ({ env }: { env: any }) => ({
  auth: {
    secret: envSecret(env, 'ADMIN_JWT_SECRET'),
    // Secure refresh cookie: forced by ADMIN_COOKIE_SECURE, else Strapi's default (production + HTTPS, see SERVER_PROXY).
    cookie: { secure: env('ADMIN_COOKIE_SECURE', '') === '' ? undefined : env.bool('ADMIN_COOKIE_SECURE', true) },
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
  flags: {
    nps: false,
    promoteEE: false,
  },
});
