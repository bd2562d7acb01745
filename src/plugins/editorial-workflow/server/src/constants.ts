/**
 * Names, states, actions, roles and messages of the editorial workflow.
 * Everything a reviewer needs to read the rules without reading the code.
 */

export const PLUGIN_ID = 'editorial-workflow';

export const STATE_UID = 'plugin::editorial-workflow.workflow-state';
export const HISTORY_UID = 'plugin::editorial-workflow.history';
export const NOTE_UID = 'plugin::editorial-workflow.note';
export const TOKEN_OWNER_UID = 'plugin::editorial-workflow.token-owner';

/** The plugin's own content types: written only by its services, never through the document service. */
export const PLUGIN_UIDS: readonly string[] = [STATE_UID, HISTORY_UID, NOTE_UID, TOKEN_OWNER_UID];

export const STATES = ['draft', 'in_review', 'changes_requested', 'approved', 'published', 'correcting', 'withdrawn'] as const;
export type State = (typeof STATES)[number];

/** A document with no workflow row yet is a draft. */
export const INITIAL_STATE: State = 'draft';

export const STATE_META: Record<State, { label: string; color: string }> = {
  draft: { label: 'Draft', color: '#8e8ea9' },
  in_review: { label: 'In review', color: '#0c75af' },
  changes_requested: { label: 'Changes requested', color: '#d9822f' },
  approved: { label: 'Approved', color: '#328048' },
  published: { label: 'Published', color: '#4945ff' },
  correcting: { label: 'Correcting', color: '#9736e8' },
  withdrawn: { label: 'Withdrawn', color: '#d02b20' },
};

