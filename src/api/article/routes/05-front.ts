/**
 * The article list for fronts (src/delivery/front-list.ts): newest first, by
 * section, from the stored page summaries. A list: it needs `find` on articles.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/fronts/articles',
      handler: 'api::article.article.front',
      config: { auth: { scope: ['api::article.article.find'] } },
    },
  ],
};
