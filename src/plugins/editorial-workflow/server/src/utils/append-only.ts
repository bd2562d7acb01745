import { sameValue } from './content-snapshot';

/**
 * Published correction notes are append-only: the draft's list must begin with
 * the published notes, unchanged and in order. Returns the path of the first
 * published note that was edited or removed (e.g. `corrections[0].text`), or
 * null when the draft only adds notes. Pure.
 */
export const appendOnlyViolation = (field: string, published: unknown, draft: unknown): string | null => {
  const live = Array.isArray(published) ? (published as Record<string, unknown>[]) : [];
  const next = Array.isArray(draft) ? (draft as Record<string, unknown>[]) : [];
  for (let index = 0; index < live.length; index += 1) {
    const before = live[index] ?? {};
    const after = next[index];
    if (!after) return `${field}[${index}]`;
    const changed = Object.keys({ ...before, ...after }).find((key) => !sameValue(before[key], after[key]));
    if (changed) return `${field}[${index}].${changed}`;
  }
  return null;
};
