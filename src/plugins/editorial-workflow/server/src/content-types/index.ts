import history from './history';
import note from './note';
import workflowState from './workflow-state';

export default {
  'workflow-state': workflowState,
  history,
  note,
};
