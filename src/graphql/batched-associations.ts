import type { Core } from '@strapi/strapi';
import { planBatchedLoad, takeWindow, type AttributesOf, type LoadWindow, type RelationAttribute } from './batched-load-plan';

/**
 * Batched relation loads for GraphQL lists (issue 14).
 *
 * Strapi's association and component resolvers (plugin-graphql
 * builders/resolvers/association.js, component.js) validate and sanitize each
 * relation field's arguments, add the publication filter of the root query,
 * then call `strapi.db.query(uid).load(parent, field, dbQuery)` — once per
 * parent: a `findOne` of the parent plus a populate query, two statements
 * per article per relation. Those resolvers are kept as they are (so every
 * check and filter they and our resolver middlewares apply still holds);
 * only the `load` they call is batched: during a GraphQL request, loads of
 * the same relation with the same parameters are queued and answered by one
 * `findMany` of all their parents with the relation populated, each parent
 * then taking its own window of the list (src/graphql/batched-load-plan.ts).
 *
 * The queue lives on the request's state, so a batch never mixes requests,
 * and a load made inside a transaction goes straight to Strapi (a batch runs
 * outside any transaction). Outside a GraphQL request nothing changes.
 * GRAPHQL_BATCHED_ASSOCIATIONS=false (read per request) switches it off.
 */

// Symbol.for: the app runs from dist/ while tests import src/; both must find the same queue on a request's state.
const QUEUE = Symbol.for('newsroom.graphql.batchedAssociationLoads');

/** Parents per batch query: far below SQLite's and PostgreSQL's bound-parameter limits. */
const MAX_PARENTS_PER_QUERY = 500;

type Waiter = { id: number | string; window: LoadWindow; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Batch = { uid: string; field: string; params: Record<string, unknown>; waiters: Waiter[] };
/** Plain data only: created by whichever copy of this module opens the scope, run by the one wrapping `load`. */
type Queue = { batches: Map<string, Batch>; scheduled: boolean };

type Load = (uid: string, entity: { id?: unknown } | null | undefined, fields: unknown, populate?: unknown) => Promise<unknown>;
type EntityManager = { load: Load; findMany: (uid: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]> };

const enabled = (): boolean => process.env.GRAPHQL_BATCHED_ASSOCIATIONS !== 'false';

/** Open the batching scope of a request (its Koa `ctx.state`, which is also the GraphQL context's `state`). */
export const openBatchedLoads = (state: object): void => {
  if (!enabled()) return;
  const slots = state as { [QUEUE]?: Queue };
  slots[QUEUE] ??= { batches: new Map(), scheduled: false };
};

type Resolve = (parent: unknown, args: Record<string, unknown>, context: { state?: object }, info: unknown) => unknown;

/** Resolver middleware for the root queries (src/graphql/published-only.ts): their request's relation loads are batched. */
export const batchedLoadsScope = async (next: Resolve, parent: unknown, args: Record<string, unknown>, context: { state?: object }, info: unknown): Promise<unknown> => {
  if (context.state) openBatchedLoads(context.state);
  return next(parent, args, context, info);
};

const queueOf = (strapi: Core.Strapi): Queue | undefined => {
  const state = (strapi.requestContext.get() as { state?: { [QUEUE]?: Queue } } | undefined)?.state;
  return state?.[QUEUE];
};

const runBatch = async (entityManager: EntityManager, batch: Batch): Promise<void> => {
  const ids = [...new Set(batch.waiters.map((waiter) => waiter.id))];
  const byId = new Map<unknown, Record<string, unknown>>();
  for (let start = 0; start < ids.length; start += MAX_PARENTS_PER_QUERY) {
    // What `load` asks for one parent (entity-manager load: select id, populate the field), for many.
    const parents = await entityManager.findMany(batch.uid, {
      select: ['id'],
      where: { id: { $in: ids.slice(start, start + MAX_PARENTS_PER_QUERY) } },
      populate: { [batch.field]: batch.params },
    });
    for (const parent of parents) byId.set(parent.id, parent);
  }
  const handedOut = new Set<unknown>();
  for (const waiter of batch.waiters) {
    const parent = byId.get(waiter.id);
    if (!parent) {
      waiter.resolve(null);
      continue;
    }
    // The same parent twice in a batch (an alias, a shared speaker): each caller gets rows of its own, as with separate loads.
    const value = handedOut.has(waiter.id) ? structuredClone(parent[batch.field]) : parent[batch.field];
    handedOut.add(waiter.id);
    waiter.resolve(takeWindow(value, waiter.window));
  }
};

const flush = (entityManager: EntityManager, queue: Queue): void => {
  const batches = [...queue.batches.values()];
  queue.batches.clear();
  queue.scheduled = false;
  for (const batch of batches) {
    runBatch(entityManager, batch).catch((error: unknown) => {
      for (const waiter of batch.waiters) waiter.reject(error);
    });
  }
};

export const registerBatchedAssociations = (strapi: Core.Strapi): void => {
  const entityManager = strapi.db.entityManager as unknown as EntityManager;
  const strapiLoad = entityManager.load;
  const attributesOf: AttributesOf = (uid) =>
    strapi.db.metadata.has(uid) ? (strapi.db.metadata.get(uid).attributes as unknown as Record<string, RelationAttribute>) : undefined;

  entityManager.load = function batchedLoad(this: EntityManager, uid, entity, fields, populate) {
    const queue = queueOf(strapi);
    const id = entity?.id;
    if (!queue || strapi.db.inTransaction() || (typeof id !== 'number' && typeof id !== 'string')) return strapiLoad.call(this, uid, entity, fields, populate);
    const plan = planBatchedLoad(attributesOf, uid, fields, populate);
    if (!plan) return strapiLoad.call(this, uid, entity, fields, populate);

    return new Promise((resolve, reject) => {
      let batch = queue.batches.get(plan.key);
      if (!batch) {
        batch = { uid, field: fields as string, params: plan.params, waiters: [] };
        queue.batches.set(plan.key, batch);
      }
      batch.waiters.push({ id, window: plan.window, resolve, reject });
      if (!queue.scheduled) {
        queue.scheduled = true;
        // After the microtasks: the sibling resolvers of a list reach `load` after different numbers of awaits
        // (policies, middlewares, sanitizers), all before the event loop turns.
        setImmediate(() => flush(entityManager, queue));
      }
    });
  };
};
