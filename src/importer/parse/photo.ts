/**
 * The lead-image line. Scrapes flatten caption and credit into one line with no
 * separator: "Photo: Louise Delmotte Associated Press Surveillance cameras on…".
 * Split it at a known news agency name (from the lexicon): before it is the
 * photographer, after it the caption. Explicit separators ("/", "|") win when present.
 */
import { PERSON_NAME } from './byline';

const PHOTO_LINE = /^(?:Photo|Photograph|Picture|Image)s?(?:\s+credit)?\s*:\s*(?<rest>.+)$/i;

export const isPhotoLine = (line: string): boolean => PHOTO_LINE.test(line.trim());

export type PhotoLine = {
  caption: string;
  /** "Photographer / Agency", or whichever of the two is printed. */
  credit: string;
  photographer?: string;
  /** The agency name as printed. */
  agencyText?: string;
};

/** Agency names to look for, e.g. ["Associated Press", "AFP"]. */
export const parsePhotoLine = (line: string, agencyNames: readonly string[]): PhotoLine | null => {
  const rest = PHOTO_LINE.exec(line.trim())?.groups?.rest.trim();
  if (!rest) return null;

  let best: { index: number; name: string } | null = null;
  for (const name of [...agencyNames].sort((a, b) => b.length - a.length)) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
    const match = re.exec(rest);
    if (match && (best === null || match.index < best.index)) best = { index: match.index, name: match[0] };
  }
  if (best) {
    const photographer = rest.slice(0, best.index).replace(/[\s/|,–—-]+$/, '').trim();
    const caption = rest.slice(best.index + best.name.length).replace(/^[\s/|,:–—-]+/, '').trim();
    return {
      caption,
      credit: photographer ? `${photographer} / ${best.name}` : best.name,
      photographer: photographer || undefined,
      agencyText: best.name,
    };
  }

  const separated = /^(?<credit>[^/|]+?)\s*[/|]\s*(?<caption>.+)$/.exec(rest);
  if (separated?.groups) {
    const credit = separated.groups.credit.trim();
    return { caption: separated.groups.caption.trim(), credit, photographer: credit };
  }

  const named = new RegExp(`^(?<name>\\p{Lu}[\\p{L}'’.-]+\\s+\\p{Lu}[\\p{L}'’.-]+)\\s+(?<caption>.+)$`, 'u').exec(rest);
  if (named?.groups && new RegExp(`^${PERSON_NAME}$`, 'u').test(named.groups.name)) {
    return { caption: named.groups.caption.trim(), credit: named.groups.name, photographer: named.groups.name };
  }
  return { caption: rest, credit: '' };
};
