import { compact } from './jsonld';
import { NINJS_PROFILE } from './negotiate';
import { documentIri, isAbsoluteUri } from './types';

/**
 * The ninjs item for a story that is no longer public (withdrawn): the same
 * `uri` as its usable versions, `pubStatus: canceled`, the withdrawal notice,
 * and nothing of the withdrawn content (no headline, no body).
 */
export const canceledNinjs = (
  article: { documentId: string; uri?: string | null; slug?: string | null },
  info: { publicUrl: string; at: string; notice?: string | null; version?: string },
): Record<string, unknown> =>
  compact({
    uri: isAbsoluteUri(article.uri) ? article.uri : documentIri(info.publicUrl, 'article', article.documentId),
    standard: { name: 'ninjs', version: '3.1', schema: `${NINJS_PROFILE}#` },
    type: 'text',
    version: info.version,
    versionCreated: new Date(info.at).toISOString(),
    pubStatus: 'canceled',
    slugline: article.slug ?? undefined,
    descriptions: info.notice ? [{ role: 'withdrawal', contentType: 'text/plain', value: info.notice }] : undefined,
    altIds: [{ role: 'documentId', value: article.documentId }],
  }) as Record<string, unknown>;

/** Cursor for `?since=`: the change-log id; absent → from the beginning. */
export const parseCursor = (value: unknown): number | null => {
  if (value === undefined || value === '') return 0;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) return null;
  return Number(value);
};
