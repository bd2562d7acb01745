/** The public contract: readable without credentials (it describes only public routes). */
export default {
  routes: [{ method: 'GET', path: '/openapi.json', handler: 'api::article.openapi.document', config: { auth: false } }],
};
