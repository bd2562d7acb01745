/**
 * Bylines. A scraped agency story carries two:
 *  - the printed header byline, "Isabel Kua – Agence France-Presse in Lianyungang"
 *    (reporter – organisation [in dateline place]), or "By Name" before the story;
 *  - the republishing site's author box at the foot, "By Teilor Stone"
 *    (often preceded by the bare name and followed by a bio).
 */

/** A person's name as printed: 2–4 capitalised words. */
export const PERSON_NAME = String.raw`\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}`;

export type HeaderByline = {
  /** The line exactly as printed. */
  printed: string;
  name: string;
  /** The organisation as printed, e.g. "Agence France-Presse". */
  organizationText?: string;
  /** The place after "in", used as the dateline. */
  place?: string;
};

const HEADER_BYLINE = new RegExp(
  String.raw`^(?<by>By\s+)?(?<name>${PERSON_NAME})(?:\s+[–—|-]\s+(?<org>.+?)(?:\s+in\s+(?<place>\p{Lu}[\p{L}'’ .-]*))?)?$`,
  'u',
);

const FOOTER_BYLINE = new RegExp(String.raw`^By\s+(?<name>${PERSON_NAME})$`, 'u');

export const parseHeaderByline = (line: string): HeaderByline | null => {
  const match = HEADER_BYLINE.exec(line.trim());
  if (!match?.groups) return null;
  const { by, name, org, place } = match.groups;
  // without "By", only "Name – Organisation" is a byline (a bare capitalised line may be a headline)
  if (!by && !org) return null;
  if (/[.!?]$/.test(line.trim()) || (org !== undefined && org.split(/\s+/).length > 8)) return null;
  return { printed: line.trim(), name, organizationText: org?.trim(), place: place?.trim() };
};

/** "By Teilor Stone" → "Teilor Stone". */
export const parseFooterByline = (line: string): string | null => FOOTER_BYLINE.exec(line.trim())?.groups?.name ?? null;

export const isBareName = (line: string, name: string): boolean => line.trim() === name;

/** Words that make an author entry an organisation, not a person ("BBC News", "Reuters", "CNN Wire"). */
const ORG_AUTHOR = /\b(?:News|Press|Reuters|Associated|Agency|Agence|Staff|Wire|Desk|Media|Newsroom|Times|Post|Guardian|Telegraph|Independent|Herald|Journal|Bloomberg|Online|Editors?|Team|Service)\b|^(?:AP|AFP|UPI|PA|CNN|BBC|NPR|ABC|CBS|NBC|DPA|AAP)\b/;

const titleCase = (word: string): string => (/^\p{Lu}{2,}$/u.test(word) ? word.charAt(0) + word.slice(1).toLowerCase() : word);

export type AuthorList = { people: string[]; organizations: string[] };

/**
 * Authors as a page or a byline lists them: "By A. SMITH and B. JONES",
 * "Rob Picheta, CNN", ["Jill Serjeant"], "BBC News". Capitals are normalised
 * ("JOE HILDEBRAND" → "Joe Hildebrand"); an entry that is not a 2–4 word
 * personal name, or has an organisation word, is an organisation.
 */
export const parseAuthorList = (entries: readonly string[]): AuthorList => {
  const people: string[] = [];
  const organizations: string[] = [];
  for (const entry of entries) {
    const cleaned = entry.replace(/\s+/g, ' ').replace(/^\s*by\s+/i, '').trim();
    for (const part of cleaned.split(/\s*(?:,|;|\band\b|&|\|)\s*/i)) {
      const name = part.replace(/^by\s+/i, '').trim();
      // digits are a date or a count; "Name/Agency" is a picture credit, not an author
      if (!name || /\d/.test(name) || name.includes('/')) continue;
      const words = name.split(' ').map(titleCase);
      const personal = words.length >= 2 && words.length <= 4 && words.every((word) => /^\p{Lu}[\p{L}'’.-]*$/u.test(word));
      const list = ORG_AUTHOR.test(name) || !personal ? organizations : people;
      const value = list === people ? words.join(' ') : name;
      if (!list.includes(value)) list.push(value);
    }
  }
  return { people, organizations };
};
