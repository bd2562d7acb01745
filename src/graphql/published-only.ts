import type { Core } from '@strapi/strapi';
import { DRAFT_READERS } from '../document-middlewares/public-read';

/** Root query fields of the newsroom types (Strapi 5 shadow CRUD names). */
const ROOT_QUERIES = ['article', 'quote', 'expert', 'organization', 'sanctionRecord'].flatMap((name) => [
  `Query.${name}`,
  `Query.${name}s`,
  `Query.${name}s_connection`,
]);

type Resolve = (parent: unknown, args: Record<string, unknown>, context: GraphqlContext, info: GraphqlInfo) => unknown;
type GraphqlContext = {
  state?: { auth?: { strategy?: { name?: string } } };
  rootQueryArgsByPath?: Map<unknown, Record<string, unknown>>;
};
type GraphqlInfo = { path: { key: unknown } };

/**
 * The document-service middleware already pins reads to published for the
 * Public role, but GraphQL relation resolvers take their status from the root
 * query's arguments, so `articles(status: DRAFT)` would return published
 * articles with empty relations. Rewriting the argument at the root keeps
 * every level consistent: readers other than API tokens query published content.
 */
export const registerPublishedOnlyQueries = (strapi: Core.Strapi): void => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;

  const publishedOnly = async (next: Resolve, parent: unknown, args: Record<string, unknown>, context: GraphqlContext, info: GraphqlInfo) => {
    const strategy = context.state?.auth?.strategy?.name;
    if (args.status && args.status !== 'published' && !(strategy && DRAFT_READERS.has(strategy))) {
      args = { ...args, status: 'published' };
      const rootArgs = context.rootQueryArgsByPath?.get(info.path.key);
      if (rootArgs) rootArgs.status = 'published';
    }
    return next(parent, args, context, info);
  };

  graphql.service('extension').use(() => ({
    resolversConfig: Object.fromEntries(ROOT_QUERIES.map((field) => [field, { middlewares: [publishedOnly] }])),
  }));
};
