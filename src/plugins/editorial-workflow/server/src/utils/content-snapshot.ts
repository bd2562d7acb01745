/**
 * A document version's *content*: the fields an editor writes and a reader
 * sees, in a canonical form that can be compared, stored and diffed. Pure:
 * the model lookups are passed in.
 *
 * Not content: Strapi's bookkeeping (ids, timestamps, publishedAt, creator,
 * locale), private fields (internal notes, import fingerprints: never shown to
 * readers) and relations to admin users. Relations are kept as documentIds,
 * media as file ids, components without their row ids.
 */

export type AttributeLike = {
  type: string;
  private?: boolean;
  target?: string;
  component?: string;
  repeatable?: boolean;
  relation?: string;
};

export type ModelLike = { attributes: Record<string, AttributeLike> };

export type ModelLookup = {
  contentType: (uid: string) => ModelLike | undefined;
  component: (uid: string) => ModelLike | undefined;
};

export type Content = Record<string, unknown>;

const SYSTEM_FIELDS = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);

const isContentAttribute = (name: string, attribute: AttributeLike): boolean =>
  !SYSTEM_FIELDS.has(name) && attribute.private !== true && !(attribute.type === 'relation' && attribute.target?.startsWith('admin::'));

/** The content attributes of a model, in schema order. */
export const contentFields = (model: ModelLike): string[] =>
  Object.entries(model.attributes)
    .filter(([name, attribute]) => isContentAttribute(name, attribute))
    .map(([name]) => name);

/** A query-engine `populate` that loads exactly the content (components deep, relations as documentIds). */
export const contentPopulate = (model: ModelLike, models: ModelLookup, depth = 0): Record<string, unknown> => {
  const populate: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(model.attributes)) {
    if (!isContentAttribute(name, attribute)) continue;
    if (attribute.type === 'relation' && attribute.target) populate[name] = { select: ['id', 'documentId'] };
    else if (attribute.type === 'media') populate[name] = { select: ['id'] };
    else if (attribute.type === 'component' && attribute.component) {
      const component = models.component(attribute.component);
      const nested = component && depth < 4 ? contentPopulate(component, models, depth + 1) : {};
      populate[name] = Object.keys(nested).length ? { populate: nested } : true;
    } else if (attribute.type === 'dynamiczone') populate[name] = true;
  }
  return populate;
};

const DATE_TYPES = new Set(['datetime', 'timestamp']);

const normalizeScalar = (attribute: AttributeLike, value: unknown): unknown => {
  if (value === undefined || value === null) return null;
  if (DATE_TYPES.has(attribute.type)) {
    const date = value instanceof Date ? value : new Date(value as string | number);
    return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
  }
  if (value instanceof Date) return value.toISOString();
  if (attribute.type === 'boolean') return value === true || value === 1;
  if (attribute.type === 'json' || attribute.type === 'blocks') return typeof value === 'string' ? safeParse(value) : value;
  return value;
};

const safeParse = (value: string): unknown => {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

const refOf = (value: unknown): unknown => {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  const record = value as { documentId?: unknown; id?: unknown };
  return record.documentId ?? record.id ?? null;
};

const normalizeComponent = (model: ModelLike | undefined, value: unknown, models: ModelLookup): unknown => {
  if (!value || typeof value !== 'object' || !model) return value ?? null;
  return normalize(model, value as Record<string, unknown>, models);
};

/** The content of one row (as loaded with `contentPopulate`), canonical and JSON-safe. */
export const normalize = (model: ModelLike, row: Record<string, unknown>, models: ModelLookup): Content => {
  const content: Content = {};
  for (const [name, attribute] of Object.entries(model.attributes)) {
    if (!isContentAttribute(name, attribute)) continue;
    const value = row[name];
    if (attribute.type === 'relation' || attribute.type === 'media') {
      content[name] = Array.isArray(value) ? value.map(refOf) : refOf(value);
    } else if (attribute.type === 'component') {
      const component = attribute.component ? models.component(attribute.component) : undefined;
      content[name] = Array.isArray(value) ? value.map((item) => normalizeComponent(component, item, models)) : normalizeComponent(component, value, models);
    } else if (attribute.type === 'dynamiczone') {
      content[name] = Array.isArray(value)
        ? value.map((item) => {
            const entry = item as Record<string, unknown>;
            const component = typeof entry.__component === 'string' ? models.component(entry.__component) : undefined;
            return { __component: entry.__component, ...(normalizeComponent(component, entry, models) as object) };
          })
        : [];
    } else {
      content[name] = normalizeScalar(attribute, value);
    }
  }
  return content;
};

/** JSON with sorted object keys: equal content gives an equal string. */
export const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );

export const sameValue = (a: unknown, b: unknown): boolean => canonical(a ?? null) === canonical(b ?? null);

/** The content fields whose values differ between two versions (in the order of `fields`). */
export const changedFields = (fields: readonly string[], before: Content | null, after: Content | null): string[] =>
  fields.filter((field) => !sameValue(before?.[field], after?.[field]));

export const pick = (content: Content | null, fields: readonly string[]): Content =>
  Object.fromEntries(fields.map((field) => [field, content?.[field] ?? null]));

/** Rich text (Strapi `blocks`) as plain text: one paragraph per block, for a readable text diff. */
export const blocksToText = (value: unknown): string => {
  const text = (node: unknown): string => {
    if (!node || typeof node !== 'object') return '';
    const record = node as { text?: unknown; children?: unknown[] };
    if (typeof record.text === 'string') return record.text;
    return Array.isArray(record.children) ? record.children.map(text).join('') : '';
  };
  return Array.isArray(value) ? value.map(text).join('\n\n') : '';
};
