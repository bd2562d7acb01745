import type { DocumentActionComponent, DocumentActionProps } from '@strapi/content-manager/strapi-admin';
import { useForm, useNotification } from '@strapi/strapi/admin';
import { isUnderWorkflow, useWorkflowConfig } from '../api';
import { useRunTransition } from '../hooks';

/**
 * Strapi's own Publish button, augmented for documents under the workflow.
 *
 * The original still renders (same label, place, permission checks, disabled
 * rules); what it does changes: instead of "save and publish" it asks the
 * workflow to publish the saved draft. Before approval the server refuses with
 * the workflow's message ("publish" is not possible in state "in review" …),
 * shown as a notification; unsaved edits must be saved (and so reviewed) first.
 * The content manager's draft-relations warning is dropped: the workflow
 * publishes the story together with the quotes and entities it carries.
 * Types outside the workflow get Strapi's behaviour unchanged.
 */
export const wrapPublishAction = (Original: DocumentActionComponent): DocumentActionComponent => {
  const WorkflowPublishAction: DocumentActionComponent = (props: DocumentActionProps) => {
    const description = Original(props);
    const { data: config } = useWorkflowConfig();
    const enabled = !!props.documentId && isUnderWorkflow(config, props.model);
    const modified = useForm('EditorialWorkflowPublish', (state) => state.modified);
    const { toggleNotification } = useNotification();
    const { status, run, running } = useRunTransition(props.model, props.documentId, props.collectionType, enabled);

    if (!description || !enabled) return description;
    const state = status.data?.state;
    return {
      ...description,
      dialog: undefined,
      loading: description.loading || running === 'publish',
      onClick: async () => {
        if (modified) {
          toggleNotification({
            type: 'warning',
            title: 'Save first',
            message: 'You have unsaved changes. Save the draft first: the workflow publishes the saved, reviewed draft.',
          });
          return true;
        }
        if (state === 'correcting') {
          toggleNotification({
            type: 'info',
            message: 'This story is being corrected: use “Publish correction” in the Editorial workflow panel (it asks for the correction note).',
          });
          return true;
        }
        await run({ action: 'publish' });
        return true;
      },
    };
  };
  WorkflowPublishAction.type = 'publish';
  WorkflowPublishAction.position = Original.position;
  return WorkflowPublishAction;
};
