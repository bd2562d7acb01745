/**
 * parseHtmlStory: a saved news page → StoryBundle. The article text comes from
 * Readability (extract-article.ts), the header facts from the page's own
 * metadata; both then go through the same parser as scraped text, so quotes,
 * people and flags follow one set of rules whatever the input form.
 */
import type { ParseOptions, StoryBundle } from '../types';
import { parseStory } from '../parse';
import { extractArticle } from './extract-article';

export const parseHtmlStory = (html: string, opts: ParseOptions = {}): StoryBundle => {
  const { metadata, byline, blocks } = extractArticle(html);
  const authors = metadata.authors.length > 0 ? metadata.authors : byline ? [byline] : [];
  const headline = metadata.headline ?? '';
  // the headline first (the parser reads it from there), then the article's own blocks
  const text = [headline, ...blocks.map((block) => block.text)].filter(Boolean).join('\n\n');
  return parseStory(text, {
    ...opts,
    page: {
      headline: headline || undefined,
      authors,
      section: metadata.section,
      datePublished: metadata.datePublished,
      imageCaption: metadata.imageCaption,
      siteName: metadata.siteName,
    },
  });
};
