import type { State, WorkflowConfig } from '../contracts';
import { useGetWorkflowConfigQuery } from '../services/api';

let known: WorkflowConfig | null = null;

/** The configuration last loaded, for code that runs outside React (the list's column hook). */
export const lastConfig = (): WorkflowConfig | null => known;

/** The server's workflow configuration (types under the workflow, states and their colours, actions). */
export const useWorkflowConfig = () => {
  const result = useGetWorkflowConfigQuery(undefined, { refetchOnMountOrArgChange: false });
  if (result.data) known = result.data;
  return result;
};

export const isUnderWorkflow = (config: WorkflowConfig | null | undefined, uid: string | undefined | null): boolean =>
  !!config && !!uid && config.contentTypes.some((contentType) => contentType.uid === uid);

export const stateMeta = (config: WorkflowConfig | null | undefined, state: string) => {
  const found = config?.states.find((candidate) => candidate.state === state);
  return found ?? { state: state as State, label: state.replace(/_/g, ' '), color: '#8e8ea9' };
};
