import type { Core } from '@strapi/strapi';
import { UID } from '../domain/constants';
import { NEWEST_FIRST } from './list-sort';
import { embargoLifted } from './page-graph';

/**
 * What feeds and sitemaps list: published articles past any embargo, newest
 * first by the editorial `datePublished`. Reads through the document service
 * with `status: 'published'`, so the same public-read rules apply as for the
 * REST lists (a withdrawn story has no published version; an embargoed one is
 * filtered out here).
 */
export type FeedArticle = {
  documentId: string;
  headline: string;
  slug: string;
  standfirst?: string | null;
  section?: string | null;
  byline?: string | null;
  language?: string | null;
  datePublished?: string | null;
  dateModified?: string | null;
  publishedAt?: string | null;
  leadImage?: { caption?: string | null; image?: { url?: string; mime?: string; size?: number; width?: number; height?: number } | null } | null;
};

export const FEED_SIZE = 50;

export const feedArticles = async (
  strapi: Core.Strapi,
  options: { section?: string; since?: Date; limit?: number; now?: Date } = {},
): Promise<FeedArticle[]> => {
  const now = options.now ?? new Date();
  const filters: Record<string, unknown>[] = [embargoLifted(now)];
  if (options.section) filters.push({ section: { $eqi: options.section } });
  if (options.since) filters.push({ datePublished: { $gte: options.since.toISOString() } });
  return (await strapi.documents(UID.article).findMany({
    status: 'published',
    filters: { $and: filters } as never,
    sort: NEWEST_FIRST as never,
    limit: options.limit ?? FEED_SIZE,
    fields: ['documentId', 'headline', 'slug', 'standfirst', 'section', 'byline', 'language', 'datePublished', 'dateModified', 'publishedAt'] as never,
    populate: { leadImage: { populate: { image: { fields: ['url', 'mime', 'size', 'width', 'height'] } } } } as never,
  })) as unknown as FeedArticle[];
};
