/**
 * Reject input that is not a scraped text story before any parsing happens:
 * empty files and binary junk (NUL bytes, mostly non-printable characters,
 * or text that failed UTF-8 decoding) fail with the file name in the message.
 */
import { PARSE_MESSAGES } from '../constants';

/** Share of non-printable characters above which the input is treated as binary. */
export const MAX_NON_PRINTABLE_RATIO = 0.05;

export class StoryParseError extends Error {
  readonly file: string;

  constructor(file: string, reason: string) {
    super(`parseStory(${file}): ${reason}`);
    this.name = 'StoryParseError';
    this.file = file;
  }
}

export const assertReadableText = (raw: unknown, file: string): string => {
  if (typeof raw !== 'string') throw new StoryParseError(file, PARSE_MESSAGES.notAString);
  const text = raw.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new StoryParseError(file, PARSE_MESSAGES.empty);

  const nul = text.split('\u0000').length - 1;
  // C0/C1 controls other than tab/newline/carriage return/form feed, plus U+FFFD (failed UTF-8 decoding)
  // eslint-disable-next-line no-control-regex
  const nonPrintable = (text.match(/[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFFFD]/g) ?? []).length;
  const ratio = nonPrintable / text.length;
  if (nul > 0 || ratio > MAX_NON_PRINTABLE_RATIO) {
    throw new StoryParseError(
      file,
      `${PARSE_MESSAGES.binary} (${nul} NUL character(s), ${Math.round(ratio * 100)}% non-printable characters)`,
    );
  }
  return text;
};
