import type { HeaderActionComponent, HeaderActionProps } from '@strapi/content-manager/strapi-admin';
import { isUnderWorkflow, useWorkflowConfig } from '../hooks/useWorkflowConfig';
import { useGetWorkflowStatusQuery } from '../services/api';
import { StateBadge } from './StateBadge';

/**
 * The workflow state in the edit view's header: the ONE state indicator, visible
 * at any width (the side panels move into a drawer on narrow screens). It comes
 * from the same cached query as the panel, so both change together after an
 * action or a save.
 */
export const HeaderState: HeaderActionComponent = ({ model, documentId }: HeaderActionProps) => {
  const { data: config } = useWorkflowConfig();
  const enabled = !!documentId && isUnderWorkflow(config, model);
  const status = useGetWorkflowStatusQuery({ uid: model, documentId: documentId ?? '' }, { skip: !enabled });
  if (!enabled || !status.data) return null;
  const live = status.data.live;
  return {
    label: 'Workflow state',
    _status: {
      message: <StateBadge config={config} state={status.data.state} legalHold={status.data.legalHold} testId="editorial-workflow-state" />,
      tooltip:
        live === undefined ? undefined : live ? 'A version of this story is live on the public site.' : 'No version of this story is public.',
    },
  };
};
