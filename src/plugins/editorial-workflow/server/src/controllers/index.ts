import assignees from './assignees';
import bulk from './bulk';
import integration from './integration';
import notes from './notes';
import workflow from './workflow';

export default {
  workflow,
  notes,
  integration,
  assignees,
  bulk,
};
