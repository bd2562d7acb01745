export default {
  routes: [
    {
      method: 'GET',
      path: '/articles/slug/:slug',
      handler: 'api::article.article.findBySlug',
      // The permission to read one article: the Public role, read-only API tokens and any token with findOne read it.
      config: { auth: { scope: ['api::article.article.findOne'] } },
    },
  ],
};
