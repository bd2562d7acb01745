const TARGET = 'plugin::editorial-workflow.workflow-target';
const authenticated = { policies: ['admin::isAuthenticatedAdmin'] };
/** Routes naming a type: it is under the workflow and the user may read it (middlewares/workflow-target.ts). */
const onType = { ...authenticated, middlewares: [TARGET] };
/** Routes naming one document: also the reader's row-level conditions (middlewares/document-reader.ts). */
const onDocument = { ...authenticated, middlewares: [TARGET, 'plugin::editorial-workflow.document-reader'] };

/**
 * Admin routes, mounted at /editorial-workflow/... for the admin panel (admin JWT).
 * Role rules are the workflow's (services/workflow.ts); everything needs the
 * content-manager read permission: on the type (middlewares/workflow-target.ts),
 * on the one document a route names (middlewares/document-reader.ts), and lists
 * answer only documents the user may read (utils/document-access.ts).
 * History has no update or delete route, by design.
 */
export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/config', handler: 'workflow.config', config: authenticated },
    { method: 'GET', path: '/assigned-to-me', handler: 'workflow.assignedToMe', config: onType },
    { method: 'GET', path: '/states', handler: 'workflow.states', config: onType },
    { method: 'GET', path: '/documents/:uid', handler: 'workflow.documentsInState', config: onType },
    { method: 'GET', path: '/documents/:uid/:documentId', handler: 'workflow.findOne', config: onDocument },
    { method: 'POST', path: '/documents/:uid/:documentId/transitions', handler: 'workflow.transition', config: onDocument },
    { method: 'GET', path: '/documents/:uid/:documentId/history', handler: 'workflow.history', config: onDocument },
    { method: 'GET', path: '/documents/:uid/:documentId/versions', handler: 'workflow.versions', config: onDocument },
    { method: 'GET', path: '/documents/:uid/:documentId/compare', handler: 'workflow.compare', config: onDocument },
    { method: 'GET', path: '/documents/:uid/:documentId/diff', handler: 'workflow.diff', config: onDocument },
    { method: 'PUT', path: '/documents/:uid/:documentId/assignment', handler: 'workflow.assign', config: onDocument },
    { method: 'GET', path: '/documents/:uid/:documentId/notes', handler: 'notes.find', config: onDocument },
    { method: 'POST', path: '/documents/:uid/:documentId/notes', handler: 'notes.create', config: onDocument },
    { method: 'PATCH', path: '/notes/:id', handler: 'notes.update', config: authenticated },
    // The same, for Strapi's admin fetch client (get/post/put/del: it has no PATCH).
    { method: 'PUT', path: '/notes/:id', handler: 'notes.update', config: authenticated },
    { method: 'GET', path: '/assignees', handler: 'assignees.find', config: authenticated },
    { method: 'POST', path: '/bulk/:uid/transitions', handler: 'bulk.transition', config: onType },
  ],
};
