import type { Core } from '@strapi/strapi';
import { validateYupSchema } from '@strapi/utils';
import type { NewsroomUid } from '../../domain/constants';
import { DOMAIN_SCHEMAS } from '../../domain/schemas';

/**
 * Creating many new draft documents of one type in a few statements, for the
 * importer: what `strapi.documents(uid).create` does once per document
 * (Strapi's entity validation, the domain rules of the document middleware,
 * documentId, timestamps, the link rows of to-one relations with their order
 * columns, `entry.create` after commit) done once per batch.
 *
 * Only for brand-new drafts: an update of an existing document still goes
 * through the document service, where the workflow's content guard sees it.
 * The rows this writes are compared with the document service's in
 * tests/integration/importer/bulk-rows.test.ts.
 */
export type NewDocument = {
  /** Given up front, so new documents of one story can refer to each other before they are written. */
  documentId: string;
  /** Scalar attributes (what the document service's `data` holds, minus relations). */
  data: Record<string, unknown>;
  /** To-one relations: attribute → the target's documentId (or null). */
  links: Record<string, string | null>;
};

export type Created = { id: number; documentId: string };

type Knex = Core.Strapi['db']['connection'];

type JoinTable = {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string | null;
  inverseOrderColumnName?: string | null;
};

const INSERT_CHUNK = 100;

/** Schema defaults Strapi applies to a new entry, as the domain validation middleware sees them. */
const defaultsOf = (strapi: Core.Strapi, uid: NewsroomUid): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(strapi.getModel(uid).attributes as Record<string, { default?: unknown }>)
      .filter(([, attribute]) => attribute.default !== undefined && typeof attribute.default !== 'function')
      .map(([name, attribute]) => [name, attribute.default]),
  );

const defined = (data: Record<string, unknown>) => Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));

/**
 * The same checks a document-service create meets, with no query: Strapi's
 * entity validator on the scalar data (types, enumerations, lengths; a draft,
 * so no `required`), then the domain rules over defaults + data + relations.
 */
export const validateNew = async (strapi: Core.Strapi, uid: NewsroomUid, doc: NewDocument): Promise<void> => {
  const validator = (strapi as unknown as { entityValidator: { validateEntityCreation: (model: unknown, data: unknown, options: { isDraft: boolean }) => Promise<unknown> } }).entityValidator;
  await validator.validateEntityCreation(strapi.getModel(uid), doc.data, { isDraft: true });
  await validateYupSchema(DOMAIN_SCHEMAS[uid], { strict: false, abortEarly: false })({ ...defaultsOf(strapi, uid), ...defined(doc.data), ...doc.links });
};

export const createBulkWriter = (strapi: Core.Strapi, knex: Knex) => {
  const joinTableOf = (uid: string, attribute: string): JoinTable => {
    const joinTable = (strapi.db.metadata.get(uid).attributes as Record<string, { joinTable?: JoinTable }>)[attribute]?.joinTable;
    if (!joinTable) throw new Error(`${uid}.${attribute} is not a relation with a join table`);
    return joinTable;
  };

  /**
   * Link rows for `[sourceId, targetId]` pairs of a to-one relation of new
   * sources: each new source is appended to its target's inverse list (the
   * inverse order column continues from the target's current maximum), as
   * Strapi's `connect` does.
   */
  const insertLinks = async (uid: string, attribute: string, pairs: [number, number][]): Promise<void> => {
    if (!pairs.length) return;
    const table = joinTableOf(uid, attribute);
    const source = table.joinColumn.name;
    const target = table.inverseJoinColumn.name;
    const inverseOrder = table.inverseOrderColumnName;
    const next = new Map<number, number>();
    if (inverseOrder) {
      const targets = [...new Set(pairs.map(([, targetId]) => targetId))];
      const rows: { target: number; max: number | string | null }[] = await knex(table.name)
        .select({ target })
        .max({ max: inverseOrder })
        .whereIn(target, targets)
        .groupBy(target);
      for (const row of rows) next.set(Number(row.target), Number(row.max ?? 0));
    }
    const rows = pairs.map(([sourceId, targetId]) => {
      const row: Record<string, number> = { [source]: sourceId, [target]: targetId };
      // A to-one relation holds one target: its own order column (if any) is 1.
      if (table.orderColumnName) row[table.orderColumnName] = 1;
      if (inverseOrder) {
        const position = (next.get(targetId) ?? 0) + 1;
        next.set(targetId, position);
        row[inverseOrder] = position;
      }
      return row;
    });
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await knex(table.name).insert(rows.slice(i, i + INSERT_CHUNK));
  };

  return {
    /** A fresh documentId, as Strapi generates it (the model's default). */
    newDocumentId(uid: NewsroomUid): string {
      return ((strapi.db.metadata.get(uid).attributes as Record<string, { default?: () => string }>).documentId.default as () => string)();
    },

    /**
     * Insert validated new drafts of `uid` and link them to their targets'
     * drafts (`draftIds`: documentId → row id of the target's draft).
     * Returns each document's row id and documentId, in input order.
     */
    async createMany(uid: NewsroomUid, docs: NewDocument[], draftIds: Map<string, number>): Promise<Created[]> {
      if (!docs.length) return [];
      const documentIds = docs.map((doc) => doc.documentId);
      const { ids } = (await strapi.db.query(uid).createMany({
        data: docs.map((doc, index) => ({ ...doc.data, documentId: documentIds[index], publishedAt: null })),
      })) as { ids: number[] };
      if (ids.length !== docs.length) throw new Error(`bulk create of ${uid}: ${ids.length} ids for ${docs.length} rows`);
      const created = docs.map((_, index) => ({ id: Number(ids[index]), documentId: documentIds[index] }));
      // Before the links: a new document may point at another one of the same batch (a parent organization).
      for (const row of created) draftIds.set(row.documentId, row.id);

      const attributes = new Set(docs.flatMap((doc) => Object.keys(doc.links)));
      for (const attribute of attributes) {
        const pairs: [number, number][] = [];
        docs.forEach((doc, index) => {
          const targetDocumentId = doc.links[attribute];
          if (!targetDocumentId) return;
          const targetId = draftIds.get(targetDocumentId);
          if (targetId === undefined) throw new Error(`bulk create of ${uid}: no draft row for ${attribute} ${targetDocumentId}`);
          pairs.push([created[index].id, targetId]);
        });
        await insertLinks(uid, attribute, pairs);
      }

      // As the document service does, after commit (listeners such as webhooks see committed rows only).
      await strapi.db.transaction(async ({ onCommit }) => {
        onCommit(() => {
          const model = strapi.getModel(uid);
          for (const [index, doc] of docs.entries()) {
            const entry = { id: created[index].id, documentId: created[index].documentId, ...doc.data, publishedAt: null };
            Promise.resolve(strapi.eventHub.emit('entry.create', { model: model.modelName, uid, entry })).catch((error: Error) =>
              strapi.log.error(`[importer] entry.create listener failed: ${error.message}`),
            );
          }
        });
      });
      return created;
    },
  };
};

export type BulkWriter = ReturnType<typeof createBulkWriter>;
