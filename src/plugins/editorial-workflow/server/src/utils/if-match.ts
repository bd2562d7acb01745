import type { Core } from '@strapi/strapi';
import { MESSAGES } from '../constants';
import { isoOrNull, query } from './db';
import { ConflictError } from './errors';
import { inWorkflowScope } from './workflow-scope';

type RequestContext = {
  get?: (header: string) => string;
  params?: Record<string, string | undefined>;
};

/** The version (draft updatedAt) the request says its editor loaded, for this document only. */
const expectedVersion = (strapi: Core.Strapi, documentId: string | undefined): string | null => {
  if (!documentId || inWorkflowScope()) return null;
  const request = strapi.requestContext.get() as RequestContext | undefined;
  const header = request?.get?.('if-match');
  if (!header) return null;
  // Only the document the request is about (not other documents the same request touches).
  const routeId = request?.params?.id ?? request?.params?.documentId;
  if (routeId !== documentId) return null;
  return header.replace(/^W\//, '').replace(/"/g, '').trim();
};

/**
 * If-Match on a save, as a compare-and-set inside the save's own transaction.
 *
 * A read-then-write check is not enough: two saves can both read the old
 * version before either writes (PostgreSQL accepted ten of ten). So the check
 * runs in a transaction that the document service's update then joins, and it
 * starts with a no-op write on the draft row: on PostgreSQL that takes the row
 * lock (a concurrent save waits, then reads the committed new version); on
 * SQLite it takes the database write lock. Only then is the version compared.
 */
export const saveIfMatch = async <T>(strapi: Core.Strapi, uid: string, documentId: string | undefined, save: () => Promise<T>): Promise<T> => {
  const expected = expectedVersion(strapi, documentId);
  if (expected === null) return save();

  const meta = strapi.db.metadata.get(uid);
  const column = (attribute: string, fallback: string) =>
    (meta.attributes[attribute] as { columnName?: string } | undefined)?.columnName ?? fallback;
  const updatedAt = column('updatedAt', 'updated_at');

  return strapi.db.transaction(async ({ trx }) => {
    await trx(meta.tableName)
      .where(column('documentId', 'document_id'), documentId as string)
      .whereNull(column('publishedAt', 'published_at'))
      .update({ [updatedAt]: trx.ref(updatedAt) });
    const draft = await query(strapi, uid).findOne({ where: { documentId, publishedAt: null }, select: ['id', 'updatedAt'] });
    const actual = isoOrNull(draft?.updatedAt);
    if (actual) {
      const expectedTime = Date.parse(expected);
      if (Number.isNaN(expectedTime) || expectedTime !== Date.parse(actual)) {
        throw new ConflictError(MESSAGES.contentConflict(expected, actual), { code: 'content_conflict', currentVersion: actual });
      }
    }
    return save();
  });
};
