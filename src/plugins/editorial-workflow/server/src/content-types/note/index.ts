import { INTERNAL_CONTENT_TYPE, TARGET_ATTRIBUTES } from '../internal';

/** Review notes: threaded (parentId), resolvable; `code` marks machine-generated flags (e.g. the importer's). */
export default {
  schema: {
    ...INTERNAL_CONTENT_TYPE,
    collectionName: 'editorial_workflow_notes',
    info: {
      singularName: 'note',
      pluralName: 'notes',
      displayName: 'Editorial review note',
      description: 'Review notes on documents under the editorial workflow',
    },
    attributes: {
      ...TARGET_ATTRIBUTES,
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
      /** Identity of a system note: (code, path, excerpt); unique per document (migrations/indexes.ts). */
      fingerprint: { type: 'string', configurable: false },
    },
  },
};
