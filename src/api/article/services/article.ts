import { factories } from '@strapi/strapi';
import { ARTICLE_FIELDS, ARTICLE_PAGE_POPULATE } from '../../../domain/article-preset';
import { deliverableFilters } from '../../../delivery/embargo';

/** What FollowTheMoney needs of a sanctioned organization beyond the page preset (aliases, LEI). */
const FTM_ORG_EXTRA = ['alternateNames', 'previousNames', 'leiCode'];

const withFtmOrgFields = (populate: typeof ARTICLE_PAGE_POPULATE) => {
  const records = populate.sanctionRecords;
  const extend = (spec: { fields: string[] }) => ({ ...spec, fields: [...spec.fields, ...FTM_ORG_EXTRA] });
  return {
    ...populate,
    sanctionRecords: {
      ...records,
      populate: { organization: extend(records.populate.organization), authority: extend(records.populate.authority) },
    },
  };
};

/** The article page preset, with sanction-record organizations carrying their aliases. */
export const ARTICLE_DELIVERY_POPULATE = withFtmOrgFields(ARTICLE_PAGE_POPULATE);

export default factories.createCoreService('api::article.article', ({ strapi }) => ({
  /** The published article page graph for a slug, or null (embargo ignored). */
  async findPublishedBySlug(slug: string) {
    return strapi.documents('api::article.article').findFirst({
      filters: { slug },
      status: 'published',
      fields: ARTICLE_FIELDS as any,
      populate: ARTICLE_PAGE_POPULATE as any,
    });
  },

  /**
   * The article page graph the public may read for a slug: published and past
   * any embargo — else null (a 404 that does not reveal an embargoed story).
   */
  async findDeliverableBySlug(slug: string, now: Date = new Date()) {
    return strapi.documents('api::article.article').findFirst({
      filters: deliverableFilters(slug, now) as any,
      status: 'published',
      fields: ARTICLE_FIELDS as any,
      populate: ARTICLE_DELIVERY_POPULATE as any,
    });
  },
}));
