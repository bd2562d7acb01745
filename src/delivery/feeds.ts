import { Feed } from 'feed';
import type { FeedArticle } from './feed-source';
import { modificationDate, publicationDate } from './types';

/**
 * RSS 2.0 and Atom 1.0 (the kept `feed` library) and JSON Feed 1.1 (built
 * here: `feed`@4 writes JSON Feed 1.0) of the newest published articles.
 */
export type FeedContext = {
  /** The feed's own URL (without the extension) and the site it describes. */
  feedUrl: string;
  siteUrl: string;
  siteName: string;
  copyright: string;
  section?: string;
  articleUrl: (slug: string) => string;
  /** Absolute URL of an upload (`/uploads/x.jpg` → `<public url>/uploads/x.jpg`). */
  mediaUrl: (url: string) => string;
};

const dateOf = (value: string | null | undefined, fallback: Date): Date => {
  const date = value ? new Date(value) : fallback;
  return Number.isNaN(date.getTime()) ? fallback : date;
};

const titleOf = (fc: FeedContext) => (fc.section ? `${fc.siteName} — ${fc.section}` : fc.siteName);

const buildFeed = (articles: FeedArticle[], fc: FeedContext): Feed => {
  const epoch = new Date(0);
  const updated = articles.reduce((latest, a) => {
    const date = dateOf(modificationDate(a), epoch);
    return date > latest ? date : latest;
  }, epoch);
  const feed = new Feed({
    id: fc.feedUrl,
    title: titleOf(fc),
    description: `Latest articles from ${titleOf(fc)}`,
    link: fc.siteUrl,
    language: 'en',
    updated,
    generator: 'Newsroom',
    copyright: fc.copyright,
    feedLinks: { rss: `${fc.feedUrl}.rss`, atom: `${fc.feedUrl}.atom`, json: `${fc.feedUrl}.json` },
  });
  for (const article of articles) {
    const link = fc.articleUrl(article.slug);
    const image = article.leadImage?.image;
    feed.addItem({
      title: article.headline,
      id: link,
      link,
      guid: link,
      description: article.standfirst ?? undefined,
      date: dateOf(modificationDate(article), epoch),
      published: dateOf(publicationDate(article), epoch),
      author: article.byline ? [{ name: article.byline }] : undefined,
      category: article.section ? [{ name: article.section }] : undefined,
      enclosure: image?.url ? { url: fc.mediaUrl(image.url), type: image.mime ?? 'image/jpeg', length: Math.round((image.size ?? 0) * 1024) } : undefined,
    });
  }
  return feed;
};

export const toRss = (articles: FeedArticle[], fc: FeedContext): string => buildFeed(articles, fc).rss2();

export const toAtom = (articles: FeedArticle[], fc: FeedContext): string => buildFeed(articles, fc).atom1();

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export const toJsonFeed = (articles: FeedArticle[], fc: FeedContext): Record<string, unknown> => ({
  version: 'https://jsonfeed.org/version/1.1',
  title: titleOf(fc),
  home_page_url: fc.siteUrl,
  feed_url: `${fc.feedUrl}.json`,
  description: `Latest articles from ${titleOf(fc)}`,
  language: 'en',
  items: articles.map((article) => {
    const url = fc.articleUrl(article.slug);
    const image = article.leadImage?.image?.url ? fc.mediaUrl(article.leadImage.image.url) : undefined;
    return Object.fromEntries(
      Object.entries({
        id: url,
        url,
        title: article.headline,
        summary: article.standfirst ?? undefined,
        content_text: article.standfirst ?? article.headline,
        image,
        date_published: dateOf(publicationDate(article), new Date(0)).toISOString(),
        date_modified: dateOf(modificationDate(article), new Date(0)).toISOString(),
        authors: article.byline ? [{ name: article.byline }] : undefined,
        tags: article.section ? [article.section] : undefined,
        language: article.language ?? undefined,
      }).filter(([, value]) => value !== undefined),
    );
  }),
});
