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
 * The one route the shared contracts do not describe: GET /config. Kept to the
 * fields the admin reads.
 */
export type WorkflowConfig = {
  contentTypes: { uid: string }[];
  states: { state: State; label: string; color: string }[];
};
