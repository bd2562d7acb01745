/**
 * Feeds and sitemaps: public, cached and purged like the article page (docs/frontends.md).
 * They list articles, so they need the permission to list articles (`find`): the Public role,
 * read-only API tokens and any token allowed to list articles read them.
 */
const route = (path: string, action: string) => ({
  method: 'GET',
  path,
  handler: `api::article.feeds.${action}`,
  config: { auth: { scope: ['api::article.article.find'] } },
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
