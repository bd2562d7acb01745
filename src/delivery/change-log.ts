import type { Knex } from 'knex';

/**
 * The delivery change log: one row per change of an article's *published*
 * state (publication, correction, update, withdrawal), written in the same
 * transaction as the change by the delivery document middleware. Its
 * auto-increment id is the partners' cursor for the ninjs change feed
 * (`/api/feeds/articles.ninjs?since=<id>`): a committed row is never moved or
 * renumbered, so "everything after N" is stable.
 */
export const CHANGE_TABLE = 'newsroom_delivery_changes';

export type ChangeAction = 'publish' | 'unpublish' | 'delete';

export const ensureChangeTable = async (knex: Knex): Promise<void> => {
  if (await knex.schema.hasTable(CHANGE_TABLE)) return;
  await knex.schema.createTable(CHANGE_TABLE, (table) => {
    table.increments('id').primary();
    table.string('target_uid', 255).notNullable();
    table.string('target_document_id', 255).notNullable();
    table.string('action', 32).notNullable();
    table.timestamp('occurred_at', { useTz: true }).notNullable();
    table.index(['target_document_id', 'id'], `${CHANGE_TABLE}_doc_idx`);
  });
};

export const recordChange = async (trx: Knex, change: { uid: string; documentId: string; action: ChangeAction; at?: Date }): Promise<void> => {
  await trx(CHANGE_TABLE).insert({
    target_uid: change.uid,
    target_document_id: change.documentId,
    action: change.action,
    occurred_at: change.at ?? new Date(),
  });
};

export type ChangeRow = { seq: number; documentId: string; action: ChangeAction; occurredAt: string };

/**
 * The documents of `uid` changed after cursor `since`, each once with its latest
 * change, in the order of those latest changes; at most `limit`.
 */
export const changesSince = async (knex: Knex, uid: string, since: number, limit: number): Promise<ChangeRow[]> => {
  const latest = knex(CHANGE_TABLE)
    .where('target_uid', uid)
    .andWhere('id', '>', since)
    .groupBy('target_document_id')
    .select('target_document_id')
    .max({ seq: 'id' })
    .as('latest');
  const rows = (await knex
    .from(latest)
    .join(`${CHANGE_TABLE} as c`, 'c.id', 'latest.seq')
    .orderBy('latest.seq', 'asc')
    .limit(limit)
    .select('latest.seq as seq', 'c.target_document_id as documentId', 'c.action as action', 'c.occurred_at as occurredAt')) as Array<
    Record<string, unknown>
  >;
  return rows.map((row) => ({
    seq: Number(row.seq),
    documentId: String(row.documentId),
    action: String(row.action) as ChangeAction,
    occurredAt: new Date(row.occurredAt as string | number | Date).toISOString(),
  }));
};
