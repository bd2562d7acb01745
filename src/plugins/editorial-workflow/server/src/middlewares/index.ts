import workflowTarget from './workflow-target';

export default {
  'workflow-target': workflowTarget,
};
