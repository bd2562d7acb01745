/**
 * Wire datelines at the head of the first paragraph:
 *   "PARIS (AP) — …", "LOS ANGELES (Reuters) - …",
 *   "KYIV, Ukraine (AP) — …", "CITY, Country/CITY2 (Reuters) - …",
 *   "WASHINGTON — …" (a staff story's dateline, no agency).
 * The place must be in capitals, so an ordinary sentence never matches.
 */
export type WireDateline = {
  /** The place as printed, e.g. "KYIV, Ukraine". */
  place: string;
  /** The agency in brackets, e.g. "AP", "Reuters"; undefined for a staff dateline. */
  agency?: string;
  /** The dateline text exactly as printed, dash included. */
  printed: string;
};

const DATELINE = /^(?<place>\p{Lu}[\p{Lu} .'’-]{1,40}(?:,\s*[\p{Lu}][\p{L}. ]{1,30})?(?:\/\p{Lu}[\p{Lu} .'’-]{1,40})?)\s*(?:\((?<agency>[^)]{2,30})\)\s*)?(?<dash>[—–-]{1,2})\s+/u;

export const parseWireDateline = (paragraph: string): WireDateline | null => {
  const match = DATELINE.exec(paragraph);
  if (!match?.groups) return null;
  const place = match.groups.place.trim();
  // a capitalised word followed by a dash inside a sentence is not a dateline: the place must be ALL CAPS up to its comma
  const head = place.split(/[,/]/)[0];
  if (head !== head.toUpperCase() || head.replace(/[^\p{L}]/gu, '').length < 3) return null;
  return { place, agency: match.groups.agency?.trim(), printed: match[0].trim() };
};
