import type { Core } from '@strapi/strapi';
import { GraphQLError } from 'graphql';
import { UID } from '../domain/constants';
import { embargoLifted } from '../delivery/page-graph';
import { withdrawalOf } from '../delivery/workflow-adapter';

/**
 * `articleBySlug(slug)` — the GraphQL twin of GET /api/articles/slug/:slug.
 * It returns the standard `Article` type, so nested quotes, speakers and
 * sanction records resolve through Strapi's own (published-only) resolvers.
 * Not published (or still embargoed): null, the REST route's 404. Withdrawn:
 * an error with `extensions.code: "GONE"` and the notice, the REST route's 410.
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
          resolve: async (_parent: unknown, args: { slug: string }) => {
            const article = await strapi.documents(UID.article).findFirst({
              filters: { $and: [{ slug: args.slug }, embargoLifted(new Date())] } as never,
              status: 'published',
            });
            if (article) return article;
            const withdrawal = await withdrawalOf(strapi, UID.article, args.slug);
            if (!withdrawal) return null;
            throw new GraphQLError(withdrawal.notice ?? `The article "${args.slug}" has been withdrawn`, {
              extensions: { code: 'GONE', notice: withdrawal.notice, documentId: withdrawal.documentId, withdrawnAt: withdrawal.withdrawnAt },
            });
          },
        },
      },
    },
    resolversConfig: {
      'Query.articleBySlug': { auth: { scope: ['api::article.article.findOne'] } },
    },
  }));
};
