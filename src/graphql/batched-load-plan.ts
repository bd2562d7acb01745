/**
 * Whether one `entityManager.load(uid, entity, field, populate)` can join a
 * batch, and how: the populate parameters the batch query runs with (shared
 * by every load in the batch, hence the key) and the window of the relation
 * this load then takes for its own parent.
 *
 * Strapi (5.54, @strapi/database query/helpers/populate/apply.js) applies a
 * populate's `limit`/`offset` to the whole populate query, across every parent
 * in it — which is why `load` reads one parent at a time. A batch therefore
 * runs without them and each load slices its parent's list: `[offset,
 * offset + limit)`, in the order Strapi's own query gives. That order is the
 * join table's order column (when no explicit sort), then the sort, then — only
 * when `limit` or `offset` was set — `id ASC` (query-builder.js
 * ensurePaginationOrderStability). The batch keeps that tie-break by passing
 * `offset: 0`: not null, so the tie-break is added; falsy, so no OFFSET is
 * sent (`if (state.offset) qb.offset(...)`).
 *
 * Anything this file does not know to be safe is left to Strapi's own load:
 * morph relations (media, dynamic zones), nested populates (their limits would
 * apply across the batch), counts, sorts that reach into a relation (deep
 * sort: a different query shape), and parameters that are not plain data.
 */

export type RelationAttribute = { type: string; relation?: string; target?: string };
export type AttributesOf = (uid: string) => Record<string, RelationAttribute> | undefined;

export type LoadWindow = { offset: number; limit: number | null };
export type BatchPlan = {
  /** Loads with the same key run as one query. */
  key: string;
  /** The populate parameters of the batch query. */
  params: Record<string, unknown>;
  /** The part of its parent's list this load returns (to-many relations). */
  window: LoadWindow;
};

const BATCHABLE_RELATIONS = new Set(['oneToOne', 'manyToOne', 'oneToMany', 'manyToMany']);
const TO_ONE = new Set(['oneToOne', 'manyToOne']);
/** What the GraphQL association and component resolvers pass (query-params transform of validated, sanitized args). */
const KNOWN_PARAMS = new Set(['where', 'orderBy', 'limit', 'offset', 'select']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

/**
 * A key for plain data: sorted object keys, Dates tagged so they differ from
 * strings. `null` for anything else (functions, knex raws, class instances):
 * two such values cannot be told equal, so their loads stay unbatched.
 */
export const stableKey = (value: unknown): string | null => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : `Date(${value.toISOString()})`;
  if (Array.isArray(value)) {
    const items = value.map(stableKey);
    return items.includes(null) ? null : `[${items.join(',')}]`;
  }
  if (isPlainObject(value)) {
    const entries: string[] = [];
    for (const name of Object.keys(value).sort()) {
      if (value[name] === undefined) continue;
      const item = stableKey(value[name]);
      if (item === null) return null;
      entries.push(`${JSON.stringify(name)}:${item}`);
    }
    return `{${entries.join(',')}}`;
  }
  return null;
};

const DIRECTIONS = new Set(['asc', 'desc']);

/** Sorts on the target's own columns only (`name`, `name:desc`, `{ name: 'asc' }`, lists of them). */
const isFlatSort = (orderBy: unknown, targetAttributes: Record<string, RelationAttribute>): boolean => {
  const ownColumn = (name: string) => !name.includes('.') && name in targetAttributes && targetAttributes[name].type !== 'relation';
  if (typeof orderBy === 'string') {
    const [name, direction] = orderBy.split(':');
    return ownColumn(name) && (direction === undefined || DIRECTIONS.has(direction.toLowerCase()));
  }
  if (Array.isArray(orderBy)) return orderBy.every((item) => isFlatSort(item, targetAttributes));
  if (isPlainObject(orderBy))
    return Object.entries(orderBy).every(([name, direction]) => ownColumn(name) && typeof direction === 'string' && DIRECTIONS.has(direction.toLowerCase()));
  return false;
};

const isCount = (value: unknown, minimum: number): value is number => typeof value === 'number' && Number.isInteger(value) && value >= minimum;

export const planBatchedLoad = (attributesOf: AttributesOf, uid: string, field: unknown, populate: unknown): BatchPlan | null => {
  if (typeof field !== 'string' || !isPlainObject(populate)) return null;
  const attribute = attributesOf(uid)?.[field];
  if (!attribute || attribute.type !== 'relation' || !attribute.relation || !BATCHABLE_RELATIONS.has(attribute.relation) || !attribute.target) return null;
  const targetAttributes = attributesOf(attribute.target);
  if (!targetAttributes) return null;
  if (Object.keys(populate).some((name) => populate[name] !== undefined && !KNOWN_PARAMS.has(name))) return null;

  const { limit, offset, ...rest } = populate;
  if (rest.orderBy !== undefined && !isFlatSort(rest.orderBy, targetAttributes)) return null;
  // Strapi: `limit` 0 sends no LIMIT; -1 (no limit) skips the tie-break; both are left to it.
  if (limit !== undefined && limit !== null && !isCount(limit, 0)) return null;
  if (offset !== undefined && offset !== null && !isCount(offset, 0)) return null;
  const window: LoadWindow = { offset: offset ?? 0, limit: limit ? limit : null };
  // A to-one relation has at most one row per parent: only its first row is ever read.
  if (TO_ONE.has(attribute.relation) && window.offset > 0) return null;

  const paginated = (limit !== undefined && limit !== null) || (offset !== undefined && offset !== null);
  const params: Record<string, unknown> = paginated ? { ...rest, offset: 0 } : { ...rest };
  const paramsKey = stableKey(params);
  if (paramsKey === null) return null;
  return { key: `${uid}\u0000${field}\u0000${paramsKey}`, params, window };
};

/** This load's part of its parent's relation: a to-many list is sliced, anything else is returned as it is. */
export const takeWindow = (value: unknown, window: LoadWindow): unknown =>
  Array.isArray(value) ? value.slice(window.offset, window.limit === null ? undefined : window.offset + window.limit) : value;
