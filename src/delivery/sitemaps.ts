import { SitemapStream, streamToPromise, type SitemapItemLoose } from 'sitemap';
import type { FeedArticle } from './feed-source';
import { modificationDate, publicationDate } from './types';

/** sitemaps.org and Google News sitemaps (the kept `sitemap` library). */
const render = async (items: SitemapItemLoose[], news: boolean): Promise<string> => {
  const stream = new SitemapStream({ xmlns: { news, xhtml: false, image: false, video: false } });
  const done = streamToPromise(stream);
  for (const item of items) stream.write(item);
  stream.end();
  return (await done).toString('utf8');
};

const iso = (value: string | null | undefined): string | undefined => (value ? new Date(value).toISOString() : undefined);

export const toSitemap = (articles: FeedArticle[], articleUrl: (slug: string) => string): Promise<string> =>
  render(
    articles.map((article) => ({ url: articleUrl(article.slug), lastmod: iso(modificationDate(article)) })),
    false,
  );

/** Google News: articles published in the last 48 hours (the caller selects them), at most 1,000. */
export const toNewsSitemap = (articles: FeedArticle[], articleUrl: (slug: string) => string, publicationName: string): Promise<string> =>
  render(
    articles.slice(0, 1000).map((article) => ({
      url: articleUrl(article.slug),
      news: {
        publication: { name: publicationName, language: (article.language ?? 'en').split('-')[0].toLowerCase() },
        publication_date: iso(publicationDate(article)) ?? new Date().toISOString(),
        title: article.headline,
      },
    })),
    true,
  );
