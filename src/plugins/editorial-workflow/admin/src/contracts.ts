/**
 * The admin's one entry point to the plugin's route types.
 * TEMPORARY stand-in until the shared contracts (../../shared/contracts/*.ts) land
 * from the server branches; then this file only re-exports them.
 */
export type State = 'draft' | 'in_review' | 'changes_requested' | 'approved' | 'published' | 'correcting' | 'withdrawn';
export type Action =
  | 'submit'
  | 'request_changes'
  | 'approve'
  | 'publish'
  | 'schedule'
  | 'unschedule'
  | 'start_correction'
  | 'publish_correction'
  | 'withdraw'
  | 'reinstate'
  | 'legal_hold'
  | 'release_hold';

export type WorkflowConfig = {
  contentTypes: { uid: string; fourEyes: boolean; embargoField: string | null; slugField: string | null; correctionsField: string | null }[];
  states: { state: State; label: string; color: string }[];
  actions: { action: Action; from: State[]; to: State | null; roles: string[]; requiresComment: boolean; requiresCorrection: boolean }[];
};

export type AllowedAction = { action: Action; requiresComment: boolean; requiresCorrection: boolean };
export type BlockedAction = { action: Action; reason: string; code?: string | null; overridable?: boolean };
export type PublishBlocker = { code: string; message: string; count?: number };

export type WorkflowStatus = {
  uid: string;
  documentId: string;
  state: State;
  version: number;
  contentVersion: string | null;
  assignee: { id: number; name: string } | null;
  dueDate: string | null;
  legalHold: boolean;
  legalHoldReason: string | null;
  submittedBy: { key: string; name: string | null } | null;
  embargoedUntil: string | null;
  scheduledPublishAt: string | null;
  withdrawal?: { notice: string | null; withdrawnAt: string | null } | null;
  allowedActions: AllowedAction[];
  blockedActions?: BlockedAction[];
  requestedChanges?: { comment: string; by: { key: string; name: string | null } | null; at: string | null } | null;
  live?: boolean;
  publishBlockers?: PublishBlocker[];
};

export type HistoryRecord = {
  id: number;
  action: string;
  from: string;
  to: string;
  user: { id: number | null; kind: string | null; key: string; name: string | null };
  comment: string | null;
  details: Record<string, unknown> | null;
  contentVersion: string | null;
  revision: number | null;
  occurredAt: string | null;
};

export type FieldChange = { field: string; label?: string; before: unknown; after: unknown; textDiff?: { value: string; added?: boolean; removed?: boolean }[] };
export type DiffResponse = { changes: FieldChange[] };

export type NoteRecord = {
  id: number;
  document: { uid: string; documentId: string };
  parentId: number | null;
  body: string;
  resolved: boolean;
  resolvedBy: { key: string; name: string | null } | null;
  resolvedAt: string | null;
  author: { key: string; name: string | null };
  code: string | null;
  path: string | null;
  excerpt: string | null;
  createdAt: string | null;
};

export type ListState = { state: State; legalHold: boolean; assigneeId: number | null; dueDate: string | null };
export type AssignedItem = { uid: string; documentId: string; state: State; dueDate: string | null; legalHold: boolean };
export type Assignee = { id: number; name: string; roles: string[] };

export type TransitionInput = {
  action: Action;
  comment?: string | null;
  expectedVersion?: number | null;
  correction?: { date?: string | null; text: string } | null;
  kind?: 'correction' | 'update';
  overrideReason?: string | null;
  reason?: string | null;
  notice?: string | null;
  scheduledAt?: string | null;
};

export type BulkInput = { uid: string; action: Action; documentIds: string[]; overrideReason?: string | null };
export type BulkOutcome = { documentId: string; ok: boolean; state?: State; error?: { status?: number; message: string } | null };
export type BulkResponse = { results: BulkOutcome[] };
