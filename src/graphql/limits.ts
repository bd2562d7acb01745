import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { GraphQLError, Kind, getNamedType, getNullableType, isLeafType, isListType, visit, type DocumentNode } from 'graphql';

/**
 * Bounded cost for every GraphQL operation, checked after parsing and before
 * anything runs (so a refusal costs no SQL and nothing runs on after the
 * answer). Depth alone does not bound fan-out: what a query costs is the
 * number of objects it may load — each list multiplies its children by its
 * page size — so that is what is counted (graphql-query-complexity), plus the
 * number of aliases and of `and`/`or`/`not` branches in filters. Tuning: docs/security.md.
 */
export type GraphqlLimits = {
  /** Most objects one operation may load (lists count their page size × their children). */
  maxCost: number;
  /** Most aliased fields in one operation. */
  maxAliases: number;
  /** Most `and`/`or`/`not` branches over all filter arguments of one operation. */
  maxFilterBranches: number;
  /** Page size assumed for a list without pagination arguments (the plugin's defaultLimit). */
  defaultLimit: number;
  /** Largest page a list can return (the plugin's maxLimit). */
  maxLimit: number;
};

const refuse = (code: string, message: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

type Pagination = { limit?: number; pageSize?: number };

/** Page size a list field will load, as Strapi bounds it. */
const pageSize = (args: Record<string, unknown>, limits: GraphqlLimits): number => {
  const pagination = (args.pagination ?? {}) as Pagination;
  const asked = pagination.limit ?? pagination.pageSize;
  if (asked === undefined || asked === null) return limits.defaultLimit;
  return asked < 0 || asked > limits.maxLimit ? limits.maxLimit : asked;
};

/** Logical branches in a filter value (`{ or: [a, b] }` counts 2, nested ones add up). */
export const filterBranches = (value: unknown): number => {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + filterBranches(item), 0);
  if (!value || typeof value !== 'object') return 0;
  let count = 0;
  for (const [key, item] of Object.entries(value)) {
    if ((key === 'or' || key === 'and') && Array.isArray(item)) count += item.length;
    if (key === 'not') count += 1;
    count += filterBranches(item);
  }
  return count;
};

const countAliases = (document: DocumentNode): number => {
  let aliases = 0;
  visit(document, { [Kind.FIELD]: (node) => void (node.alias ? (aliases += 1) : undefined) });
  return aliases;
};

/** Cost of one field: leaves are free, objects cost 1, lists cost their page size × (1 + children). */
const estimator =
  (limits: GraphqlLimits, branches: { count: number }) =>
  ({ field, args, childComplexity }: ComplexityEstimatorArgs): number => {
    if (args.filters) branches.count += filterBranches(args.filters);
    // Introspection (__schema, __type and their __Type/__Field… children) reads the in-memory schema, never the
    // database: its cost is bounded by the schema's size. Counting its lists as page-sized fan-out refused the
    // standard introspection query that codegen tools send (it is off in production anyway).
    if (field.name.startsWith('__') || getNamedType(field.type).name.startsWith('__')) return 0;
    if (isLeafType(getNamedType(field.type))) return 0;
    const nullable = getNullableType(field.type);
    const returnsCollection = /(EntityResponseCollection|RelayResponseCollection)$/.test(getNamedType(field.type).name);
    // A connection's `nodes` list was already multiplied by the connection field's page size.
    if (field.name === 'nodes') return childComplexity;
    if (isListType(nullable) || returnsCollection) return pageSize(args, limits) * (1 + childComplexity);
    return 1 + childComplexity;
  };

type RequestContext = {
  schema: Parameters<typeof getComplexity>[0]['schema'];
  document: DocumentNode;
  request: { variables?: Record<string, unknown>; operationName?: string | null };
};

