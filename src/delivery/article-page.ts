import type { Core } from '@strapi/strapi';
import { UID } from '../domain/constants';
import { collectDocumentKeys } from './cache-tags';
import { deliveryConfig } from './config';
import { sanctionsToFtm, toNdjson } from './ftm';
import type { Rendered } from './http';
import { toJsonLd } from './jsonld';
import type { Format } from './negotiate';
import { toNinjs } from './ninjs';
import type { ArticlePage } from './types';
import { workflowState } from './workflow-adapter';

export const ARTICLE_FORMATS: readonly Format[] = ['json', 'jsonld', 'ninjs', 'ftm'];

/**
 * One representation of a (sanitised) article page. `json` is the Strapi
 * response envelope, built by the caller's `transformResponse`.
 */
export const renderArticle = async (
  strapi: Core.Strapi,
  article: ArticlePage,
  format: Format,
  asStrapiJson: (article: ArticlePage) => unknown | Promise<unknown>,
): Promise<Rendered> => {
  const keys = collectDocumentKeys(strapi, UID.article, article);
  const publicUrl = deliveryConfig(strapi).publicUrl;
  switch (format) {
    case 'jsonld':
      return { keys, body: JSON.stringify(toJsonLd(article, { publicUrl, workflowState: 'published' })) };
    case 'ninjs': {
      const state = await workflowState(strapi, UID.article, article.documentId, { published: Boolean(article.publishedAt) });
      return { keys, body: JSON.stringify(toNinjs(article, { publicUrl, workflowState: state })) };
    }
    case 'ftm':
      return { keys, body: toNdjson(sanctionsToFtm(article.sanctionRecords ?? [])) };
    default:
      return { keys, body: JSON.stringify(await asStrapiJson(article)) };
  }
};
