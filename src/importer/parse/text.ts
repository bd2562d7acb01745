/**
 * Text primitives shared by the parse steps: normalisation, block and sentence
 * splitting, quote spans, slugs and contact-detail redaction.
 */

import { createMarkReader } from './quote-marks';

/** Normalise line endings and invisible whitespace; never touches the visible characters. */
export const normalizeText = (raw: string): string =>
  raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[ \t]+$/gm, '');

/** Collapse runs of whitespace to single spaces and trim. */
export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

export const BULLET = /^\s*[•●▪◦‣*·-]\s+/;

export const isBulletLine = (line: string): boolean => BULLET.test(line);

export const stripBullet = (line: string): string => line.replace(BULLET, '').trim();

/**
 * Split text into blocks separated by blank lines. A block made only of bullet
 * lines becomes one block per bullet; other multi-line blocks are joined.
 */
export const splitBlocks = (text: string): string[] => {
  const blocks: string[] = [];
  for (const chunk of text.split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    if (lines.length === 0) continue;
    if (lines.length > 1 && lines.every(isBulletLine)) blocks.push(...lines);
    else blocks.push(squash(lines.join(' ')));
  }
  return blocks;
};

export const wordCount = (text: string): number => (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).length;

const ABBREVIATION = /(?:\b(?:[A-Z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Maj|Capt|Co|Ltd|Inc|No|Jr|Sr|vs|etc)\.)$/;

/**
 * Split a paragraph into sentences. Never splits inside a quoted passage (any
 * typography, quote-marks.ts); a sentence may end just after a closing quote
 * (`…approach.” “repression”.`, `…years,’’ Smith said.`).
 */
export const splitSentences = (paragraph: string): string[] => {
  const sentences: string[] = [];
  const marks = createMarkReader();
  let start = 0;
  let i = 0;
  while (i < paragraph.length) {
    const mark = marks.read(paragraph, i);
    if (mark) {
      i += mark.length;
      continue;
    }
    const ch = paragraph[i];
    if (/[.!?…]/.test(ch)) {
      let j = i + 1;
      // absorb closing quotes / brackets that end the sentence together with the stop
      while (j < paragraph.length) {
        if (marks.closesAt(paragraph, j)) j += marks.read(paragraph, j)?.length ?? 1;
        else if (/[’)\]]/.test(paragraph[j])) j += 1;
        else break;
      }
      const followedByBoundary = /^\s+[“"‘„«(\p{Lu}\p{N}]/u.test(paragraph.slice(j));
      const abbreviation = ch === '.' && j === i + 1 && ABBREVIATION.test(paragraph.slice(start, i + 1));
      if (!marks.open && !abbreviation && (followedByBoundary || j >= paragraph.length)) {
        sentences.push(paragraph.slice(start, j).trim());
        start = j;
      }
      i = j;
      continue;
    }
    i += 1;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
};

export type QuoteSpan = {
  /** Index of the opening mark. */
  start: number;
  /** Index just after the closing mark. */
  end: number;
  /** The text between the marks. */
  inner: string;
};

/**
 * Quoted passages in order, in any typography (quote-marks.ts). A passage still
 * open at the end runs to the end: the convention for speech that continues in
 * the next paragraph (which opens with a new mark).
 */
export const findQuoteSpans = (sentence: string): QuoteSpan[] => {
  const spans: QuoteSpan[] = [];
  const marks = createMarkReader();
  for (let i = 0; i < sentence.length; ) {
    const mark = marks.read(sentence, i);
    if (!mark) {
      i += 1;
      continue;
    }
    const { event } = mark;
    if (event?.kind === 'close') {
      spans.push({ start: event.openedAt, end: event.at + event.length, inner: sentence.slice(event.openedAt + event.openLength, event.at) });
    }
    i += mark.length;
  }
  const open = marks.open;
  if (open && /[\p{L}\p{N}]/u.test(sentence.slice(open.at + open.length))) {
    spans.push({ start: open.at, end: sentence.length, inner: sentence.slice(open.at + open.length).trimEnd() });
  }
  return spans;
};

/** The sentence with every quoted passage (marks included) blanked to spaces: positions are preserved. */
export const maskQuotes = (sentence: string, spans: readonly QuoteSpan[] = findQuoteSpans(sentence)): string => {
  let masked = sentence;
  for (const span of spans) {
    masked = masked.slice(0, span.start) + ' '.repeat(span.end - span.start) + masked.slice(span.end);
  }
  return masked;
};

/** Strip one pair of wrapping quotation marks, if the whole text is quoted. */
export const stripWrappingQuotes = (text: string): string => {
  const trimmed = text.trim();
  const match = /^[“"](.*)[”"]$/.exec(trimmed);
  return match && !/[“”"]/.test(match[1]) ? match[1].trim() : trimmed;
};

export const slugify = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** Typographic apostrophes to ASCII, for derived metadata (never for story text). */
export const plainApostrophes = (text: string): string => text.replace(/[’‘]/g, "'");

export const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
export const PHONE = /(?:\+?\d{1,3}[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/g;

export const containsContactDetails = (text: string): boolean => {
  EMAIL.lastIndex = 0;
  PHONE.lastIndex = 0;
  const found = EMAIL.test(text) || PHONE.test(text);
  EMAIL.lastIndex = 0;
  PHONE.lastIndex = 0;
  return found;
};

/** Replace e-mail addresses and phone numbers: they are never stored, not even in the audit trail. */
export const redactContactDetails = (text: string): string =>
  text.replace(EMAIL, '[e-mail redacted]').replace(PHONE, '[phone redacted]');

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const truncate = (text: string, max = 80): string => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);
