import type { Action, WorkflowConfig } from './api';

/** Workflow roles of the signed-in admin user, as the server derives them (services/actors.ts). */
export type WorkflowRole = 'author' | 'editor' | 'legal' | 'super_admin';

type RoleLike = { name?: string; code?: string };

export const workflowRoles = (roles: RoleLike[] | undefined): Set<WorkflowRole> => {
  const result = new Set<WorkflowRole>();
  for (const role of roles ?? []) {
    if (role.code === 'strapi-super-admin') result.add('super_admin');
    if (role.name === 'Editor') result.add('editor');
    if (role.name === 'Author') result.add('author');
    if (role.name === 'Legal') result.add('legal');
  }
  // Same inclusion as the server: Super Admin has every role, an Editor is also an Author.
  if (result.has('super_admin')) ['author', 'editor', 'legal'].forEach((role) => result.add(role as WorkflowRole));
  if (result.has('editor')) result.add('author');
  return result;
};

const ROLE_BY_LABEL: Record<string, WorkflowRole> = { Author: 'author', Editor: 'editor', Legal: 'legal', 'Super Admin': 'super_admin' };

/** Whether the user holds one of the roles an action needs (the server decides the rest). */
export const hasRoleFor = (config: WorkflowConfig | null, action: Action, roles: Set<WorkflowRole>): boolean => {
  const rule = config?.actions.find((candidate) => candidate.action === action);
  if (!rule) return false;
  return rule.roles.some((label) => roles.has(ROLE_BY_LABEL[label] ?? (label.toLowerCase() as WorkflowRole)));
};

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

const locale = () => (typeof navigator !== 'undefined' && navigator.language) || 'en-GB';

export const formatDateTime = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
};

export const formatDate = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(date);
};

/** "3 minutes ago" / "in 2 days". */
export const relativeTime = (iso: string | null | undefined, now = Date.now()): string => {
  if (!iso) return '';
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return '';
  const seconds = Math.round((time - now) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31536000],
    ['month', 2592000],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
    ['second', 1],
  ];
  const format = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === 'second') return format.format(Math.round(seconds / size), unit);
  }
  return '';
};

/** `yyyy-mm-dd` for an <input type="date"> from an ISO date-time (UTC day). */
export const toDateInput = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '');

/** The end of the chosen day (UTC) as ISO, so "due 12 May" means by the end of 12 May. */
export const fromDateInput = (value: string): string | null => (value ? new Date(`${value}T23:59:59.000Z`).toISOString() : null);

/** The model uid of the content-manager page in the URL, e.g. api::article.article. */
export const modelFromLocation = (pathname: string = typeof window !== 'undefined' ? window.location.pathname : ''): string | null => {
  const match = /\/content-manager\/(?:collection-types|single-types)\/([^/?#]+)/.exec(pathname);
  return match ? decodeURIComponent(match[1]) : null;
};
