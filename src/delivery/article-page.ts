import type { Core } from '@strapi/strapi';
import { UID } from '../domain/constants';
import { collectDocumentKeys } from './cache-tags';
import { absoluteMediaUrl, deliveryConfig } from './config';
import { sanctionsToFtm, toNdjson } from './ftm';
import type { Rendered } from './http';
import { toJsonLd } from './jsonld';
import type { Format } from './negotiate';
import { toNinjs } from './ninjs';
import { articleUrl } from './page-urls';
import { modificationDate, type ArticlePage, type OrgRef, type RenderContext } from './types';
import { workflowState } from './workflow-adapter';

export const ARTICLE_FORMATS: readonly Format[] = ['json', 'jsonld', 'ninjs', 'ftm'];

/** ninjs `version`: the time of the version (last correction/update, else publication) in ms — monotonic per story. */
export const versionOf = (article: ArticlePage): string | undefined => {
  const date = modificationDate(article);
  return date ? String(new Date(date).getTime()) : undefined;
};

/** Organization fields read only for FollowTheMoney (sanction records' parties). */
const FTM_ONLY_ORG_FIELDS = ['alternateNames', 'previousNames', 'leiCode'] as const;

/** The JSON page shows every organization with the same fields: the FtM-only ones are dropped. */
const oneOrganizationShape = (article: ArticlePage): ArticlePage => {
  const trim = (org: OrgRef | null | undefined) => {
    if (!org) return org;
    const copy: Record<string, unknown> = { ...org };
    for (const field of FTM_ONLY_ORG_FIELDS) delete copy[field];
    return copy as OrgRef;
  };
  if (!article.sanctionRecords?.length) return article;
  return { ...article, sanctionRecords: article.sanctionRecords.map((r) => ({ ...r, organization: trim(r.organization), authority: trim(r.authority) })) };
};

/** Everything the formats need beyond the graph, except the workflow state. */
export const renderContext = (strapi: Core.Strapi, article: ArticlePage): Omit<RenderContext, 'workflowState'> => {
  const config = deliveryConfig(strapi);
  return {
    publicUrl: config.publicUrl,
    version: versionOf(article),
    copyrightHolder: config.copyrightHolder,
    usageTerms: config.usageTerms || undefined,
    pageUrl: articleUrl(strapi, article.slug),
    publisher: { name: config.siteName, url: config.siteUrl },
    mediaUrl: (url) => absoluteMediaUrl(strapi, url),
  };
};

/**
 * One representation of a (sanitised) article page. `json` is the Strapi
 * response envelope, built by the caller's `transformResponse`.
 */
export const renderArticle = async (
  strapi: Core.Strapi,
  article: ArticlePage,
  format: Format,
  asStrapiJson: (article: ArticlePage) => unknown | Promise<unknown>,
  keys: string[] = collectDocumentKeys(strapi, UID.article, article),
): Promise<Rendered> => {
  const rc = renderContext(strapi, article);
  switch (format) {
    case 'jsonld':
      return { keys, body: JSON.stringify(toJsonLd(article, { ...rc, workflowState: 'published' })) };
    case 'ninjs': {
      const state = await workflowState(strapi, UID.article, article.documentId, { published: Boolean(article.publishedAt) });
      return { keys, body: JSON.stringify(toNinjs(article, { ...rc, workflowState: state })) };
    }
    case 'ftm':
      return { keys, body: toNdjson(sanctionsToFtm(article.sanctionRecords ?? [])) };
    default:
      return { keys, body: JSON.stringify(await asStrapiJson(oneOrganizationShape(article))) };
  }
};
