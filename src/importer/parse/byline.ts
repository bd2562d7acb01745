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
