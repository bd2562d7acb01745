import { factories } from '@strapi/strapi';
import { ARTICLE_FIELDS, ARTICLE_PAGE_POPULATE } from '../../../domain/article-preset';

export default factories.createCoreService('api::article.article', ({ strapi }) => ({
  /** The published article page graph for a slug, or null. */
  async findPublishedBySlug(slug: string) {
    return strapi.documents('api::article.article').findFirst({
      filters: { slug },
      status: 'published',
      fields: ARTICLE_FIELDS as any,
      populate: ARTICLE_PAGE_POPULATE as any,
    });
  },
}));
