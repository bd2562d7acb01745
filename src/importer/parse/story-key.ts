import crypto from 'crypto';
import { slugify } from './text';

/**
 * The part of an article's import URI (`urn:newsroom:<agency>:<key>`) that
 * names the story. Re-importing the same story must find the same article;
 * two different stories must never share one, or the second import
 * overwrites the first article and its quotes.
 *
 * - A saved web page names itself: its canonical URL (host and path) is the
 *   key, whatever the file is called. Saved pages are often all called
 *   `index.html` or `source.html`; a file name would make them one story.
 *   A canonical URL that names no single article (a site's front or a
 *   section, e.g. `//us.yahoo.com/news/`) is not used.
 * - Otherwise a page is keyed by its headline, and a raw text story by its
 *   file name (the wire's own story names, as in the seed), else its headline.
 */

/** Shorter paths are a site's front or a section, not one article. */
const MIN_ARTICLE_PATH = 16;
const MAX_KEY = 150;

export const canonicalKey = (url: string | undefined): string | null => {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.startsWith('//') ? `https:${url}` : url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const path = parsed.pathname.replace(/^\/+|\/+$/g, '');
  if (path.length < MIN_ARTICLE_PATH) return null;
  const key = slugify(`${parsed.hostname.replace(/^www\./, '')} ${path}`);
  if (key.length <= MAX_KEY) return key;
  // long URLs: a readable start and a hash of the whole, still one key per URL
  const hash = crypto.createHash('sha256').update(key).digest('hex').slice(0, 10);
  return `${key.slice(0, MAX_KEY - 11).replace(/-+$/, '')}-${hash}`;
};

export const storyKey = (facts: { canonicalUrl?: string; fromPage: boolean; fileStem: string; headlineSlug: string }): string =>
  canonicalKey(facts.canonicalUrl) ?? ((facts.fromPage ? '' : facts.fileStem) || facts.headlineSlug);
