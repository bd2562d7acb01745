/**
 * Relative dates as pages print them ("yesterday at 10:29", "Tuesday",
 * "3 hours ago", "last week"), read by chrono-node against an anchor: the
 * moment the page was retrieved, in that moment's own UTC offset. Absolute
 * dates are not this file's concern (dates.ts reads them without an anchor).
 */
import * as chrono from 'chrono-node';

export type RelativeDate = {
  /** `time`: a clock time is known; `day`: the day only; `period`: a week, month or year back, too vague for a time. */
  precision: 'time' | 'day' | 'period';
  /** The wall-clock reading in the anchor's offset; absent without an anchor. */
  wallClock?: { year: number; month: number; day: number; hour: number; minute: number };
};

export type Anchor = { instant: Date; offsetMinutes: number };

/** Phrases that name a span, not a day: "last week", "a month ago", "earlier this year". */
const PERIOD = /\b(?:weeks?|months?|years?|fortnight)\b/i;

/** A date is relative when chrono had to use the anchor for it: a casual word, an offset ("ago", "last"), a bare weekday. */
const isRelative = (result: chrono.ParsedResult): boolean => {
  const tags = [...(result.start.tags?.() ?? [])];
  if (tags.some((tag) => tag.startsWith('casualReference') || tag.startsWith('result/relativeDate'))) return true;
  return !(result.start.isCertain('year') && result.start.isCertain('month') && result.start.isCertain('day'));
};

const firstRelative = (text: string, anchor?: Anchor): chrono.ParsedResult | null => {
  const reference = { instant: anchor?.instant ?? new Date(0), timezone: anchor?.offsetMinutes ?? 0 };
  const [result] = chrono.en.casual.parse(text, reference, { forwardDate: false });
  return result && isRelative(result) ? result : null;
};

/** Read a relative date in `text`; null when the text has none. */
export const readRelativeDate = (text: string, anchor?: Anchor): RelativeDate | null => {
  const result = firstRelative(text, anchor);
  if (!result) return null;
  const start = result.start;
  const precision = PERIOD.test(result.text) ? 'period' : start.isCertain('hour') ? 'time' : 'day';
  if (!anchor) return { precision };
  return {
    precision,
    wallClock: {
      year: start.get('year') ?? 0,
      month: start.get('month') ?? 0,
      day: start.get('day') ?? 0,
      hour: start.get('hour') ?? 0,
      minute: start.get('minute') ?? 0,
    },
  };
};

/** Is the whole line a relative date ("3 hours ago", "Yesterday at 10:29"), and nothing else? */
export const isBareRelativeDate = (line: string): boolean => {
  const text = line.trim().replace(/[.,;:]+$/, '');
  if (text.length === 0 || text.length > 40) return false;
  const result = firstRelative(text);
  return result !== null && result.index === 0 && result.text.length === text.length;
};
