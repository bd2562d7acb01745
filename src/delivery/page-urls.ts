import type { Core } from '@strapi/strapi';
import { UID } from '../domain/constants';
import { deliveryConfig } from './config';

/**
 * Where an article lives on the news site: `articlePath` (default
 * `/articles/{slug}`, DELIVERY_ARTICLE_PATH) under `siteUrl` (DELIVERY_SITE_URL).
 * Used by feeds, sitemaps, JSON-LD `url`, preview links and purge events.
 */
export type PageRef = { documentId: string; slug: string; path: string; url: string };

export const articlePath = (strapi: Core.Strapi, slug: string): string =>
  deliveryConfig(strapi).articlePath.replace('{slug}', encodeURIComponent(slug));

export const articleUrl = (strapi: Core.Strapi, slug: string): string => `${deliveryConfig(strapi).siteUrl}${articlePath(strapi, slug)}`;

export const pageRef = (strapi: Core.Strapi, documentId: string, slug: string): PageRef => ({
  documentId,
  slug,
  path: articlePath(strapi, slug),
  url: articleUrl(strapi, slug),
});

/** The pages of these articles (their current slug, draft or published). One query. */
export const pagesOf = async (strapi: Core.Strapi, documentIds: readonly string[]): Promise<PageRef[]> => {
  if (!documentIds.length) return [];
  const rows = (await strapi.db.query(UID.article).findMany({
    where: { documentId: { $in: [...documentIds] } },
    select: ['documentId', 'slug', 'publishedAt'],
  })) as Array<{ documentId: string; slug: string; publishedAt: unknown }>;
  // Prefer the published row's slug: that is the page a CDN holds.
  const byId = new Map<string, string>();
  for (const row of rows) if (row.publishedAt || !byId.has(row.documentId)) byId.set(row.documentId, row.slug);
  return [...byId].map(([documentId, slug]) => pageRef(strapi, documentId, slug));
};
