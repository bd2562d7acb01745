import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { batchedLoadsScope } from './batched-associations';
import { NEWSROOM_UIDS } from '../domain/constants';
import { mayReadDrafts, mayReadInternals, readerOf, RESTRICTED_UIDS, toGraphqlFilters, visibilityFilters, type RequestState } from '../security/read-policy';

/** Root query fields of the newsroom types (Strapi 5 shadow CRUD names). */
const ROOT_QUERIES = ['article', 'quote', 'expert', 'organization', 'sanctionRecord'].flatMap((name) => [
  `Query.${name}`,
  `Query.${name}s`,
  `Query.${name}s_connection`,
]);

/** Users and roles: never for the Public, end users or limited tokens (docs/security.md). */
const INTERNAL_QUERIES = ['usersPermissionsUser', 'usersPermissionsUsers', 'usersPermissionsUsers_connection', 'usersPermissionsRole', 'usersPermissionsRoles'].map(
  (name) => `Query.${name}`,
);

/**
 * Plugins whose content types are written and read only through their own routes: none of their types is in
 * the public schema — the editorial workflow's state, history, notes and token owners (a prefix, so a type the
 * plugin adds later is hidden too), and Strapi's Enterprise review workflows (inert here: two empty tables).
 */
const HIDDEN_PLUGINS = ['plugin::editorial-workflow.', 'plugin::review-workflows.'];

type Args = Record<string, unknown>;
type GraphqlContext = { state?: RequestState; rootQueryArgsByPath?: Map<unknown, Args> };
type GraphqlInfo = { path: { key: unknown } };
type Resolve = (parent: unknown, args: Args, context: GraphqlContext, info: GraphqlInfo) => unknown;
type Middleware = (next: Resolve, parent: unknown, args: Args, context: GraphqlContext, info: GraphqlInfo) => Promise<unknown>;

type Attribute = { type: string; target?: string };

/** `Expert.quotes`, `Organization.articles`, `Quote.article`, … — every association that reaches a restricted type. */
const restrictedAssociations = (strapi: Core.Strapi): string[] =>
  NEWSROOM_UIDS.flatMap((uid) => {
    const model = strapi.getModel(uid as never) as { globalId: string; attributes: Record<string, Attribute> };
    return Object.entries(model.attributes)
      .filter(([, attribute]) => attribute.type === 'relation' && attribute.target && RESTRICTED_UIDS.includes(attribute.target))
      .flatMap(([name]) => [`${model.globalId}.${name}`, `${model.globalId}.${name}_connection`]);
  });

const andGraphql = (own: unknown, policy: unknown): unknown => (own && typeof own === 'object' && Object.keys(own).length ? { and: [own, policy] } : policy);

/**
 * GraphQL side of the read policy (src/security/read-policy.ts). Root queries
 * go through the document service (src/document-middlewares/public-read.ts),
 * but relation resolvers read through the query engine and take their status
 * from the root query's arguments: so the root's `status` is pinned here for
 * every level, and each association that reaches an article or a quote gets
 * the visibility filter as an argument.
 */
export const registerPublishedOnlyQueries = (strapi: Core.Strapi): void => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;

  const publishedOnly: Middleware = async (next, parent, args, context, info) => {
    if (args.status && args.status !== 'published' && !mayReadDrafts(readerOf(context.state))) {
      args = { ...args, status: 'published' };
      const rootArgs = context.rootQueryArgsByPath?.get(info.path.key);
      if (rootArgs) rootArgs.status = 'published';
    }
    return next(parent, args, context, info);
  };

  const visibleOnly = (target: string): Middleware => async (next, parent, args, context, info) => {
    if (mayReadDrafts(readerOf(context.state))) return next(parent, args, context, info);
    const policy = (await visibilityFilters(strapi))[target];
    return next(parent, policy ? { ...args, filters: andGraphql(args.filters, toGraphqlFilters(policy)) } : args, context, info);
  };

  const internalsOnly: Middleware = async (next, parent, args, context, info) => {
    if (!mayReadInternals(readerOf(context.state))) throw new errors.ForbiddenError('Forbidden access');
    return next(parent, args, context, info);
  };

  graphql.service('extension').use(({ strapi: s }: { strapi: Core.Strapi }) => {
    const associations = restrictedAssociations(s);
    const targetOf = (field: string) => {
      const [globalId, field_] = field.split('.');
      const name = field_.replace(/_connection$/, '');
      const uid = NEWSROOM_UIDS.find((candidate) => (s.getModel(candidate as never) as { globalId: string }).globalId === globalId)!;
      return ((s.getModel(uid as never) as { attributes: Record<string, Attribute> }).attributes[name].target ?? '') as string;
    };
    return {
      resolversConfig: {
        ...Object.fromEntries(ROOT_QUERIES.map((field) => [field, { middlewares: [batchedLoadsScope, publishedOnly] }])),
        ...Object.fromEntries(associations.map((field) => [field, { middlewares: [visibleOnly(targetOf(field))] }])),
        ...Object.fromEntries(INTERNAL_QUERIES.map((field) => [field, { middlewares: [internalsOnly] }])),
      },
    };
  });

  const extension = graphql.service('extension');
  for (const uid of Object.keys(strapi.contentTypes)) if (HIDDEN_PLUGINS.some((prefix) => uid.startsWith(prefix))) extension.shadowCRUD(uid).disable();
};