/** Check an operation; returns the refusal, or null when it is within the limits. */
export const checkOperation = (limits: GraphqlLimits, { schema, document, request }: RequestContext): GraphQLError | null => {
  const aliases = countAliases(document);
  if (aliases > limits.maxAliases) {
    return refuse('TOO_MANY_ALIASES', `This query uses ${aliases} aliases; the limit is ${limits.maxAliases}. Send fewer fields per request.`);
  }
  const branches = { count: 0 };
  const cost = getComplexity({
    schema,
    query: document,
    variables: request.variables ?? {},
    operationName: request.operationName ?? undefined,
    estimators: [estimator(limits, branches)],
  });
  if (branches.count > limits.maxFilterBranches) {
    return refuse(
      'TOO_MANY_FILTER_BRANCHES',
      `The filters of this query have ${branches.count} and/or/not branches; the limit is ${limits.maxFilterBranches}. Use \`in\` for lists of values.`,
    );
  }
  if (cost > limits.maxCost) {
    return refuse(
      'QUERY_TOO_COSTLY',
      `This query may load up to ${cost} objects; the limit is ${limits.maxCost}. Ask for smaller pages (pagination) or fewer nested lists.`,
    );
  }
  return null;
};

/**
 * The variables an operation's verdict can depend on: those inside `pagination` and `filters` arguments (the
 * estimator reads only these) and in directive arguments (`@include(if: $x)` decides whether a field counts).
 */
export const variablesThatCount = (document: DocumentNode): string[] => {
  const names = new Set<string>();
  let inside = 0;
  visit(document, {
    [Kind.ARGUMENT]: {
      enter: (node) => void (node.name.value === 'pagination' || node.name.value === 'filters' ? (inside += 1) : undefined),
      leave: (node) => void (node.name.value === 'pagination' || node.name.value === 'filters' ? (inside -= 1) : undefined),
    },
    [Kind.DIRECTIVE]: { enter: () => void (inside += 1), leave: () => void (inside -= 1) },
    [Kind.VARIABLE]: (node) => void (inside > 0 ? names.add(node.name.value) : undefined),
  });
  return [...names].sort();
};

const VERDICTS_PER_DOCUMENT = 256;

/**
 * Apollo Server plugin: refuses an over-limit operation with 400 before it executes.
 *
 * The verdict is a function of the parsed document (which Apollo keeps per query text), the operation and the
 * variables that count (variablesThatCount), so it is kept with the document: a frontend sending the same query
 * for every slug pays for the walk once, not per request.
 */
export const graphqlLimitsPlugin = (limits: GraphqlLimits) => {
  const verdicts = new WeakMap<DocumentNode, { counted: string[]; byKey: Map<string, GraphQLError | null> }>();
  const verdictOf = (context: RequestContext): GraphQLError | null => {
    let entry = verdicts.get(context.document);
    if (!entry) {
      entry = { counted: variablesThatCount(context.document), byKey: new Map() };
      verdicts.set(context.document, entry);
    }
    const variables = context.request.variables ?? {};
    const key = JSON.stringify([context.request.operationName ?? null, ...entry.counted.map((name) => variables[name] ?? null)]);
    if (entry.byKey.has(key)) return entry.byKey.get(key) ?? null;
    const verdict = checkOperation(limits, context);
    if (entry.byKey.size >= VERDICTS_PER_DOCUMENT) entry.byKey.clear();
    entry.byKey.set(key, verdict);
    return verdict;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(context: RequestContext) {
          const refusal = verdictOf(context);
          // A fresh error per response: Apollo adds to the one it is given.
          if (refusal) throw new GraphQLError(refusal.message, { extensions: refusal.extensions });
        },
      };
    },
  };
};

export const graphqlLimitsFromEnv = (env: { int: (name: string, fallback: number) => number }, defaultLimit: number, maxLimit: number): GraphqlLimits => ({
  maxCost: env.int('GRAPHQL_MAX_COST', 2500),
  maxAliases: env.int('GRAPHQL_MAX_ALIASES', 10),
  maxFilterBranches: env.int('GRAPHQL_MAX_FILTER_BRANCHES', 20),
  defaultLimit,
  maxLimit,
});
