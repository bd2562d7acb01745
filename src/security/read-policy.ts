import type { Core } from '@strapi/strapi';
import { UID } from '../domain/constants';

/**
 * The one place that decides what a Content API reader may see.
 *
 * - Readers: the Public role, end users (users-permissions JWT), API tokens by
 *   type, and a request the delivery preview marked as a signed draft preview.
 * - Drafts: only a preview request or a full-access token (which can write
 *   anyway); read-only and custom tokens read published content like the Public.
 * - Embargo and legal hold: for every reader that cannot read drafts, an
 *   article whose `embargoedUntil` lies in the future or whose workflow state
 *   carries a legal hold does not exist — in lists, single reads, relations
 *   from the other side, exports and feeds — and neither do its quotes.
 *
 * Adapters apply it: the document middleware (src/document-middlewares/public-read.ts)
 * for root reads and REST populate, the GraphQL root and association
 * resolvers (src/graphql/published-only.ts) for GraphQL.
 */
export type Reader =
  | { kind: 'public' }
  | { kind: 'user' }
  | { kind: 'token'; type: 'full-access' | 'read-only' | 'custom' }
  | { kind: 'preview' };

export type RequestState = {
  user?: unknown;
  auth?: { strategy?: { name?: string }; credentials?: { type?: string } | null };
  /** Set by the delivery preview (a signed preview token) for the one request it authorises. */
  draftPreview?: boolean;
};

// Strapi 5.54 names the Content API token strategy `content-api-token`; earlier 5.x named it `api-token`.
const TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

export const readerOf = (state: RequestState | undefined): Reader => {
  if (state?.draftPreview === true) return { kind: 'preview' };
  const strategy = state?.auth?.strategy?.name;
  if (strategy && TOKEN_STRATEGIES.has(strategy)) {
    const type = state?.auth?.credentials?.type;
    return { kind: 'token', type: type === 'full-access' || type === 'custom' ? type : 'read-only' };
  }
  if (strategy === 'users-permissions' && state?.user) return { kind: 'user' };
  return { kind: 'public' };
};

/** Drafts (and embargoed or held stories) are for the preview and for full-access tokens only (docs/security.md). */
export const mayReadDrafts = (reader: Reader): boolean =>
  reader.kind === 'preview' || (reader.kind === 'token' && reader.type === 'full-access');

/** API tokens that may see users, roles and the workflow's internal data. */
export const mayReadInternals = (reader: Reader): boolean => reader.kind === 'token' && reader.type === 'full-access';

/** Article documents under a legal hold (one indexed query on the workflow's state table). */
const heldArticleIds = async (strapi: Core.Strapi): Promise<string[]> => {
  const states = 'plugin::editorial-workflow.workflow-state';
  // metadata.has, not strapi.contentTypes: that getter copies the whole registry on every read
  if (!strapi.db.metadata.has(states)) return [];
  const rows = (await strapi.db
    .query(states as never)
    .findMany({ where: { targetUid: UID.article, legalHold: true }, select: ['targetDocumentId'] })) as { targetDocumentId: string }[];
  return rows.map((row) => row.targetDocumentId);
};

/** Where-style conditions (document-service `filters`) for an article a restricted reader may see. */
const articleVisible = (now: Date, held: string[]): Record<string, unknown> => ({
  $and: [
    { $or: [{ embargoedUntil: { $null: true } }, { embargoedUntil: { $lte: now.toISOString() } }] },
    ...(held.length ? [{ documentId: { $notIn: held } }] : []),
  ],
});

/** The visibility filter per content type, in document-service form; absent types are unrestricted. */
export type VisibilityFilters = Partial<Record<string, Record<string, unknown>>>;

const computeFilters = async (strapi: Core.Strapi, now: Date): Promise<VisibilityFilters> => {
  const article = articleVisible(now, await heldArticleIds(strapi));
  return { [UID.article]: article, [UID.quote]: { article } };
};

const MEMO = Symbol('readPolicyFilters');

/** The filters, computed once per request (a GraphQL page resolves many associations). */
export const visibilityFilters = (strapi: Core.Strapi, now: Date = new Date()): Promise<VisibilityFilters> => {
  const state = (strapi.requestContext.get() as { state?: Record<symbol, Promise<VisibilityFilters>> } | undefined)?.state;
  if (!state) return computeFilters(strapi, now);
  state[MEMO] ??= computeFilters(strapi, now);
  return state[MEMO];
};

