import type { Core } from '@strapi/strapi';
import type { DocumentInState } from '../../../shared/contracts/workflow';
import { INITIAL_STATE, STATE_UID, type State } from '../constants';
import { getService, isoOrNull, query } from '../utils/db';
import type { SettingsService } from './settings';
import type { WorkflowService } from './workflow';

export type DocumentsPage = { results: DocumentInState[]; pagination: { page: number; pageSize: number; pageCount: number; total: number } };

export type StateListsService = {
  /**
   * One page of the documents of `uid` in `state` that pass `readFilter` (the
   * caller's content-manager read filter, utils/document-access.ts), newest save
   * first: two SQL statements (page, count) plus one for the rows' details,
   * however many documents the type holds — nothing is paged through in memory.
   */
  inState(uid: string, state: State, readFilter: Record<string, unknown>, page: number, pageSize: number): Promise<DocumentsPage>;
};

type KnexQuery = unknown;
type QueryBuilder = { select(columns: string | string[]): QueryBuilder; where(where: Record<string, unknown>): QueryBuilder; getKnexQuery(): KnexQuery };

export default ({ strapi }: { strapi: Core.Strapi }): StateListsService => {
  /** An uncorrelated sub-select, kept as SQL by the query engine's `$in`/`$notIn`. */
  const subSelect = (uid: string, column: string, where: Record<string, unknown>): KnexQuery =>
    (strapi.db.queryBuilder(uid as never) as unknown as QueryBuilder).select(column).where(where).getKnexQuery();

  /**
   * Which documents are in `state`: their workflow row says so; a document with
   * no row yet is `published` when it has a public version, else `draft` (as
   * WorkflowService.stateOf reads it).
   */
  const stateWhere = (uid: string, state: State): Record<string, unknown> => {
    const withRowIn = { documentId: { $in: subSelect(STATE_UID, 'targetDocumentId', { targetUid: uid, state }) } };
    if (state !== INITIAL_STATE && state !== 'published') return withRowIn;
    const published = subSelect(uid, 'documentId', { publishedAt: { $notNull: true } });
    return {
      $or: [
        withRowIn,
        {
          $and: [
            { documentId: { $notIn: subSelect(STATE_UID, 'targetDocumentId', { targetUid: uid }) } },
            { documentId: state === 'published' ? { $in: published } : { $notIn: published } },
          ],
        },
      ],
    };
  };

  return {
    async inState(uid, state, readFilter, page, pageSize) {
      getService<SettingsService>(strapi, 'settings').require(uid);
      // One row per document: its draft (every document of a draft-and-publish type has one).
      // Built per statement: a knex sub-select belongs to the one query it is compiled into.
      const where = () => ({ $and: [readFilter, { publishedAt: null }, stateWhere(uid, state)] });
      const rows = await query(strapi, uid).findMany({
        where: where(),
        select: ['documentId', 'updatedAt'],
        orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
        offset: (page - 1) * pageSize,
        limit: pageSize,
      });
      const total = await query(strapi, uid).count({ where: where() });
      const details = await getService<WorkflowService>(strapi, 'workflow').statesOf(uid, rows.map((row) => row.documentId));
      return {
        results: rows.map((row) => ({ documentId: row.documentId, updatedAt: isoOrNull(row.updatedAt), ...details[row.documentId] })),
        pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
      };
    },
  };
};
