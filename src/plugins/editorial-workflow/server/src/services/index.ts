import actors from './actors';
import assignees from './assignees';
import cascade from './cascade';
import gate from './gate';
import history from './history';
import notes from './notes';
import ownership from './ownership';
import roles from './roles';
import scheduler from './scheduler';
import settings from './settings';
import workflow from './workflow';

export default {
  settings,
  actors,
  history,
  notes,
  cascade,
  workflow,
  gate,
  roles,
  ownership,
  assignees,
  scheduler,
};
