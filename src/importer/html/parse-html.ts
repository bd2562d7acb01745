/**
 * parseHtmlStory: a saved news page → StoryBundle. The article text comes from
 * Readability (extract-article.ts), the header facts from the page's own
 * metadata; both then go through the same parser as scraped text, so quotes,
 * people and flags follow one set of rules whatever the input form.
 *
 * What the page's layout shows is not story text is taken out here and kept in
 * the bundle's `removed` audit trail: captions and media placeholders inside
 * figures, blocks that are almost all link text (links to other stories), and
 * an author's bio line at the foot ("<author> covers the White House. …").
 */
import type { ParseOptions, RemovedBlock, StoryBundle } from '../types';
import { parseStory } from '../parse';
import { parseAuthorList } from '../parse/byline';
import { escapeRegExp } from '../parse/text';
import { extractArticle, type ExtractedBlock } from './extract-article';

/** A block this much link text is a link, not a paragraph. */
const LINK_BLOCK_DENSITY = 0.75;
const BYLINE_LINE = /^by\s+/i;

const authorBio = (authors: readonly string[]): RegExp | null =>
  authors.length === 0
    ? null
    : new RegExp(`^(?:${authors.map(escapeRegExp).join('|')})\\s+(?:covers|writes|reports|is\\s+an?|has\\s+(?:covered|written|been)|joined)\\b`, 'i');

const removal = (block: ExtractedBlock, bio: RegExp | null): RemovedBlock | null => {
  if (block.inFigure) return { kind: 'caption', text: block.text, reason: 'figure or media caption on the page, not the story text' };
  if (block.linkDensity >= LINK_BLOCK_DENSITY && !BYLINE_LINE.test(block.text)) {
    return { kind: 'related_link', text: block.text, reason: 'link to another story (the block is almost all link text)' };
  }
  if (bio?.test(block.text)) return { kind: 'author_bio', text: block.text, reason: "the author's biography line at the foot of the page" };
  return null;
};

export const parseHtmlStory = (html: string, opts: ParseOptions = {}): StoryBundle => {
  const { metadata, byline, blocks } = extractArticle(html);
  const authorEntries = metadata.authors.length > 0 ? metadata.authors : byline ? [byline] : [];
  const authors = parseAuthorList(authorEntries);
  const bio = authorBio(authors.people);
  const removed: RemovedBlock[] = [];
  const kept: string[] = [];
  for (const block of blocks) {
    const out = removal(block, bio);
    if (out) removed.push(out);
    else kept.push(block.text);
  }
  const headline = metadata.headline ?? '';
  // the headline first (the parser reads it from there), then the article's own blocks
  const text = [headline, ...kept].filter(Boolean).join('\n\n');
  return parseStory(text, {
    ...opts,
    page: {
      headline: headline || undefined,
      authors: [...authors.people, ...authors.organizations],
      section: metadata.section,
      datePublished: metadata.datePublished,
      imageCaption: metadata.imageCaption,
      siteName: metadata.siteName,
      canonicalUrl: metadata.canonicalUrl,
      removed,
    },
  });
};
