export default {
  routes: [
    {
      method: 'GET',
      path: '/articles/slug/:slug',
      handler: 'api::article.article.findBySlug',
      config: { auth: { scope: ['api::article.article.findBySlug'] } },
    },
  ],
};
