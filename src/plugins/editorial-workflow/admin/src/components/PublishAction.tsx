import type { DocumentActionComponent, DocumentActionProps } from '@strapi/content-manager/strapi-admin';
import { useForm, useNotification } from '@strapi/strapi/admin';
import { isUnderWorkflow, useWorkflowConfig } from '../hooks/useWorkflowConfig';
import { useRunTransition } from '../hooks/useRunTransition';

/**
 * Strapi's own Publish button, for documents under the workflow: it asks the
 * workflow to publish the saved draft, so the server decides (before approval it
 * refuses with the workflow's message; with open publish checks it says so and
 * points to the panel, where an Editor can give an override reason). Unsaved
 * edits must be saved (and so reviewed) first. Other types keep Strapi's behaviour.
 */
export const wrapPublishAction = (Original: DocumentActionComponent): DocumentActionComponent => {
  const WorkflowPublishAction: DocumentActionComponent = (props: DocumentActionProps) => {
    const description = Original(props);
    const { data: config } = useWorkflowConfig();
    const enabled = !!props.documentId && isUnderWorkflow(config, props.model);
    const modified = useForm('EditorialWorkflowPublish', (state) => state.modified);
    const { toggleNotification } = useNotification();
    const { status, run, running } = useRunTransition(props.model, props.documentId, enabled);

    if (!description || !enabled) return description;
    const state = status.data?.state;
    const blockers = status.data?.publishBlockers ?? [];
    return {
      ...description,
      dialog: undefined,
      loading: description.loading || running === 'publish',
      onClick: async () => {
        if (modified) {
          toggleNotification({ type: 'warning', title: 'Save first', message: 'You have unsaved changes. Save the draft first: the workflow publishes the saved, reviewed draft.' });
          return true;
        }
        if (state === 'correcting') {
          toggleNotification({ type: 'info', message: 'This story is being corrected: use “Publish correction” in the Editorial workflow panel (it shows the changes and asks correction or update).' });
          return true;
        }
        if (blockers.length) {
          toggleNotification({
            type: 'warning',
            title: 'Publishing is blocked',
            message: `${blockers.map((blocker) => blocker.message).join(' ')} Use “Publish” in the Editorial workflow panel to give an override reason.`,
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
