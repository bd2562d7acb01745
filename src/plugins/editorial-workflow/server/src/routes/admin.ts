const TARGET = 'plugin::editorial-workflow.workflow-target';
const authenticated = { policies: ['admin::isAuthenticatedAdmin'] };
const onDocument = { ...authenticated, middlewares: [TARGET] };
/** Reads of one document's workflow content: also the reader's row-level conditions (middlewares/document-reader.ts). */
const readingDocument = { ...authenticated, middlewares: [TARGET, 'plugin::editorial-workflow.document-reader'] };

/**
 * Admin routes, mounted at /editorial-workflow/... for the admin panel (admin JWT).
 * Role rules are the workflow's (services/workflow.ts); reading needs the
 * content-manager read permission on the type (middlewares/workflow-target.ts).
 * History has no update or delete route, by design.
 */
export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/config', handler: 'workflow.config', config: authenticated },
    { method: 'GET', path: '/assigned-to-me', handler: 'workflow.assignedToMe', config: onDocument },
    { method: 'GET', path: '/states', handler: 'workflow.states', config: onDocument },
    { method: 'GET', path: '/documents/:uid/:documentId', handler: 'workflow.findOne', config: onDocument },
    { method: 'POST', path: '/documents/:uid/:documentId/transitions', handler: 'workflow.transition', config: onDocument },
    { method: 'GET', path: '/documents/:uid/:documentId/history', handler: 'workflow.history', config: readingDocument },
    { method: 'GET', path: '/documents/:uid/:documentId/versions', handler: 'workflow.versions', config: readingDocument },
    { method: 'GET', path: '/documents/:uid/:documentId/compare', handler: 'workflow.compare', config: readingDocument },
    { method: 'GET', path: '/documents/:uid/:documentId/diff', handler: 'workflow.diff', config: readingDocument },
    { method: 'PUT', path: '/documents/:uid/:documentId/assignment', handler: 'workflow.assign', config: onDocument },
    { method: 'GET', path: '/documents/:uid/:documentId/notes', handler: 'notes.find', config: readingDocument },
    { method: 'POST', path: '/documents/:uid/:documentId/notes', handler: 'notes.create', config: onDocument },
    { method: 'PATCH', path: '/notes/:id', handler: 'notes.update', config: authenticated },
    { method: 'GET', path: '/assignees', handler: 'assignees.find', config: authenticated },
    { method: 'POST', path: '/bulk/:uid/transitions', handler: 'bulk.transition', config: onDocument },
  ],
};
