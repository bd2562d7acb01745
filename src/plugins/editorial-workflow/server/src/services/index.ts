import actors from './actors';
import cascade from './cascade';
import gate from './gate';
import history from './history';
import notes from './notes';
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
  scheduler,
};
