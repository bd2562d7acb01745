import { ADMIN_ROLE_NAMES, CONTENT_MANAGER_ACTIONS } from '../constants';
import { OWN_STORY_CONDITION } from '../conditions/own-story';

/** Strapi's own "is creator" condition. */
export const IS_CREATOR_CONDITION = 'admin::is-creator';

export type WorkflowRoleKey = keyof typeof ADMIN_ROLE_NAMES;
export type ContentManagerAction = keyof typeof CONTENT_MANAGER_ACTIONS;

/**
 * Stories are the workflow's own documents (articles and their quotes); references
 * are what stories point at (experts, organizations, sanction records).
 */
export type SubjectKind = 'story' | 'reference';

export type Grant = { action: ContentManagerAction; conditions: string[] };

const ALL: ContentManagerAction[] = ['create', 'read', 'update', 'delete', 'publish'];
const free = (actions: ContentManagerAction[]): Grant[] => actions.map((action) => ({ action, conditions: [] }));

/**
 * The content-manager permissions each workflow role holds, per kind of subject.
 * Reporters (Author) read and edit the stories they created or are assigned to
 * (and those stories' quotes), and read every reference so the relation pickers
 * work; they edit only the references they created. Editors do everything; Legal reads.
 * The plugin reconciles these grants at every boot (services/roles.ts).
 */
export const ROLE_PLAN: Record<WorkflowRoleKey, Record<SubjectKind, Grant[]>> = {
  author: {
    story: [
      { action: 'create', conditions: [] },
      { action: 'read', conditions: [OWN_STORY_CONDITION] },
      { action: 'update', conditions: [OWN_STORY_CONDITION] },
    ],
    reference: [
      { action: 'create', conditions: [] },
      { action: 'read', conditions: [] },
      { action: 'update', conditions: [IS_CREATOR_CONDITION] },
    ],
  },
  editor: { story: free(ALL), reference: free(ALL) },
  legal: { story: free(['read']), reference: free(['read']) },
};

/** Same conditions, in any order. */
export const sameConditions = (a: readonly string[] = [], b: readonly string[] = []): boolean =>
  a.length === b.length && a.every((condition) => b.includes(condition));
