/**
 * Site furniture recognised by its form (knowledge/boilerplate.json), not by
 * the wording of one site: reading-time labels, "Related:" links, player
 * placeholders, picture credits, copyright and date stamps. Each pattern is
 * anchored to a whole block and linear in its length.
 */
import boilerplate from '../knowledge/boilerplate.json';

export type Boilerplate = { kind: string; why: string };

const PATTERNS = boilerplate.patterns.map((entry) => ({ ...entry, re: new RegExp(entry.pattern, 'iu') }));

/** Longer blocks are running text, never furniture. */
const MAX_FURNITURE_CHARS = 300;

export const matchBoilerplate = (block: string): Boilerplate | null => {
  const text = block.trim();
  if (text.length > MAX_FURNITURE_CHARS) return null;
  const hit = PATTERNS.find((entry) => entry.re.test(text));
  return hit ? { kind: hit.kind, why: hit.why } : null;
};
