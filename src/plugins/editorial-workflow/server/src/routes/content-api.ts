const TARGET = 'plugin::editorial-workflow.workflow-target';

/**
 * Content-API routes for integrations, mounted at /api/editorial-workflow/...
 * Guarded by Strapi's content-API auth: an API token needs the route's
 * permission (read-only tokens: findOne only); the Public role is granted
 * nothing here. How a token maps to a workflow role: services/actors.ts.
 */
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/documents/:uid/:documentId', handler: 'integration.findOne', config: { middlewares: [TARGET] } },
    { method: 'POST', path: '/documents/:uid/:documentId/transitions', handler: 'integration.transition', config: { middlewares: [TARGET] } },
    { method: 'GET', path: '/whoami', handler: 'integration.actAsEditor', config: {} },
  ],
};
