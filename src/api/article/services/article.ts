import { factories } from '@strapi/strapi';
import { ARTICLE_FIELDS, ARTICLE_PAGE_POPULATE } from '../../../domain/article-preset';
import { deliverablePage } from '../../../delivery/page-store';

export { ARTICLE_DELIVERY_POPULATE } from '../../../delivery/page-graph';

export default factories.createCoreService('api::article.article', ({ strapi }) => ({
  /** The published article page graph for a slug, or null (embargo ignored). */
  async findPublishedBySlug(slug: string) {
    return strapi.documents('api::article.article').findFirst({
      filters: { slug },
      status: 'published',
      fields: ARTICLE_FIELDS as never,
      populate: ARTICLE_PAGE_POPULATE as never,
    });
  },

  /**
   * The article page graph the public may read for a slug: published and past
   * any embargo — else null (a 404 that does not reveal an embargoed story).
   * From the stored page graph (src/delivery/page-store.ts).
   */
  async findDeliverableBySlug(slug: string, now: Date = new Date()) {
    return deliverablePage(strapi, slug, now);
  },
}));
