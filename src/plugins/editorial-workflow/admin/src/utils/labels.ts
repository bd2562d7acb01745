import type { Action } from '../contracts';

/** Human words for the workflow's actions and for field names (never camelCase on screen). */
export const ACTION_LABELS: Record<Action, string> = {
  submit: 'Submit for review',
  request_changes: 'Request changes',
  approve: 'Approve',
  publish: 'Publish',
  schedule: 'Schedule publication',
  unschedule: 'Cancel scheduled publication',
  start_correction: 'Start a correction',
  publish_correction: 'Publish correction',
  withdraw: 'Withdraw',
  legal_hold: 'Place legal hold',
  release_hold: 'Release legal hold',
  reinstate: 'Reinstate',
};

/** Past tense, for notifications and the history timeline. */
export const ACTION_DONE: Record<string, string> = {
  submit: 'Submitted for review',
  request_changes: 'Requested changes',
  approve: 'Approved',
  publish: 'Published',
  schedule: 'Scheduled publication',
  unschedule: 'Cancelled the scheduled publication',
  start_correction: 'Started a correction',
  publish_correction: 'Published a correction',
  withdraw: 'Withdrew',
  legal_hold: 'Placed a legal hold',
  release_hold: 'Released the legal hold',
  reinstate: 'Reinstated (back in review)',
  edit: 'Saved content',
  assign: 'Changed the assignment',
};

export const actionLabel = (action: string): string => ACTION_LABELS[action as Action] ?? action.replace(/_/g, ' ');

/** Button variants: forward moves are primary, destructive ones danger. */
export const actionVariant = (action: Action): 'default' | 'secondary' | 'danger-light' | 'success-light' | 'tertiary' => {
  switch (action) {
    case 'submit':
    case 'publish':
    case 'publish_correction':
      return 'default';
    case 'approve':
      return 'success-light';
    case 'request_changes':
    case 'withdraw':
    case 'legal_hold':
      return 'danger-light';
    default:
      return 'secondary';
  }
};


/** `embargoedUntil` → "Embargoed until", `sanction_records` → "Sanction records". */
export const humanize = (name: string): string => {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : name;
};