/** Restricted types: the ones a visibility filter exists for. */
export const RESTRICTED_UIDS: readonly string[] = [UID.article, UID.quote];

/** `a AND b`, keeping the caller's filters untouched. */
export const andFilters = (own: unknown, policy: Record<string, unknown>): Record<string, unknown> =>
  own && typeof own === 'object' && Object.keys(own).length ? { $and: [own, policy] } : policy;

type Attribute = { type: string; target?: string; component?: string; repeatable?: boolean; components?: string[] };
type PopulateValue = true | { populate?: unknown; filters?: unknown; [key: string]: unknown };

const attributesOf = (strapi: Core.Strapi, uid: string): Record<string, Attribute> =>
  ((strapi.getModel(uid as never) as { attributes?: Record<string, Attribute> } | undefined)?.attributes ?? {}) as Record<string, Attribute>;

/** `'*'`, `'a,b'`, `['a', 'b.c']`, `{ a: true, b: { populate: … } }` → `{ a: true, b: { populate: … } }`. */
const normalisePopulate = (strapi: Core.Strapi, uid: string, populate: unknown): Record<string, PopulateValue> | null => {
  if (populate === undefined || populate === null || populate === false) return null;
  const attributes = attributesOf(strapi, uid);
  const populatable = Object.keys(attributes).filter((name) => ['relation', 'component', 'media', 'dynamiczone'].includes(attributes[name].type));
  if (populate === '*' || populate === true) return Object.fromEntries(populatable.map((name) => [name, true as const]));
  const paths = typeof populate === 'string' ? populate.split(',') : Array.isArray(populate) ? populate.map(String) : null;
  if (paths) {
    const tree: Record<string, PopulateValue> = {};
    for (const path of paths.map((item) => item.trim()).filter(Boolean)) {
      if (path === '*') {
        for (const name of populatable) tree[name] ??= true;
        continue;
      }
      const [head, ...rest] = path.split('.');
      const current = tree[head];
      const nested = rest.length ? [...(current && current !== true && Array.isArray(current.populate) ? current.populate : []), rest.join('.')] : undefined;
      tree[head] = nested ? { ...(current === true ? {} : current), populate: nested } : (current ?? true);
    }
    return tree;
  }
  if (typeof populate === 'object') return populate as Record<string, PopulateValue>;
  return null;
};

/**
 * Rewrite a populate tree so every relation that reaches a restricted type
 * carries its visibility filter, at any depth and through components.
 */
export const restrictPopulate = (strapi: Core.Strapi, uid: string, populate: unknown, filters: VisibilityFilters): unknown => {
  const tree = normalisePopulate(strapi, uid, populate);
  if (!tree) return populate;
  const attributes = attributesOf(strapi, uid);
  const out: Record<string, PopulateValue> = {};
  for (const [name, value] of Object.entries(tree)) {
    const attribute = attributes[name];
    if (!attribute || value === (false as unknown) || value === ('false' as unknown)) {
      out[name] = value;
      continue;
    }
    const target = attribute.type === 'relation' ? attribute.target : attribute.type === 'component' ? attribute.component : undefined;
    if (!target) {
      out[name] = value;
      continue;
    }
    // `true`, `'true'`, `'*'`: populate the attribute as is.
    const options: { populate?: unknown; filters?: unknown; [key: string]: unknown } = value && typeof value === 'object' ? { ...value } : {};
    if (options.populate !== undefined) options.populate = restrictPopulate(strapi, target, options.populate, filters);
    const policy = attribute.type === 'relation' ? filters[target] : undefined;
    if (policy) options.filters = andFilters(options.filters, policy);
    out[name] = Object.keys(options).length ? options : true;
  }
  return out;
};

/** Document-service filters (`$and`, `$or`, `$null`, …) → GraphQL filter input (`and`, `or`, `null`, …). */
export const toGraphqlFilters = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(toGraphqlFilters);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key.startsWith('$') ? key.slice(1) : key, toGraphqlFilters(item)]));
};
