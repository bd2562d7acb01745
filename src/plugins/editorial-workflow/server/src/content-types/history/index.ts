import { INTERNAL_CONTENT_TYPE, TARGET_ATTRIBUTES } from '../internal';

/** Append-only audit trail: one row per transition. No route or service updates or deletes it. */
export default {
  schema: {
    ...INTERNAL_CONTENT_TYPE,
    collectionName: 'editorial_workflow_history',
    info: {
      singularName: 'history',
      pluralName: 'histories',
      displayName: 'Editorial workflow history',
      description: 'Append-only record of workflow transitions (written only by the editorial-workflow plugin)',
    },
    attributes: {
      ...TARGET_ATTRIBUTES,
      action: { type: 'string', required: true, configurable: false },
      fromState: { type: 'string', required: true, configurable: false },
      toState: { type: 'string', required: true, configurable: false },
      actorKey: { type: 'string', required: true, configurable: false },
      actorId: { type: 'integer', configurable: false },
      actorKind: { type: 'string', configurable: false },
      actorName: { type: 'string', configurable: false },
      comment: { type: 'text', configurable: false },
      details: { type: 'json', configurable: false },
      /** The draft's updatedAt when the transition happened. */
      contentVersion: { type: 'string', configurable: false },
      /** The workflow row's revision after the transition. */
      revision: { type: 'integer', configurable: false },
      occurredAt: { type: 'datetime', required: true, configurable: false },
    },
  },
};
