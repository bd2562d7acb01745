import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { graphqlLimitsFromEnv, graphqlLimitsPlugin } from './limits';

type Env = ((name: string, fallback?: string) => string) & {
  int: (name: string, fallback: number) => number;
  bool: (name: string, fallback: boolean) => boolean;
};

const isProduction = (env: Env) => env('NODE_ENV', 'development') === 'production';

/**
 * The graphql plugin's `landingPage: false` still installs Apollo's
 * "production" landing page, which loads scripts from a CDN for
 * `GET /graphql` with `Accept: text/html`. Returning Apollo's disabled plugin
 * serves no page at all. GRAPHQL_LANDING_PAGE=true turns the local page on
 * outside production (it then loads the CDN, so not in CI).
 */
export const graphqlLandingPage = (env: Env) =>
  !isProduction(env) && env.bool('GRAPHQL_LANDING_PAGE', false) ? true : () => ApolloServerPluginLandingPageDisabled();

/** Apollo plugins of the GraphQL endpoint: cost limits always; no schema hints in production. */
export const graphqlSecurityPlugins = (env: Env, lists: { defaultLimit: number; maxLimit: number }) => [
  graphqlLimitsPlugin(graphqlLimitsFromEnv(env, lists.defaultLimit, lists.maxLimit)),
  ...(isProduction(env) || env.bool('GRAPHQL_DISABLE_SUGGESTIONS', false) ? [ApolloServerPluginDisableSuggestions()] : []),
];
