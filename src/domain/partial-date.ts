/**
 * Partial ISO dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) as used by sanction lists
 * and FollowTheMoney: a wire story often gives only the year.
 */
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export type PartialDateRange = { earliest: string; latest: string };

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

// Arithmetic rather than Date.UTC, which maps years 0-99 to 1900-1999 (0000-02-29 is a real proleptic Gregorian date).
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (year: number, month: number): number => (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]);

export const isPartialDateFormat = (value: string): boolean => PARTIAL_DATE.test(value);

/** The first and last calendar day a partial date can denote, or null if it is not a real date. */
export const partialDateRange = (value: string): PartialDateRange | null => {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month))) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  const y = String(year).padStart(4, '0');
  if (month === undefined) return { earliest: `${y}-01-01`, latest: `${y}-12-31` };
  if (day === undefined) return { earliest: `${y}-${pad(month)}-01`, latest: `${y}-${pad(month)}-${pad(daysInMonth(year, month))}` };
  const iso = `${y}-${pad(month)}-${pad(day)}`;
  return { earliest: iso, latest: iso };
};

export const isRealPartialDate = (value: string): boolean => partialDateRange(value) !== null;

/** `end` is before `start` only if every day `end` can denote precedes every day `start` can. */
export const isEndBeforeStart = (start: string, end: string): boolean => {
  const s = partialDateRange(start);
  const e = partialDateRange(end);
  if (!s || !e) return false;
  return e.latest < s.earliest;
};

/** True when the whole partial date lies before `today` (an ISO day). */
export const isWhollyBefore = (value: string, today: string): boolean => {
  const range = partialDateRange(value);
  return range !== null && range.latest < today;
};
