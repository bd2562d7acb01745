/**
 * The admin's one import point for route types: the plugin's shared contracts,
 * which the server uses too (a changed route shape is a type error on both sides).
 */
import type { WorkflowAction, WorkflowState, TransitionRequest } from '../../shared/contracts/workflow';

export type * from '../../shared/contracts/workflow';
export type * from '../../shared/contracts/notes';
export type * from '../../shared/contracts/assignees';
export type * from '../../shared/contracts/bulk';

export type State = WorkflowState;
export type Action = WorkflowAction;
export type TransitionInput = TransitionRequest;

/*
 * Routes the shared contracts do not describe: GET /config, /states and
 * /assigned-to-me. Kept to the fields the admin reads.
 */
export type WorkflowConfig = {
  contentTypes: { uid: string }[];
  states: { state: State; label: string; color: string }[];
};
export type ListState = { state: State; legalHold: boolean; assigneeId: number | null; dueDate: string | null };
export type AssignedItem = { uid: string; documentId: string; state: State; dueDate: string | null; legalHold: boolean };
