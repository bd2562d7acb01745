import type { Core } from '@strapi/strapi';
import { walkGraph, type GraphFacts } from './graph-walk';
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

/** The keys of the newsroom documents a walked graph shows (src/delivery/graph-walk.ts), root first. */
export const keysOfFacts = (facts: GraphFacts): string[] => [
  ...new Set(facts.documents.filter((doc) => isNewsroomUid(doc.uid)).map((doc) => documentKey(doc.uid as NewsroomUid, doc.documentId))),
];

/** Every newsroom document reachable in a (populated) entity graph, as keys; the root first. */
export const collectDocumentKeys = (strapi: Core.Strapi, uid: NewsroomUid, data: unknown): string[] => keysOfFacts(walkGraph(strapi, uid, data));

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
