/**
 * Strapi 5 accepts many shapes for a relation in a write: a documentId, an id,
 * `{ documentId }`, `{ id }`, an array, or `{ connect, disconnect, set }`.
 * For a to-one relation the rules only need to know what the target will be
 * after the write.
 */
export type RelationRef = { id?: number | string; documentId?: string };

/**
 * `disconnect` alone clears the relation only if it names the current target;
 * the caller, who knows the stored target, decides (see `afterDisconnect`).
 */
export type ToOneChange = { kind: 'unchanged' } | { kind: 'set'; ref: RelationRef | null } | { kind: 'disconnect'; refs: RelationRef[] };

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
      const refs = list.map(toRef).filter((ref): ref is RelationRef => ref !== null);
      return refs.length ? { kind: 'disconnect', refs } : UNCHANGED;
    }
    if (connect !== undefined) return UNCHANGED;
  }
  return { kind: 'set', ref: toRef(input) };
};

/** The target after a disconnect-only change: null if it named the current target, else the current one. */
export const afterDisconnect = (current: { id?: number | string; documentId?: string } | null, refs: RelationRef[]): typeof current => {
  if (!current) return null;
  const named = refs.some(
    (ref) => (ref.documentId !== undefined && ref.documentId === current.documentId) || (ref.id !== undefined && String(ref.id) === String(current.id)),
  );
  return named ? null : current;
};
