/** Review notes: threaded (parentId), resolvable; `code` marks machine-generated flags (e.g. the importer's). */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'editorial_workflow_notes',
    info: {
      singularName: 'note',
      pluralName: 'notes',
      displayName: 'Editorial review note',
      description: 'Review notes on documents under the editorial workflow',
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      targetUid: { type: 'string', required: true, configurable: false },
      targetDocumentId: { type: 'string', required: true, configurable: false },
      parentId: { type: 'integer', configurable: false },
      body: { type: 'text', required: true, configurable: false },
      resolved: { type: 'boolean', default: false, configurable: false },
      resolvedBy: { type: 'string', configurable: false },
      resolvedByName: { type: 'string', configurable: false },
      resolvedAt: { type: 'datetime', configurable: false },
      authorKey: { type: 'string', required: true, configurable: false },
      authorName: { type: 'string', configurable: false },
      code: { type: 'string', configurable: false },
      path: { type: 'string', configurable: false },
      excerpt: { type: 'text', configurable: false },
      /** Identity of a system note: (code, path, excerpt); unique per document (database/migrations). */
      fingerprint: { type: 'string', configurable: false },
    },
  },
};
