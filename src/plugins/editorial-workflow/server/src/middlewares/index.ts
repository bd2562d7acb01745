import documentReader from './document-reader';
import workflowTarget from './workflow-target';

export default {
  'workflow-target': workflowTarget,
  'document-reader': documentReader,
};
