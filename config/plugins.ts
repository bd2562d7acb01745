import { envSecret } from '../src/utils/env-secret';
import { graphqlLandingPage, graphqlSecurityPlugins } from '../src/graphql/limits-config';
import { graphqlDeliveryPlugins } from '../src/graphql/plain-page-fields';

export default ({ env }: { env: any }) => ({
  'users-permissions': {
    config: {
      jwtSecret: envSecret(env, 'JWT_SECRET'),
    },
  },
  'editorial-workflow': {
    enabled: true,
    resolve: './src/plugins/editorial-workflow',
    config: {
      // Types under the workflow; `false` leaves one out. Options: fourEyes, embargoField, slugField, correctionsField.
      contentTypes: {
        'api::article.article': {},
        'api::quote.quote': {},
        'api::sanction-record.sanction-record': env.bool('EDITORIAL_WORKFLOW_SANCTION_RECORDS', false) ? {} : false,
      },
      fourEyes: env.bool('EDITORIAL_WORKFLOW_FOUR_EYES', true),
      // What a publication carries along: `owned` is (re)published with the document and
      // unpublished on withdrawal; `references` are published only if never published.
      cascade: {
        'api::article.article': {
          owned: ['quotes'],
          references: ['people', 'organizations', 'sanctionRecords', 'sourceAgency', 'credits.organization'],
        },
        'api::quote.quote': { references: ['speaker', 'speakerOrganization'] },
        'api::expert.expert': { references: ['affiliation'] },
        'api::sanction-record.sanction-record': { references: ['organization', 'authority'] },
      },
      // Publishes approved documents whose scheduled time (never before the embargo) has come.
      scheduler: {
        enabled: env.bool('EDITORIAL_WORKFLOW_SCHEDULER', true),
        rule: env('EDITORIAL_WORKFLOW_SCHEDULER_RULE', '0 * * * * *'),
      },
    },
  },
  // delivery: uploads have content-hashed names, so browsers and CDNs may keep them for a year.
  upload: {
    config: {
      providerOptions: {
        localServer: { maxAge: env.int('UPLOADS_MAX_AGE_MS', 31536000000), immutable: true },
      },
    },
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      // Apollo's landing pages (local and "production") load a CDN: disabled unless asked for outside production.
      landingPage: graphqlLandingPage(env),
      depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 10),
      defaultLimit: 25,
      maxLimit: 100,
      amountLimit: env.int('GRAPHQL_AMOUNT_LIMIT', 100),
      apolloServer: {
        introspection: env('NODE_ENV', 'development') !== 'production',
        // CORS is answered once, by strapi::cors (config/middlewares.ts), from the allow-list.
        cors: false,
        // Cost, alias and filter-branch limits (src/graphql/limits.ts); no "Did you mean" hints in production.
        // Then the page graph's plain field resolvers and no per-field cache hints (src/graphql/plain-page-fields.ts).
        plugins: [...graphqlSecurityPlugins(env, { defaultLimit: 25, maxLimit: 100 }), ...graphqlDeliveryPlugins()],
      },
    },
  },
});
