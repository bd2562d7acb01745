import type { Core } from '@strapi/strapi';
import { deliverableFilters } from '../delivery/embargo';

/**
 * `articleBySlug(slug)` — the GraphQL twin of GET /api/articles/slug/:slug.
 * It returns the standard `Article` type, so nested quotes, speakers and
 * sanction records resolve through Strapi's own (published-only) resolvers.
 */
export const registerArticleBySlugQuery = (strapi: Core.Strapi): void => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;

  graphql.service('extension').use(() => ({
    typeDefs: `
      type Query {
        articleBySlug(slug: String!): Article
      }
    `,
    resolvers: {
      Query: {
        articleBySlug: {
          // Published and past any embargo, else null (the REST route's 404).
          resolve: async (_parent: unknown, args: { slug: string }) =>
            strapi.documents('api::article.article').findFirst({ filters: deliverableFilters(args.slug) as any, status: 'published' }),
        },
      },
    },
    resolversConfig: {
      'Query.articleBySlug': { auth: { scope: ['api::article.article.findOne'] } },
    },
  }));
};
