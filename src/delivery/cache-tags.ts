import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { NEWSROOM_UIDS, type NewsroomUid } from '../domain/constants';

/**
 * Cache keys name documents, `<kind>:<documentId>` (e.g. `article:abc…`,
 * `expert:def…`), and collections, `list:<kind>`. The same keys are used for
 * the `Cache-Tag` / `Surrogate-Key` response headers, for `delivery.purge`
 * webhook events and for the database content versions that validate the
 * response cache — one vocabulary for CDN purges and for local invalidation.
 */
const KINDS: Record<NewsroomUid, string> = {
  'api::article.article': 'article',
  'api::quote.quote': 'quote',
  'api::expert.expert': 'expert',
  'api::organization.organization': 'organization',
  'api::sanction-record.sanction-record': 'sanction-record',
};

export const isNewsroomUid = (uid: string): uid is NewsroomUid => (NEWSROOM_UIDS as readonly string[]).includes(uid);

export const kindOf = (uid: NewsroomUid): string => KINDS[uid];

export const documentKey = (uid: NewsroomUid, documentId: string): string => `${KINDS[uid]}:${documentId}`;

export const listKey = (uid: NewsroomUid): string => `list:${KINDS[uid]}`;

/** Every newsroom document reachable in a (populated) entity graph, as keys; the root first. */
export const collectDocumentKeys = (strapi: Core.Strapi, uid: NewsroomUid, data: unknown): string[] => {
  const keys = new Set<string>();

  const visit = (modelUid: string, value: unknown, depth: number): void => {
    if (value === null || value === undefined || depth > 8) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(modelUid, item, depth);
      return;
    }
    if (typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (isNewsroomUid(modelUid) && typeof record.documentId === 'string') keys.add(documentKey(modelUid, record.documentId));

    const model = strapi.getModel(modelUid as StrapiUID.Schema) as { attributes?: Record<string, any> } | undefined;
    for (const [name, attribute] of Object.entries(model?.attributes ?? {})) {
      const child = record[name];
      if (child === undefined || child === null) continue;
      if (attribute.type === 'relation' && typeof attribute.target === 'string') visit(attribute.target, child, depth + 1);
      else if (attribute.type === 'component') visit(attribute.component, child, depth + 1);
      else if (attribute.type === 'dynamiczone') {
        for (const item of Array.isArray(child) ? child : []) visit((item as { __component?: string }).__component ?? '', item, depth + 1);
      }
    }
  };

  visit(uid, data, 0);
  return [...keys];
};

/**
 * Most bytes one tag header may take. CDNs cap these headers at 16 KB (Cloudflare's Cache-Tag, Fastly's
 * Surrogate-Key) and Node's HTTP client refuses a response whose headers pass 16 KB in all; a list of 25
 * articles with their quotes and people names several hundred documents (the bench's S3 failed on it).
 */
export const TAG_HEADER_BUDGET = 4096;

/**
 * The keys a response is tagged with, within the budget. Over it, each document key gives way to its kind's
 * list key (`quote:abc…` → `list:quote`): every published change of a document also purges its kind's list
 * key (purge.ts), so a purge still reaches the response — a broader purge, never a missed one.
 */
export const tagKeys = (keys: readonly string[], budget = TAG_HEADER_BUDGET): string[] => {
  if (keys.join(',').length <= budget) return [...keys];
  const kinds = new Set(keys.map((key) => (key.startsWith('list:') ? key : `list:${key.slice(0, key.indexOf(':'))}`)));
  return [...kinds];
};

/** `Cache-Tag` (comma-separated, Cloudflare/Akamai) and `Surrogate-Key` (space-separated, Fastly/Varnish). */
export const cacheTagHeaders = (keys: readonly string[]): Record<string, string> => {
  const tags = tagKeys(keys);
  return tags.length ? { 'Cache-Tag': tags.join(','), 'Surrogate-Key': tags.join(' ') } : {};
};
