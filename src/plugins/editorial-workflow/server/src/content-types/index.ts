import history from './history';
import note from './note';
import tokenOwner from './token-owner';
import workflowState from './workflow-state';

export default {
  'workflow-state': workflowState,
  history,
  note,
  'token-owner': tokenOwner,
};
