import actors from './actors';
import assignees from './assignees';
import bulk from './bulk';
import cascade from './cascade';
import contentGuard from './content-guard';
import embargo from './embargo';
import gate from './gate';
import history from './history';
import notes from './notes';
import ownership from './ownership';
import publishChecks from './publish-checks';
import quotePolicy from './quote-policy';
import roles from './roles';
import scheduler from './scheduler';
import settings from './settings';
import stateLists from './state-lists';
import tokenOwners from './token-owners';
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
  tokenOwners,
  quotePolicy,
  embargo,
  bulk,
  stateLists,
};
