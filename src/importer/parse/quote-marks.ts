/**
 * Quotation marks as real copy prints them: “curly” and "straight" pairs,
 * mixed (“…" or "…”), AP's two right single quotes as a closing mark (“…’’,
 * also ‘‘…’’), German „…“ and «guillemets». A reader walks a text left to
 * right and says where each quoted passage opens and closes; the sentence
 * splitter and the quote finder (text.ts) share it, so they agree on what is
 * inside a quote.
 *
 * A single ’ is an apostrophe (workers’, won’t) or a nested quote's closing
 * mark, never the end of a double quote; only the doubled ’’ is.
 */

type Family = 'double' | 'low' | 'guillemet';
type Role = 'open' | 'close' | 'either';
type Mark = { length: number; role: Role; family: Family };

/** The mark starting at `i`, longest first (’’ before ’). */
const markAt = (text: string, i: number): Mark | null => {
  const pair = text.slice(i, i + 2);
  if (pair === '‘‘') return { length: 2, role: 'open', family: 'double' };
  if (pair === '’’') return { length: 2, role: 'close', family: 'double' };
  switch (text[i]) {
    case '“':
      return { length: 1, role: 'open', family: 'double' };
    case '”':
      return { length: 1, role: 'close', family: 'double' };
    case '"':
      return { length: 1, role: 'either', family: 'double' };
    case '„':
      return { length: 1, role: 'open', family: 'low' };
    case '«':
      return { length: 1, role: 'open', family: 'guillemet' };
    case '»':
      return { length: 1, role: 'close', family: 'guillemet' };
    default:
      return null;
  }
};

/** Does this mark close a passage opened in `family`? („ is closed by “ or ”.) */
const closes = (text: string, i: number, mark: Mark, family: Family): boolean => {
  if (family === 'low') return text[i] === '“' || text[i] === '”' || text[i] === '"';
  if (family === 'guillemet') return mark.family === 'guillemet' && mark.role === 'close';
  return mark.family === 'double' && mark.role !== 'open';
};

/** An opening mark starts a word: a " after a digit or letter is an inch mark or a typo, not a quote. */
const canOpen = (text: string, i: number): boolean => i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1]);

export type MarkEvent =
  | { kind: 'open'; at: number; length: number }
  | { kind: 'close'; at: number; length: number; openedAt: number; openLength: number };

export type MarkReader = {
  /** The mark at `i` applied to the state (null when there is none, or a stray closing mark). `length` is how far to skip. */
  read(text: string, i: number): { event: MarkEvent | null; length: number } | null;
  /** Would the mark at `i` close the open passage? (Used to absorb closing marks after a full stop.) */
  closesAt(text: string, i: number): boolean;
  /** The open passage, if any. */
  readonly open: { at: number; length: number } | null;
};

export const createMarkReader = (): MarkReader => {
  let open: { at: number; length: number; family: Family } | null = null;
  return {
    get open() {
      return open;
    },
    closesAt(text, i) {
      const mark = markAt(text, i);
      return mark !== null && open !== null && closes(text, i, mark, open.family);
    },
    read(text, i) {
      const mark = markAt(text, i);
      if (!mark) return null;
      if (open && closes(text, i, mark, open.family)) {
        const event: MarkEvent = { kind: 'close', at: i, length: mark.length, openedAt: open.at, openLength: open.length };
        open = null;
        return { event, length: mark.length };
      }
      // a second opening mark before any close: the first one was stray (or a paragraph left open), start again here
      if (mark.role !== 'close' && (!open || open.family === mark.family) && canOpen(text, i)) {
        open = { at: i, length: mark.length, family: mark.family };
        return { event: { kind: 'open', at: i, length: mark.length }, length: mark.length };
      }
      return { event: null, length: mark.length };
    },
  };
};
