import { envSecret } from '../src/utils/env-secret';

export default ({ env }: { env: any }) => ({
  'users-permissions': {
    config: {
      jwtSecret: envSecret(env, 'JWT_SECRET'),
    },
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      // The landing page would load assets from a CDN; never in production.
      landingPage: env('NODE_ENV', 'development') !== 'production' && env.bool('GRAPHQL_LANDING_PAGE', false),
      depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 10),
      defaultLimit: 25,
      maxLimit: 100,
      amountLimit: env.int('GRAPHQL_AMOUNT_LIMIT', 100),
      apolloServer: {
        introspection: env('NODE_ENV', 'development') !== 'production',
      },
    },
  },
});
