import type { HeaderActionComponent, HeaderActionProps } from '@strapi/content-manager/strapi-admin';
import { isUnderWorkflow, useWorkflowConfig } from '../hooks/useWorkflowConfig';
import { useGetWorkflowStatusQuery } from '../services/api';
import { StateBadge } from './StateBadge';

/** Subscribes to the status itself: the header's description is only re-read when the browser is idle. */
const HeaderStateBadge = ({ uid, documentId }: { uid: string; documentId: string }) => {
  const { data: config } = useWorkflowConfig();
  const status = useGetWorkflowStatusQuery({ uid, documentId });
  if (!status.data) return null;
  return (
    <span title={status.data.live ? 'A version of this story is live on the public site.' : 'No version of this story is public.'}>
      <StateBadge config={config} state={status.data.state} legalHold={status.data.legalHold} testId="editorial-workflow-state" />
    </span>
  );
};

/**
 * The workflow state in the edit view's header: the ONE state indicator, visible
 * at any width (the side panels move into a drawer on narrow screens). It reads
 * the same cached query as the panel, so both change together after an action
 * or a save.
 */
export const HeaderState: HeaderActionComponent = ({ model, documentId }: HeaderActionProps) => {
  const { data: config } = useWorkflowConfig();
  if (!documentId || !isUnderWorkflow(config, model)) return null;
  return { label: 'Workflow state', _status: { message: <HeaderStateBadge uid={model} documentId={documentId} /> } };
};
