/**
 * The admin's one import point for route types: the plugin's shared contracts,
 * which the server uses too (a changed route shape is a type error on both sides).
 */
import type { WorkflowAction, WorkflowState, TransitionRequest } from '../../shared/contracts/workflow';

export type * from '../../shared/contracts/workflow';
export type * from '../../shared/contracts/notes';
export type * from '../../shared/contracts/assignees';

export type State = WorkflowState;
export type Action = WorkflowAction;
export type TransitionInput = TransitionRequest & {
  /** withdraw: the public notice (the 410 body); `comment` is the internal reason (history only). */
  notice?: string | null;
};

/*
 * Routes the shared contracts do not describe (yet): GET /config, /states and
 * /assigned-to-me, and the bulk route until helper/workflow-publish's
 * contracts/bulk.ts is merged. Kept to the fields the admin reads.
 */
export type WorkflowConfig = {
  contentTypes: { uid: string }[];
  states: { state: State; label: string; color: string }[];
};
export type ListState = { state: State; legalHold: boolean; assigneeId: number | null; dueDate: string | null };
export type AssignedItem = { uid: string; documentId: string; state: State; dueDate: string | null; legalHold: boolean };

export type BulkAction = 'submit' | 'approve' | 'publish';
export type BulkTransitionRequest = { action: BulkAction; documentIds: string[]; comment?: string | null };
export type BulkOutcome =
  | { documentId: string; outcome: 'done'; state: string; version: number }
  | { documentId: string; outcome: 'refused' | 'failed'; status: number; code: string | null; message: string };
export type BulkTransitionResult = {
  action: BulkAction;
  results: BulkOutcome[];
  summary: { requested: number; done: number; refused: number; failed: number };
};
