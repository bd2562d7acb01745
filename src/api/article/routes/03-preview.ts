/**
 * Draft preview. Needs the permission to read one article (the Public role has it), so its
 * output is sanitised exactly like a public read; the signed, expiring preview token in the
 * request is the credential for the draft, checked by the handler (404 without it, 401 if invalid).
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/preview/articles/:documentId',
      handler: 'api::article.preview.article',
      config: { auth: { scope: ['api::article.article.findOne'] } },
    },
  ],
};
