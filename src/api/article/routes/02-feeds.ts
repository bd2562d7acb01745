/** Feeds and sitemaps: public, cached and purged like the article page (docs/frontends.md). */
const route = (path: string, action: string) => ({
  method: 'GET',
  path,
  handler: `api::article.feeds.${action}`,
  config: { auth: { scope: [`api::article.feeds.${action}`] } },
});

export default {
  routes: [
    route('/feeds/articles.rss', 'rss'),
    route('/feeds/articles.atom', 'atom'),
    route('/feeds/articles.json', 'json'),
    route('/feeds/articles.ninjs', 'ninjs'),
    route('/sitemap.xml', 'sitemap'),
    route('/news-sitemap.xml', 'newsSitemap'),
  ],
};
