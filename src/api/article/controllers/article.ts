import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';

export default factories.createCoreController('api::article.article', ({ strapi }) => ({
  /** GET /api/articles/slug/:slug — the whole article page in one request. */
  async findBySlug(ctx) {
    const { slug } = ctx.params;
    const article = await strapi.service('api::article.article').findPublishedBySlug(slug);
    if (!article) throw new errors.NotFoundError(`No published article with slug "${slug}"`);
    const sanitized = await this.sanitizeOutput!(article, ctx);
    return this.transformResponse!(sanitized);
  },
}));
