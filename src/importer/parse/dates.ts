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
import { isBareRelativeDate, readRelativeDate } from './relative-dates';

const DATE_LINE = /^(?:Published|Updated|Posted|Last updated)(?:\s+on)?\s*:?\s+(?<text>.+)$/i;

/** "Published …", or a line that is nothing but a relative date ("3 hours ago", "Yesterday at 10:29"). */
export const isDateLine = (line: string): boolean => DATE_LINE.test(line.trim()) || isBareRelativeDate(line);

/** "Published yesterday at 10:29" → "yesterday at 10:29"; a bare relative date is its own text. */
export const parseDateLine = (line: string): string | null =>
  DATE_LINE.exec(line.trim())?.groups?.text.trim() ?? (isBareRelativeDate(line) ? line.trim() : null);

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
  /**
   * For a relative date read against retrievedAt: `time` (a clock time is known), `day` (the day only: the
   * ISO value is that day's 00:00), `period` ("last week": too vague for a time, `around` names the day meant).
   */
  precision?: 'time' | 'day' | 'period';
  /** For `period`: the day the phrase points at (YYYY-MM-DD), for the editor. */
  around?: string;
};

const DAY_MONTH_YEAR = /^(?<d>\d{1,2})\s+(?<mon>[A-Za-z]+)\s+(?<y>\d{4})(?:\s*,?\s*at\s+(?<h>\d{1,2})[:h.](?<m>\d{2}))?$/;
const MONTH_DAY_YEAR = /^(?<mon>[A-Za-z]+)\s+(?<d>\d{1,2}),?\s+(?<y>\d{4})(?:\s*,?\s*at\s+(?<h>\d{1,2})[:h.](?<m>\d{2}))?$/;

const validClock = (h: number, m: number): boolean => h >= 0 && h <= 23 && m >= 0 && m <= 59;

/**
 * Resolve a printed publication date. Relative dates need `retrievedAt`;
 * without it the ISO value is null and the printed text is all there is.
 */
export const resolvePublishedDate = (printed: string, retrievedAt?: Date | string): ResolvedDate => {
  const text = printed.trim();
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
  // relative dates ("yesterday at 10:29", "Tuesday", "3 hours ago", "last week") are read by chrono-node
  const anchor = retrievedAt === undefined ? undefined : parseRetrievedAt(retrievedAt);
  const read = readRelativeDate(text, anchor && { instant: new Date(anchor.iso), offsetMinutes: anchor.offsetMinutes });
  if (!read) return { relative: false, iso: null };
  if (!anchor || !read.wallClock) return { relative: true, iso: null };
  const { year, month, day, hour, minute } = read.wallClock;
  if (read.precision === 'period') {
    return { relative: true, iso: null, precision: 'period', around: `${year}-${pad(month)}-${pad(day)}` };
  }
  const clock = { year, month, day, offsetMinutes: anchor.offsetMinutes };
  return read.precision === 'time'
    ? { relative: true, iso: formatWallClock(clock, hour, minute), precision: 'time' }
    : { relative: true, iso: formatWallClock(clock, 0, 0), precision: 'day' };
};
