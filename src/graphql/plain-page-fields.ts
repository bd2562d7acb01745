import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { PAGE_FIELD_RESOLVERS, PAGE_TYPES } from './article-by-slug';

/**
 * Apollo plugin: the page graph's fields resolve as plain property reads.
 *
 * Strapi's GraphQL plugin wraps every field of every object type in an async
 * resolver that builds a policy context and runs the field's policies and
 * middlewares (wrap-resolvers.js) — for a type without a resolver config that
 * wrapper authorises nothing and runs no policy (only Query, Mutation and
 * Subscription fields, or fields with an `auth` config, are checked). On an
 * article page that is some 1,500 promises and policy contexts per request,
 * and it made `articleBySlug` a third as fast as the REST route (bench S4).
 * The page types (ARTICLE_PAGE_TYPE_DEFS) have no resolver config, so their
 * fields are given back their own resolver or graphql's default; the root
 * field `Query.articleBySlug` keeps Strapi's wrapper, hence its `auth` scope.
 *
 * Apollo's cache-control plugin is replaced by the header it sent
 * (`Cache-Control: no-store`: nothing here sets cache hints), because it runs
 * a hook for every field of every response.
 */
export const plainPageFieldsPlugin = () => ({
  async serverWillStart({ schema }: { schema: GraphQLSchema }) {
    for (const name of PAGE_TYPES) {
      const type = schema.getType(name);
      if (!(type instanceof GraphQLObjectType)) throw new Error(`plainPageFieldsPlugin: no object type ${name} in the schema`);
      for (const [fieldName, field] of Object.entries(type.getFields())) {
        field.resolve = PAGE_FIELD_RESOLVERS[name]?.[fieldName];
      }
    }
  },
});

/** What Apollo's cache-control plugin sent for responses without cache hints. */
export const noStorePlugin = () => ({
  async requestDidStart() {
    return {
      async willSendResponse({ response }: { response: { http: { headers: Map<string, string> } } }) {
        if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
});

/** The delivery side's Apollo plugins (config/plugins.ts). */
export const graphqlDeliveryPlugins = () => [plainPageFieldsPlugin(), ApolloServerPluginCacheControlDisabled(), noStorePlugin()];
