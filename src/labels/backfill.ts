import type { Core } from '@strapi/strapi';
import { UID } from '../domain/constants';
import { LABEL_FIELD, LABELS } from './definitions';
import { blocksToText } from './format';
import { BODY_TEXT_FIELD } from './middleware';
import { refreshLabels } from './refresh';

const BATCH = 200;

/**
 * At boot: fill the derived fields of rows written before they existed (or by
 * a path that bypassed the document service). Only rows with an empty field are
 * touched, so a normal boot costs one query per type.
 */
export const backfillDerivedFields = async (strapi: Core.Strapi): Promise<void> => {
  for (const uid of Object.keys(LABELS)) await refreshLabels(strapi, uid, { [LABEL_FIELD]: { $null: true } });

  const articles = strapi.db.query(UID.article as never);
  for (;;) {
    const batch = (await articles.findMany({
      where: { [BODY_TEXT_FIELD]: { $null: true } },
      select: ['id', 'body'],
      limit: BATCH,
    })) as { id: number; body: unknown }[];
    for (const row of batch) await articles.updateMany({ where: { id: row.id }, data: { [BODY_TEXT_FIELD]: blocksToText(row.body) } });
    if (batch.length < BATCH) return;
  }
};
