import type { Core } from '@strapi/strapi';
import { ARTICLE_FIELDS, ARTICLE_PAGE_POPULATE } from '../domain/article-preset';
import { UID } from '../domain/constants';

/**
 * THE place the article page graph is built (one field-limited populate): for
 * the stored page graph (src/delivery/page-store.ts, which the slug route and
 * GraphQL read), the ninjs change feed and preview.
 */

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

/** An article the public may read: no embargo, or one that has lifted by `now`. */
export const embargoLifted = (now: Date) => ({ $or: [{ embargoedUntil: { $null: true } }, { embargoedUntil: { $lte: now.toISOString() } }] });

export type PageSelector = { slug: string } | { documentId: string };

/**
 * The page graph (unsanitised: callers sanitise for their audience) of the
 * published version past any embargo (`deliverable`), of the published version
 * whatever its embargo (`published`, for the stored graph, which keeps the
 * embargo date and is checked on read), or of the draft (`draft`, for preview
 * only — never without a valid preview token).
 */
export const loadArticlePage = async (
  strapi: Core.Strapi,
  selector: PageSelector,
  version: 'deliverable' | 'published' | 'draft',
  now: Date = new Date(),
): Promise<Record<string, unknown> | null> => {
  const match = 'slug' in selector ? { slug: selector.slug } : { documentId: selector.documentId };
  const filters = version === 'deliverable' ? { $and: [match, embargoLifted(now)] } : match;
  return (await strapi.documents(UID.article).findFirst({
    filters: filters as never,
    status: version === 'draft' ? 'draft' : 'published',
    fields: ARTICLE_FIELDS as never,
    populate: ARTICLE_DELIVERY_POPULATE as never,
  })) as Record<string, unknown> | null;
};
