/**
 * Publication dates. Scraped pages print them relative to the moment of the
 * scrape ("Published yesterday at 10:29"), so the printed text is kept as
 * `publishedAtText` and an ISO `datePublished` is derived only when the caller
 * says when the page was retrieved.
 *
 * Timezone assumption: the printed clock time is read in the timezone of
 * `retrievedAt`. A `Date`, a string ending in `Z`, or a string without any
 * offset is UTC; a string with an offset (`+08:00`) keeps that offset, and the
 * result is written with the same offset. The site's real timezone is unknown,
 * so the result is always flagged `inferred_field`.
 */
import { PARSE_MESSAGES } from '../constants';

const DATE_LINE = /^(?:Published|Updated|Posted|Last updated)(?:\s+on)?\s*:?\s+(?<text>.+)$/i;

export const isDateLine = (line: string): boolean => DATE_LINE.test(line.trim());

/** "Published yesterday at 10:29" → "yesterday at 10:29". */
export const parseDateLine = (line: string): string | null => DATE_LINE.exec(line.trim())?.groups?.text.trim() ?? null;

type WallClock = { year: number; month: number; day: number; offsetMinutes: number };

export type Retrieved = WallClock & { iso: string };

const ISO_INPUT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/** Parse `retrievedAt` into the calendar day it denotes in its own timezone. Throws on invalid input. */
export const parseRetrievedAt = (value: Date | string): Retrieved => {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error(PARSE_MESSAGES.badRetrievedAt);
    return {
      year: value.getUTCFullYear(),
      month: value.getUTCMonth() + 1,
      day: value.getUTCDate(),
      offsetMinutes: 0,
      iso: value.toISOString(),
    };
  }
  const match = ISO_INPUT.exec(value.trim());
  if (!match) throw new Error(`${PARSE_MESSAGES.badRetrievedAt}: "${value}"`);
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const check = new Date(Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s)));
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    throw new Error(`${PARSE_MESSAGES.badRetrievedAt}: "${value}"`);
  }
  let offsetMinutes = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  }
  // keep an explicit offset as given; a value without one is UTC and is stored as such
  const zoneText = !zone || zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const iso = zone ? `${y}-${mo}-${d}T${h}:${mi}:${s}${zoneText}` : check.toISOString();
  return { year, month, day, offsetMinutes, iso };
};

const formatWallClock = (clock: WallClock, hours: number, minutes: number): string => {
  const utc = new Date(Date.UTC(clock.year, clock.month - 1, clock.day, hours, minutes));
  if (clock.offsetMinutes === 0) return utc.toISOString();
  const date = `${utc.getUTCFullYear()}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}`;
  const sign = clock.offsetMinutes < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.trunc(clock.offsetMinutes / 60))}:${pad(clock.offsetMinutes % 60)}`;
  return `${date}T${pad(hours)}:${pad(minutes)}:00.000${offset}`;
};

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export type ResolvedDate = {
  /** True when the printed date depends on the scrape time. */
  relative: boolean;
  /** ISO date-time, or null if it could not be resolved. */
  iso: string | null;
};

const RELATIVE = /^(?<word>today|yesterday)(?:\s*,?\s*at\s+(?<h>\d{1,2})[:h.](?<m>\d{2}))?$/i;
const DAY_MONTH_YEAR = /^(?<d>\d{1,2})\s+(?<mon>[A-Za-z]+)\s+(?<y>\d{4})(?:\s*,?\s*at\s+(?<h>\d{1,2})[:h.](?<m>\d{2}))?$/;
const MONTH_DAY_YEAR = /^(?<mon>[A-Za-z]+)\s+(?<d>\d{1,2}),?\s+(?<y>\d{4})(?:\s*,?\s*at\s+(?<h>\d{1,2})[:h.](?<m>\d{2}))?$/;

const validClock = (h: number, m: number): boolean => h >= 0 && h <= 23 && m >= 0 && m <= 59;

/**
 * Resolve a printed publication date. Relative dates need `retrievedAt`;
 * without it (or without a clock time) the ISO value is null.
 */
export const resolvePublishedDate = (printed: string, retrievedAt?: Date | string): ResolvedDate => {
  const text = printed.trim();
  const relative = RELATIVE.exec(text);
  if (relative?.groups) {
    if (retrievedAt === undefined || relative.groups.h === undefined) return { relative: true, iso: null };
    const retrieved = parseRetrievedAt(retrievedAt);
    const h = Number(relative.groups.h);
    const m = Number(relative.groups.m);
    if (!validClock(h, m)) return { relative: true, iso: null };
    const back = relative.groups.word.toLowerCase() === 'yesterday' ? 1 : 0;
    const day = new Date(Date.UTC(retrieved.year, retrieved.month - 1, retrieved.day - back));
    return {
      relative: true,
      iso: formatWallClock(
        { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), offsetMinutes: retrieved.offsetMinutes },
        h,
        m,
      ),
    };
  }
  const absolute = DAY_MONTH_YEAR.exec(text) ?? MONTH_DAY_YEAR.exec(text);
  if (absolute?.groups) {
    const month = MONTHS.indexOf(absolute.groups.mon.toLowerCase()) + 1;
    const year = Number(absolute.groups.y);
    const day = Number(absolute.groups.d);
    const h = absolute.groups.h === undefined ? 0 : Number(absolute.groups.h);
    const m = absolute.groups.m === undefined ? 0 : Number(absolute.groups.m);
    const check = new Date(Date.UTC(year, month - 1, day));
    if (month === 0 || check.getUTCDate() !== day || check.getUTCMonth() !== month - 1 || !validClock(h, m)) {
      return { relative: false, iso: null };
    }
    return { relative: false, iso: formatWallClock({ year, month, day, offsetMinutes: 0 }, h, m) };
  }
  return { relative: /\b(?:ago|today|yesterday|last)\b/i.test(text), iso: null };
};
