/**
 * Representation choice for published reads: `?format=` wins, else the
 * `Accept` header (q-values honoured), else the route's default.
 */
export type Format = 'json' | 'jsonld' | 'ninjs' | 'ftm';

export const NINJS_PROFILE = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json';

export const MEDIA_TYPES: Record<Format, string> = {
  json: 'application/json',
  jsonld: 'application/ld+json',
  ninjs: 'application/ninjs+json',
  ftm: 'application/x-ndjson',
};

const FORMAT_ALIASES: Record<string, Format> = {
  json: 'json',
  jsonld: 'jsonld',
  'json-ld': 'jsonld',
  'ld+json': 'jsonld',
  ninjs: 'ninjs',
  ftm: 'ftm',
  followthemoney: 'ftm',
  ndjson: 'ftm',
};

export type Negotiated =
  | { ok: true; format: Format; contentType: string }
  | { ok: false; status: 400 | 406; message: string };

type MediaRange = { type: string; subtype: string; params: Record<string, string>; q: number; index: number };

/** Split on commas and semicolons outside double quotes. */
const splitOutsideQuotes = (value: string, separator: string): string[] => {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of value) {
    if (char === '"') quoted = !quoted;
    if (char === separator && !quoted) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
};

export const parseAccept = (header: string): MediaRange[] =>
  splitOutsideQuotes(header, ',').flatMap((range, index) => {
    const [mediaType, ...rawParams] = splitOutsideQuotes(range, ';');
    const [type, subtype] = (mediaType ?? '').toLowerCase().split('/');
    if (!type || !subtype) return [];
    const params: Record<string, string> = {};
    for (const param of rawParams) {
      const eq = param.indexOf('=');
      if (eq < 0) continue;
      params[param.slice(0, eq).trim().toLowerCase()] = param.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    }
    const q = params.q === undefined ? 1 : Number(params.q);
    delete params.q;
    return [{ type, subtype, params, q: Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0, index }];
  });

/** The format a concrete media range names, or null (wildcards return null too). */
const formatOfRange = (range: MediaRange): Format | null => {
  if (range.type !== 'application') return null;
  switch (range.subtype) {
    case 'ld+json':
      return 'jsonld';
    case 'ninjs+json':
      return 'ninjs';
    case 'x-ndjson':
    case 'ndjson':
      return 'ftm';
    case 'json':
      return /ninjs/i.test(range.params.profile ?? '') ? 'ninjs' : 'json';
    default:
      return null;
  }
};

const isWildcard = (range: MediaRange) => range.subtype === '*' && (range.type === '*' || range.type === 'application');

const contentTypeFor = (format: Format, viaJsonProfile = false): string =>
  viaJsonProfile && format === 'ninjs'
    ? `application/json; profile="${NINJS_PROFILE}"; charset=utf-8`
    : `${MEDIA_TYPES[format]}; charset=utf-8`;

const describe = (supported: readonly Format[]) =>
  supported.map((format) => `${MEDIA_TYPES[format]} (?format=${format})`).join(', ');

export const negotiate = (input: {
  format?: unknown;
  accept?: string;
  supported: readonly Format[];
  fallback: Format;
}): Negotiated => {
  const { supported, fallback } = input;

  if (input.format !== undefined && input.format !== '') {
    const requested = Array.isArray(input.format) ? input.format[input.format.length - 1] : input.format;
    const format = typeof requested === 'string' ? FORMAT_ALIASES[requested.toLowerCase()] : undefined;
    if (!format) {
      return { ok: false, status: 400, message: `Unknown format "${String(requested)}": use one of ${supported.join(', ')}` };
    }
    if (!supported.includes(format)) {
      return { ok: false, status: 400, message: `Format "${format}" is not available here: use one of ${supported.join(', ')}` };
    }
    return { ok: true, format, contentType: contentTypeFor(format) };
  }

  const header = input.accept?.trim();
  if (!header) return { ok: true, format: fallback, contentType: contentTypeFor(fallback) };

  const ranges = parseAccept(header);
  const refused = new Set(ranges.filter((r) => r.q === 0).map(formatOfRange).filter((f): f is Format => f !== null));
  const candidates: Array<{ format: Format; q: number; specificity: number; index: number; viaProfile: boolean }> = [];
  for (const range of ranges) {
    if (range.q === 0) continue;
    const format = formatOfRange(range);
    if (format && supported.includes(format)) {
      candidates.push({ format, q: range.q, specificity: 2, index: range.index, viaProfile: range.subtype === 'json' });
    } else if (isWildcard(range)) {
      const pick = [fallback, ...supported].find((f) => !refused.has(f) && supported.includes(f));
      if (pick) candidates.push({ format: pick, q: range.q, specificity: range.type === '*' ? 0 : 1, index: range.index, viaProfile: false });
    }
  }
  if (!candidates.length) {
    return { ok: false, status: 406, message: `Not Acceptable: this resource is available as ${describe(supported)}` };
  }
  candidates.sort((a, b) => b.q - a.q || b.specificity - a.specificity || a.index - b.index);
  const best = candidates[0];
  return { ok: true, format: best.format, contentType: contentTypeFor(best.format, best.viaProfile) };
};
