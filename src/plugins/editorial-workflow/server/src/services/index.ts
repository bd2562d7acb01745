import actors from './actors';
import assignees from './assignees';
import cascade from './cascade';
import contentGuard from './content-guard';
import gate from './gate';
import history from './history';
import notes from './notes';
import ownership from './ownership';
import publishChecks from './publish-checks';
import roles from './roles';
import scheduler from './scheduler';
import settings from './settings';
import versions from './versions';
import workflow from './workflow';

export default {
  settings,
  actors,
  history,
  notes,
  cascade,
  workflow,
  gate,
  'content-guard': contentGuard,
  versions,
  'publish-checks': publishChecks,
  roles,
  ownership,
  assignees,
  scheduler,
};
