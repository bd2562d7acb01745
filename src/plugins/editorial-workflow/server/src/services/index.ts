import actors from './actors';
import bulk from './bulk';
import cascade from './cascade';
import embargo from './embargo';
import gate from './gate';
import history from './history';
import notes from './notes';
import quotePolicy from './quote-policy';
import roles from './roles';
import scheduler from './scheduler';
import settings from './settings';
import tokenOwners from './token-owners';
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
  tokenOwners,
  quotePolicy,
  embargo,
  bulk,
};
