/**
 * Secrets come from the environment. Outside production a fixed, clearly fake
 * default keeps `npm run develop` and the tests zero-config; in production a
 * missing secret stops boot instead of silently running with a known value.
 */
export const envSecret = (
  env: (key: string, fallback?: string) => string | undefined,
  key: string,
): string => {
  const value = env(key);
  if (value) return value;
  if ((process.env.NODE_ENV ?? 'development') === 'production') {
    throw new Error(`Missing required secret ${key}: set it in the environment (see .env.example).`);
  }
  return `dev-only-${key.toLowerCase()}-not-secret`;
};

export const envSecretList = (
  env: (key: string, fallback?: string) => string | undefined,
  key: string,
): string[] => envSecret(env, key).split(',').map((part) => part.trim()).filter(Boolean);
