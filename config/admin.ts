import { envSecret } from '../src/utils/env-secret';

export default ({ env }: { env: any }) => ({
  auth: {
    secret: envSecret(env, 'ADMIN_JWT_SECRET'),
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
