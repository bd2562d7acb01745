/**
 * Strapi 5 accepts many shapes for a relation in a write: a documentId, an id,
 * `{ documentId }`, `{ id }`, an array, or `{ connect, disconnect, set }`.
 * For a to-one relation the rules only need to know what the target will be
 * after the write.
 */
export type RelationRef = { id?: number | string; documentId?: string };

export type ToOneChange = { kind: 'unchanged' } | { kind: 'set'; ref: RelationRef | null };

const UNCHANGED: ToOneChange = { kind: 'unchanged' };

const toRef = (value: unknown): RelationRef | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return { id: value };
  if (typeof value === 'string') return /^\d+$/.test(value) ? { id: Number(value) } : { documentId: value };
  if (typeof value === 'object') {
    const { id, documentId } = value as RelationRef;
    if (documentId) return { documentId };
    if (id !== undefined && id !== null) return { id };
  }
  return null;
};

const lastRef = (list: unknown[]): ToOneChange => ({ kind: 'set', ref: list.length ? toRef(list[list.length - 1]) : null });

export const toOneChange = (input: unknown): ToOneChange => {
  if (input === undefined) return UNCHANGED;
  if (input === null) return { kind: 'set', ref: null };
  if (Array.isArray(input)) return lastRef(input);
  if (typeof input === 'object') {
    const { connect, disconnect, set } = input as { connect?: unknown; disconnect?: unknown; set?: unknown };
    if (set !== undefined) return lastRef(Array.isArray(set) ? set : [set]);
    if (connect !== undefined) {
      const list = Array.isArray(connect) ? connect : [connect];
      if (list.length) return lastRef(list);
    }
    if (disconnect !== undefined) {
      const list = Array.isArray(disconnect) ? disconnect : [disconnect];
      return list.length ? { kind: 'set', ref: null } : UNCHANGED;
    }
    if (connect !== undefined) return UNCHANGED;
  }
  return { kind: 'set', ref: toRef(input) };
};
