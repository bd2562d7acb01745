import type { Core } from '@strapi/strapi';
import { HISTORY_UID } from '../constants';
import { isoOrNull, query, type Row } from '../utils/db';
import type { Actor } from './actors';

export type HistoryEntry = {
  uid: string;
  documentId: string;
  action: string;
  from: string;
  to: string;
  actor: Actor;
  comment?: string | null;
  details?: Record<string, unknown> | null;
  contentVersion: string | null;
  revision: number | null;
};

export type HistoryRecord = {
  id: number;
  action: string;
  from: string;
  to: string;
  user: { id: number | null; kind: string | null; key: string; name: string | null };
  comment: string | null;
  details: Record<string, unknown> | null;
  contentVersion: string | null;
  revision: number | null;
  occurredAt: string | null;
};

export type HistoryService = {
  /** Append one row (inside the caller's transaction when there is one). */
  record(entry: HistoryEntry): Promise<HistoryRecord>;
  list(uid: string, documentId: string): Promise<HistoryRecord[]>;
  /**
   * Who saved content changes in the current cycle: since the last submission
   * (in_review, approved) or since the last publication (correcting). Oldest first.
   */
  contentEditors(uid: string, documentId: string, state: string): Promise<{ key: string; name: string | null }[]>;
  /** The latest request_changes comment, unless the document was submitted since. */
  openChangeRequest(uid: string, documentId: string): Promise<HistoryRecord | null>;
};

/** Where a cycle of edits begins, per state; states not listed have no four-eyes decision pending. */
const CYCLE_STARTS: Record<string, readonly string[]> = {
  in_review: ['submit'],
  approved: ['submit'],
  correcting: ['publish', 'publish_correction'],
};

export const formatHistory = (row: Row): HistoryRecord => ({
  id: row.id,
  action: String(row.action),
  from: String(row.fromState),
  to: String(row.toState),
  user: {
    id: (row.actorId as number | null) ?? null,
    kind: (row.actorKind as string | null) ?? null,
    key: String(row.actorKey),
    name: (row.actorName as string | null) ?? null,
  },
  comment: (row.comment as string | null) ?? null,
  details: (row.details as Record<string, unknown> | null) ?? null,
  contentVersion: (row.contentVersion as string | null) ?? null,
  revision: (row.revision as number | null) ?? null,
  occurredAt: isoOrNull(row.occurredAt),
});

/**
 * Append-only: this service has no update or delete, the plugin exposes no
 * such route, and a document-service middleware refuses writes to the uid.
 */
export default ({ strapi }: { strapi: Core.Strapi }): HistoryService => ({
  async record(entry) {
    const row = await query(strapi, HISTORY_UID).create({
      data: {
        targetUid: entry.uid,
        targetDocumentId: entry.documentId,
        action: entry.action,
        fromState: entry.from,
        toState: entry.to,
        actorKey: entry.actor.key,
        actorId: entry.actor.id,
        actorKind: entry.actor.kind,
        actorName: entry.actor.name,
        comment: entry.comment ?? null,
        details: entry.details ?? null,
        contentVersion: entry.contentVersion,
        revision: entry.revision,
        occurredAt: new Date(),
      },
    });
    return formatHistory(row);
  },

  async list(uid, documentId) {
    const rows = await query(strapi, HISTORY_UID).findMany({
      where: { targetUid: uid, targetDocumentId: documentId },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(formatHistory);
  },

  async contentEditors(uid, documentId, state) {
    const starts = CYCLE_STARTS[state];
    if (!starts) return [];
    const rows = await query(strapi, HISTORY_UID).findMany({
      where: { targetUid: uid, targetDocumentId: documentId, action: { $in: ['edit', ...starts] } },
      select: ['id', 'action', 'actorKey', 'actorName'],
      orderBy: [{ id: 'desc' }],
    });
    const editors = new Map<string, string | null>();
    for (const row of rows) {
      if (starts.includes(String(row.action))) break;
      editors.set(String(row.actorKey), (row.actorName as string | null) ?? null);
    }
    return [...editors].reverse().map(([key, name]) => ({ key, name }));
  },

  async openChangeRequest(uid, documentId) {
    const [latest] = await query(strapi, HISTORY_UID).findMany({
      where: { targetUid: uid, targetDocumentId: documentId, action: { $in: ['submit', 'request_changes'] } },
      orderBy: [{ id: 'desc' }],
      limit: 1,
    });
    return latest && latest.action === 'request_changes' ? formatHistory(latest) : null;
  },
});