export const ACTIONS = [
  'submit',
  'request_changes',
  'approve',
  'publish',
  'schedule',
  'unschedule',
  'start_correction',
  'publish_correction',
  'withdraw',
  'reinstate',
  'legal_hold',
  'release_hold',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Workflow roles. Admin users get them from their Strapi admin roles (below); API tokens see services/actors.ts. */
export const ROLES = ['author', 'editor', 'legal', 'super_admin'] as const;
export type Role = (typeof ROLES)[number];

/** Strapi admin role names mapped onto workflow roles (created at bootstrap when missing). */
export const ADMIN_ROLE_NAMES = { author: 'Author', editor: 'Editor', legal: 'Legal' } as const;

/** Strapi's own Super Admin role code. */
export const SUPER_ADMIN_CODE = 'strapi-super-admin';

export const ROLE_LABELS: Record<Role, string> = {
  author: 'Author',
  editor: 'Editor',
  legal: 'Legal',
  super_admin: 'Super Admin',
};

/**
 * Strapi's content-manager actions by short name. Which role holds which of them,
 * on which types and under which conditions, is the role plan's one table
 * (roles/plan.ts, applied by services/roles.ts).
 */
export const CONTENT_MANAGER_ACTIONS = {
  create: 'plugin::content-manager.explorer.create',
  read: 'plugin::content-manager.explorer.read',
  update: 'plugin::content-manager.explorer.update',
  delete: 'plugin::content-manager.explorer.delete',
  publish: 'plugin::content-manager.explorer.publish',
} as const;

/** Content-API permission (route handler) that lets a custom API token act as an Editor. */
export const TOKEN_EDITOR_ACTION = 'plugin::editorial-workflow.integration.actAsEditor';
/** Content-API permission that lets a custom API token act as an Author (submit). */
export const TOKEN_AUTHOR_ACTION = 'plugin::editorial-workflow.integration.transition';

export const WEBHOOK_EVENTS = {
  EDITORIAL_TRANSITION: 'editorial.transition',
  EDITORIAL_NOTE: 'editorial.note',
} as const;

export const SCHEDULER_JOB = 'editorial-workflow.publish-scheduled';

/** Default content types under the workflow when config/plugins.ts lists none. */
export const DEFAULT_CONTENT_TYPES = ['api::article.article', 'api::quote.quote'] as const;

const list = (values: readonly string[]): string => values.map((value) => `"${value}"`).join(' or ');
/** Who can act, with role inclusion spelled out (an Editor can do Author things; Super Admin can do Legal things). */
const NEEDED_ROLE: Record<Role, string> = { author: 'Author or Editor', editor: 'Editor', legal: 'Legal or Super Admin', super_admin: 'Super Admin' };
const roles = (values: readonly Role[]): string => values.map((role) => NEEDED_ROLE[role]).join(' or ');

/**
 * Every refusal names the current state, the state the action needs and the role it needs.
 */
export const MESSAGES = {
  unknownAction: (action: string) => `Unknown workflow action "${action}"; expected one of ${list(ACTIONS)}.`,
  forbiddenRole: (action: Action, state: State, from: readonly State[], needed: readonly Role[]) =>
    `"${action}" needs the ${roles(needed)} role; you do not have it. Current state: "${state}"; needed state: ${list(from)}; needed role: ${roles(needed)}.`,
  wrongState: (action: Action, state: State, from: readonly State[], needed: readonly Role[]) =>
    `"${action}" is not possible in state "${state}". Current state: "${state}"; needed state: ${list(from)}; needed role: ${roles(needed)}.`,
  notOwn: (action: Action, state: State, from: readonly State[], needed: readonly Role[]) =>
    `An Author may only "${action}" documents they created or that are assigned to them. Current state: "${state}"; needed state: ${list(from)}; needed role: the document's Author, or ${roles(needed.filter((role) => role !== 'author'))}.`,
  fourEyes: (action: Action, state: State, from: readonly State[], who: string) =>
    `Four-eyes rule: "${action}" must be done by someone other than ${who}. Current state: "${state}"; needed state: ${list(from)}; needed role: another Editor.`,
  contentEditorsWho: (since: 'submittedBy' | 'correctionStartedBy') =>
    `anyone who saved content changes ${since === 'submittedBy' ? 'since it was submitted' : 'since it was last published'} (you did)`,
  contentChangedAfterApproval: 'content changed after approval',
  publishChecks: (action: Action, state: State, blockers: readonly { count: number; message: string }[]) =>
    `"${action}" is blocked by the publishing checks: ${blockers.map((blocker) => blocker.message).join('; ')}. Resolve them, or give "overrideReason" (an Editor's reason, kept in history). Current state: "${state}"; needed state: "approved" with no blockers; needed role: Editor.`,
  overrideForbidden: (action: Action) => `Only an Editor may override the publishing checks for "${action}".`,
  openImportFlags: (count: number) => `${count} open import flag${count === 1 ? '' : 's'} (review notes not resolved)`,
  missingDatePublished: 'no publication date (datePublished)',
  legalHold: (action: Action, state: State, reason: string | null) =>
    `The document is under legal hold${reason ? ` (${reason})` : ''}: "${action}" is blocked until Legal releases it. Current state: "${state}"; needed state: not on hold; needed role to release: Legal or Super Admin.`,
  alreadyHeld: (state: State) =>
    `The document is already under legal hold. Current state: "${state}" (on hold); needed state: not on hold; needed role: Legal or Super Admin.`,
  notHeld: (state: State) =>
    `The document is not under legal hold. Current state: "${state}"; needed state: on hold; needed role: Legal or Super Admin.`,
  embargo: (state: State, until: string) =>
    `Embargoed until ${until}: "publish" is refused before then; use "schedule" to publish it automatically once the embargo passes. Current state: "${state}"; needed state: "approved" after the embargo; needed role: Editor.`,
  scheduleBeforeEmbargo: (until: string) => `The scheduled time must not be before the embargo (${until}).`,
  scheduleMissing: 'Give "scheduledAt" (the document has no embargo to default to).',
  scheduleInPast: 'The scheduled time must be in the future.',
  notScheduled: (state: State) =>
    `Nothing is scheduled. Current state: "${state}"; needed state: "approved" with a scheduled publication; needed role: Editor.`,
  humansOnly: (action: Action, state: State) =>
    `"${action}" is a decision for a person signed in to the admin panel (Editor or Legal), not for an API token. Current state: "${state}".`,
  commentRequired: (action: Action) => `"${action}" needs a comment (the reason).`,
  noticeRequired: (action: Action) =>
    `"${action}" needs a public notice ("notice": the text readers see where the story was), separate from the internal reason ("comment", kept in the history only).`,
  publishedWithParent: (action: Action, state: State) =>
    `"${action}" is not possible on its own: this document is published, corrected and withdrawn only with the story it belongs to (its article's "publish", "publish_correction" and "withdraw"). Current state: "${state}"; use its review actions ("submit", "request_changes", "approve") and act on the article.`,
  correctionRequired: (action: Action) =>
    `"${action}" needs a correction note: { "correction": { "text": "…", "date"?: "…" } } (or "kind": "update" for a change without a public note, e.g. a typo).`,
  updateHasNoNote: 'An update ("kind": "update") has no public note: leave out "correction", or use "kind": "correction".',
  correctionsAppendOnly: (path: string) =>
    `${path}: published correction notes cannot be edited or deleted (corrections are append-only); add a new correction instead.`,
  versionConflict: (expected: number, actual: number) =>
    `The workflow state changed since you loaded it (you had version ${expected}, it is now ${actual}); reload and try again.`,
  concurrentTransition: 'Another transition of this document happened at the same time; reload and try again.',
  contentConflict: (expected: string, actual: string) =>
    `The document was saved by someone else since you loaded it (your version ${expected}, current ${actual}); reload before saving.`,
  notUnderWorkflow: (uid: string) => `"${uid}" is not under the editorial workflow.`,
  documentNotFound: (uid: string, documentId: string) => `No ${uid} document "${documentId}".`,
  gatePublish: (uid: string, documentId: string, state: State) =>
    `Publishing ${uid} "${documentId}" is refused: publication goes through the editorial workflow. Current state: "${state}"; needed state: "approved" (then the workflow's "publish" action) or "correcting" (then "publish_correction"); needed role: Editor.`,
  gateCreatePublished: (uid: string) =>
    `Creating a published ${uid} is refused: a new document starts as a draft in the editorial workflow. Current state: "draft"; needed state: "approved"; needed role: Editor. Save it as a draft (?status=draft) and submit it for review.`,
  gateUnpublish: (uid: string, documentId: string, state: State) =>
    `Unpublishing ${uid} "${documentId}" is refused: use the workflow's "withdraw" action. Current state: "${state}"; needed state: "published" or "correcting"; needed role: Editor or Legal.`,
  gateDelete: (uid: string, documentId: string, state: State) =>
    `Deleting the published ${uid} "${documentId}" is refused: withdraw it first. Current state: "${state}"; needed state: "withdrawn" (via "withdraw" from "published" or "correcting"); needed role: Editor or Legal.`,
  gateNoActor: (uid: string, documentId: string) =>
    `Publishing ${uid} "${documentId}" outside a request is refused: use the workflow's "publish" action. Current state: "approved"; needed state: "approved"; needed role: Editor.`,
  readOnlyRecords: (uid: string, action: string) =>
    `${uid} records are written only by the editorial workflow; "${action}" is refused.`,
  embargoOnLive: (field: string, state: State) =>
    `"${field}" cannot be set or changed on a story that is live (current state: "${state}"): an embargo only holds back a story that is not public yet. To take a live story down, use the workflow's "withdraw" action (Editor or Legal): it unpublishes the story and its quotes and shows your public notice (410 Gone).`,
  bulkPublishRefused: (total: number, refused: string[]) =>
    `Bulk publish refused: nothing was published. ${refused.length} of ${total} selected documents cannot be published now — ${refused.join(' | ')}. Publish the others on their own, or use the workflow's bulk action, which reports each document.`,
  bulkPublishAborted: 'Bulk publish stopped: another selected document failed, so nothing of this request is published.',
  heldBack: (action: Action, state: State, items: string[]) =>
    `"${action}" is refused: nothing was published. These documents of the story are held back by their own review and cannot go public with it: ${items.join('; ')}. Fix and approve them (or release the hold), or remove them from the story, then try again. Current state: "${state}"; needed role: Editor.`,
  noteParent: 'The parent note belongs to another document.',
  noteResolveForbidden: (verb: 'resolve' | 'reopen') =>
    `Only the note's author, the story's assignee or an Editor may ${verb} this note.`,
  assigneeUnknown: (id: number) => `No active admin user with id ${id}.`,
} as const;
