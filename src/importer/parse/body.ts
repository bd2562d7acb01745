/**
 * The story body as Strapi blocks. The first paragraph is the standfirst and is
 * not repeated in the body. Subheads ("“Rapidly locating a target”") become
 * level-2 headings without their quotation marks. Paragraph text is kept
 * verbatim — including machine-translation errors, which are flagged for an
 * editor rather than silently rewritten.
 */
import type { Block, HeadingBlock, ParagraphBlock } from '../types';
import { squash, stripWrappingQuotes, wordCount } from './text';

const MAX_SUBHEAD_WORDS = 10;

/** A subhead: a short line wrapped in quotes, or a short line with no sentence punctuation. */
export const isSubhead = (text: string): boolean => {
  const trimmed = text.trim();
  if (wordCount(trimmed) === 0 || wordCount(trimmed) > MAX_SUBHEAD_WORDS) return false;
  if (/^[“"][^“”"]+[”"]$/.test(trimmed)) return !/[.!?,;:]$/.test(stripWrappingQuotes(trimmed));
  return wordCount(trimmed) <= 8 && !/[.!?,;:…”"]/.test(trimmed) && /^\p{Lu}/u.test(trimmed);
};

export const paragraph = (text: string): ParagraphBlock => ({ type: 'paragraph', children: [{ type: 'text', text: squash(text) }] });

export const heading = (text: string, level: HeadingBlock['level'] = 2): HeadingBlock => ({
  type: 'heading',
  level,
  children: [{ type: 'text', text: stripWrappingQuotes(squash(text)) }],
});

export type BodyInput = { role: 'heading' | 'paragraph'; text: string };

export type Body = { standfirst: string; blocks: Block[] };

/** Split story blocks into the standfirst (first paragraph) and the body blocks that follow it. */
export const buildBody = (items: readonly BodyInput[]): Body => {
  const first = items.findIndex((item) => item.role === 'paragraph');
  if (first < 0) return { standfirst: '', blocks: [] };
  const blocks = items
    .filter((_, index) => index !== first)
    .map((item) => (item.role === 'heading' ? heading(item.text) : paragraph(item.text)));
  return { standfirst: squash(items[first].text), blocks };
};

/** Plain text of a block. */
export const blockText = (block: Block): string => block.children.map((child) => child.text).join('');
