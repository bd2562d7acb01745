import { errors } from '@strapi/utils';

/**
 * Bounded cost for REST reads, checked on the parsed query string before the
 * router runs: `populate` depth and fan-out (how many relations one request
 * may join), and the size of `filters` (conditions and and/or/not branches).
 * The article page route builds its populate on the server, so it is never
 * affected; frontends' list and single reads stay far below. Tuning: docs/security.md.
 */
export type RestQueryLimits = {
  maxPopulateDepth: number;
  maxPopulateRelations: number;
  maxFilterConditions: number;
  maxFilterBranches: number;
};

const POPULATE_OPTIONS = new Set(['fields', 'filters', 'sort', 'count', 'on', 'limit', 'start', 'status', 'locale']);

type Measure = { depth: number; relations: number };

/** Depth and number of populated attributes of a (qs-parsed) populate value. */
export const measurePopulate = (value: unknown, level = 1): Measure => {
  if (value === undefined || value === null || value === false || value === 'false') return { depth: 0, relations: 0 };
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') {
    const paths = String(value).split(',').filter(Boolean);
    // `*` is one level of everything: count it as one wide node.
    const depth = Math.max(0, ...paths.map((path) => path.split('.').length));
    return { depth: depth ? level - 1 + depth : 0, relations: paths.reduce((sum, path) => sum + path.split('.').length, 0) };
  }
  if (Array.isArray(value)) {
    return value.reduce<Measure>(
      (acc, item) => {
        const inner = measurePopulate(item, level);
        return { depth: Math.max(acc.depth, inner.depth), relations: acc.relations + inner.relations };
      },
      { depth: 0, relations: 0 },
    );
  }
  if (typeof value === 'object') {
    let measure: Measure = { depth: 0, relations: 0 };
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'populate') {
        const inner = measurePopulate(item, level);
        measure = { depth: Math.max(measure.depth, inner.depth), relations: measure.relations + inner.relations };
        continue;
      }
      if (POPULATE_OPTIONS.has(key)) continue;
      // `key` is an attribute: one relation at this level, its options one level down.
      const inner = item && typeof item === 'object' ? measurePopulate(item, level + 1) : { depth: 0, relations: 0 };
      measure = { depth: Math.max(measure.depth, level, inner.depth), relations: measure.relations + 1 + inner.relations };
    }
    return measure;
  }
  return { depth: 0, relations: 0 };
};

/** Leaf conditions and logical branches of a (qs-parsed) filters value. */
export const measureFilters = (value: unknown): { conditions: number; branches: number } => {
  if (Array.isArray(value)) {
    return value.reduce<{ conditions: number; branches: number }>(
      (acc, item) => {
        const inner = measureFilters(item);
        return { conditions: acc.conditions + inner.conditions, branches: acc.branches + inner.branches };
      },
      { conditions: 0, branches: 0 },
    );
  }
  if (!value || typeof value !== 'object') return { conditions: 1, branches: 0 };
  let conditions = 0;
  let branches = 0;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if ((key === '$or' || key === '$and') && item && typeof item === 'object') branches += Array.isArray(item) ? item.length : Object.keys(item).length;
    if (key === '$not') branches += 1;
    // A list of values (`$in`, `$notIn`, `$between`) is one condition.
    if (Array.isArray(item) && key !== '$or' && key !== '$and') {
      conditions += 1;
      continue;
    }
    const inner = measureFilters(item);
    conditions += inner.conditions;
    branches += inner.branches;
  }
  return { conditions, branches };
};

/** Every `populate` and `filters` in a query, including the ones nested in populate (filters of related lists). */
const collectFilters = (value: unknown, into: unknown[] = []): unknown[] => {
  if (!value || typeof value !== 'object') return into;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'filters') into.push(item);
    else collectFilters(item, into);
  }
  return into;
};

export const checkRestQuery = (limits: RestQueryLimits, query: Record<string, unknown>): void => {
  if (query.populate !== undefined) {
    const { depth, relations } = measurePopulate(query.populate);
    if (depth > limits.maxPopulateDepth) {
      throw new errors.ValidationError(`populate is ${depth} levels deep; the limit is ${limits.maxPopulateDepth}.`, { path: ['populate'] });
    }
    if (relations > limits.maxPopulateRelations) {
      throw new errors.ValidationError(`populate joins ${relations} relations; the limit is ${limits.maxPopulateRelations}.`, { path: ['populate'] });
    }
  }
  const all = collectFilters({ filters: query.filters, populate: query.populate }).map(measureFilters);
  const conditions = all.reduce((sum, item) => sum + item.conditions, 0);
  const branches = all.reduce((sum, item) => sum + item.branches, 0);
  if (branches > limits.maxFilterBranches) {
    throw new errors.ValidationError(`filters have ${branches} $and/$or/$not branches; the limit is ${limits.maxFilterBranches}. Use $in for lists of values.`, {
      path: ['filters'],
    });
  }
  if (conditions > limits.maxFilterConditions) {
    throw new errors.ValidationError(`filters have ${conditions} conditions; the limit is ${limits.maxFilterConditions}.`, { path: ['filters'] });
  }
};

export const restQueryLimits = (limits: RestQueryLimits, prefix: string) => async (ctx: { path: string; query: Record<string, unknown> }, next: () => Promise<unknown>) => {
  if (ctx.path === prefix || ctx.path.startsWith(`${prefix}/`)) checkRestQuery(limits, ctx.query ?? {});
  return next();
};
