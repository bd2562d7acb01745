import type { Core } from '@strapi/strapi';
import { LABEL_FIELD, LABELS } from './definitions';

const BATCH = 500;

/**
 * Recompute the stored label of every row of `uid` matching `where` (drafts and
 * published versions alike, each from its own relations) and write the ones that
 * changed. `updateMany` with one object leaves `updatedAt` alone: a label is
 * derived, not an edit (the workflow's content version must not move).
 */
export const refreshLabels = async (strapi: Core.Strapi, uid: string, where: Record<string, unknown>): Promise<number> => {
  const definition = LABELS[uid];
  if (!definition) return 0;
  const rows = strapi.db.query(uid as never);
  let changed = 0;
  // Keyset pagination: the rows written drop out of a `label IS NULL` filter, so offsets would skip rows.
  for (let after = 0; ; ) {
    const batch = (await rows.findMany({
      where: { $and: [where, { id: { $gt: after } }] },
      select: ['id', LABEL_FIELD, ...definition.fields],
      populate: definition.populate,
      orderBy: { id: 'asc' },
      limit: BATCH,
    })) as ({ id: number } & Record<string, unknown>)[];
    for (const row of batch) {
      after = row.id;
      const label = definition.format(row).slice(0, 300);
      if (label === row[LABEL_FIELD]) continue;
      await rows.updateMany({ where: { id: row.id }, data: { [LABEL_FIELD]: label } });
      changed += 1;
    }
    if (batch.length < BATCH) return changed;
  }
};
