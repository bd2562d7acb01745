import { INTERNAL_CONTENT_TYPE, TARGET_ATTRIBUTES } from '../internal';
import { STATES } from '../../constants';

/** One row per document under the workflow: its state and the facts the rules need. */
export default {
  schema: {
    ...INTERNAL_CONTENT_TYPE,
    collectionName: 'editorial_workflow_states',
    info: {
      singularName: 'workflow-state',
      pluralName: 'workflow-states',
      displayName: 'Editorial workflow state',
      description: 'Workflow state of one document (written only by the editorial-workflow plugin)',
    },
    attributes: {
      ...TARGET_ATTRIBUTES,
      state: { type: 'enumeration', enum: [...STATES], default: 'draft', required: true, configurable: false },
      /** Compare-and-set counter: bumped by every transition. */
      revision: { type: 'integer', default: 0, required: true, configurable: false },
      assigneeId: { type: 'integer', configurable: false },
      dueDate: { type: 'datetime', configurable: false },
      legalHold: { type: 'boolean', default: false, configurable: false },
      legalHoldReason: { type: 'text', configurable: false },
      legalHoldBy: { type: 'string', configurable: false },
      submittedBy: { type: 'string', configurable: false },
      submittedByName: { type: 'string', configurable: false },
      approvedBy: { type: 'string', configurable: false },
      approvedByName: { type: 'string', configurable: false },
      correctionStartedBy: { type: 'string', configurable: false },
      correctionStartedByName: { type: 'string', configurable: false },
      scheduledPublishAt: { type: 'datetime', configurable: false },
      scheduledBy: { type: 'string', configurable: false },
      scheduledByName: { type: 'string', configurable: false },
      withdrawnAt: { type: 'datetime', configurable: false },
      withdrawalNotice: { type: 'text', configurable: false },
      /** The slug at withdrawal, so the public API can answer 410 for it even if the document is deleted later. */
      targetSlug: { type: 'string', configurable: false },
    },
  },
};
