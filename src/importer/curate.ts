/**
 * Curation support: what an editor changed between the parser's output and the
 * checked-in bundle. diffBundles() is pure and generic (any JSON values).
 *
 * Paths: object fields are joined with "."; arrays whose items all carry a
 * unique string `key` are matched BY KEY and addressed as `list[key=<key>]`
 * (so reordering is not a difference and an added record is one entry);
 * other arrays are compared by index (`list[3]`).
 */

export type DifferenceKind = 'added' | 'removed' | 'changed';

export type BundleDifference = {
  path: string;
  kind: DifferenceKind;
  /** Value in the parser's output (undefined when the curated file added it). */
  generated: unknown;
  /** Value in the curated file (undefined when the curated file removed it). */
  curated: unknown;
};

/** One allow-listed curation: a path (or path prefix) the editor may change, and why. */
export type CurationEntry = { path: string; why: string };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const keyOf = (item: unknown): string | undefined => (isPlainObject(item) && typeof item.key === 'string' ? item.key : undefined);

const isKeyedList = (list: readonly unknown[]): boolean => {
  const keys = list.map(keyOf);
  return keys.every((k) => k !== undefined) && new Set(keys).size === keys.length;
};

const join = (path: string, field: string): string => (path ? `${path}.${field}` : field);

const walk = (generated: unknown, curated: unknown, path: string, out: BundleDifference[]): void => {
  if (generated === undefined && curated === undefined) return;
  if (generated === undefined) {
    out.push({ path, kind: 'added', generated, curated });
    return;
  }
  if (curated === undefined) {
    out.push({ path, kind: 'removed', generated, curated });
    return;
  }
  if (Array.isArray(generated) && Array.isArray(curated)) {
    if (generated.length + curated.length > 0 && isKeyedList(generated) && isKeyedList(curated)) {
      const byKey = new Map(curated.map((item) => [keyOf(item) as string, item]));
      const seen = new Set<string>();
      for (const item of generated) {
        const k = keyOf(item) as string;
        seen.add(k);
        walk(item, byKey.get(k), `${path}[key=${k}]`, out);
      }
      for (const item of curated) {
        const k = keyOf(item) as string;
        if (!seen.has(k)) walk(undefined, item, `${path}[key=${k}]`, out);
      }
      return;
    }
    const length = Math.max(generated.length, curated.length);
    for (let i = 0; i < length; i += 1) walk(generated[i], curated[i], `${path}[${i}]`, out);
    return;
  }
  if (isPlainObject(generated) && isPlainObject(curated)) {
    const fields = [...Object.keys(generated), ...Object.keys(curated).filter((k) => !(k in generated))];
    for (const field of fields) walk(generated[field], curated[field], join(path, field), out);
    return;
  }
  if (!Object.is(generated, curated)) out.push({ path, kind: 'changed', generated, curated });
};

/** Every difference between the parser's bundle and the curated bundle, in document order. */
export const diffBundles = (generated: unknown, curated: unknown): BundleDifference[] => {
  const out: BundleDifference[] = [];
  walk(generated, curated, '', out);
  return out.map((d) => (d.path === '' ? { ...d, path: '(root)' } : d));
};

const show = (value: unknown): string => {
  if (value === undefined) return '—';
  const json = JSON.stringify(value);
  return json.length > 160 ? `${json.slice(0, 159)}…` : json;
};

/** A readable, line-per-difference report. */
export const formatDifferences = (differences: readonly BundleDifference[]): string =>
  differences.length === 0
    ? 'no differences'
    : differences
        .map((d) => `${d.kind.padEnd(7)} ${d.path}\n          generated: ${show(d.generated)}\n          curated:   ${show(d.curated)}`)
        .join('\n');

/** Does an allow-list entry cover this path (the path itself or anything under it)? */
export const coversPath = (entryPath: string, path: string): boolean =>
  path === entryPath || path.startsWith(`${entryPath}.`) || path.startsWith(`${entryPath}[`);

/** Differences no curation entry allows: a parser regression, or an undocumented edit. */
export const uncuratedDifferences = (
  differences: readonly BundleDifference[],
  entries: readonly CurationEntry[],
): BundleDifference[] => differences.filter((d) => !entries.some((e) => coversPath(e.path, d.path)));

/** Curation entries that no longer match any difference (stale allow-list lines). */
export const unusedCurationEntries = (
  differences: readonly BundleDifference[],
  entries: readonly CurationEntry[],
): CurationEntry[] => entries.filter((e) => !differences.some((d) => coversPath(e.path, d.path)));
