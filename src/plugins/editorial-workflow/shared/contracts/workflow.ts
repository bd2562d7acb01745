/**
 * Request and response types of the editorial workflow's admin routes
 * (/editorial-workflow/...), shared by the server (server/src) and the admin
 * panel (admin/src). Plain TypeScript types: no runtime imports, so both
 * builds can import this file as it is.
 *
 * Every response body is `{ data: … }`; every refusal is Strapi's error body
 * `{ data: null, error: { status, name, message, details } }` with
 * `details.code` one of `RefusalCode` (and `details.blockers` for publish checks).
 */

export type WorkflowState = 'draft' | 'in_review' | 'changes_requested' | 'approved' | 'published' | 'correcting' | 'withdrawn';

/** `reinstate` belongs to the withdrawal work (workflow-publish); listed so the admin can name it. */
export type WorkflowAction =
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

/**
 * History actions that are not transitions: `edit` (a content save; `details`
 * is `EditDetails`), `returned_to_review` is recorded as an `edit` row whose
 * `to` is `in_review` and whose comment is "content changed after approval".
 */
export type HistoryAction = WorkflowAction | 'edit' | 'assign';

/** A correction is a public, append-only note; an update (e.g. a typo) has no public note. */
export type CorrectionKind = 'correction' | 'update';

export type RefusalCode =
  | 'unknown_action'
  | 'forbidden_role'
  | 'wrong_state'
  | 'not_own'
  | 'four_eyes'
  | 'legal_hold'
  | 'hold_state'
  | 'embargo'
  | 'not_scheduled'
  | 'comment_required'
  | 'correction_required'
  | 'correction_not_allowed'
  | 'invalid_schedule'
  | 'publish_checks'
  | 'override_forbidden'
  | 'version_conflict'
  | 'concurrent_transition'
  | 'content_conflict'
  | 'publish_gate'
  // the caller may not read the document (an Author: neither hers nor assigned to her); no workflow detail is given
  | 'not_readable'
  // withdrawal, quotes and bulk (workflow-publish; see shared/contracts/bulk.ts and docs/workflow-publishing.md)
  | 'notice_required'
  | 'published_with_parent'
  | 'held_back';

export type ActorRef = { key: string; name: string | null };

/* ------------------------------------------------------------------ */
/* Publishing checks                                                   */
/* ------------------------------------------------------------------ */

export type PublishBlockerCode = 'open_import_flags' | 'missing_date_published';

/** One reason the publish transition is blocked; an Editor may override all of them with a reason. */
export type PublishBlocker = {
  code: PublishBlockerCode;
  /** How many (e.g. open import flags); 1 for a missing date. */
  count: number;
  message: string;
};

/* ------------------------------------------------------------------ */
/* Transitions                                                         */
/* ------------------------------------------------------------------ */

/** POST /editorial-workflow/documents/:uid/:documentId/transitions — unknown fields are refused (400). */
export type TransitionRequest = {
  action: WorkflowAction;
  /** The reason (request_changes, withdraw, legal_hold need one). */
  comment?: string | null;
  /** The workflow `version` the client loaded; another current version answers 409 `version_conflict`. */
  expectedVersion?: number | null;
  /** publish_correction: `correction` (default) appends `correction.text` as a public note; `update` needs none. */
  kind?: CorrectionKind | null;
  correction?: { date?: string | null; text: string } | null;
  /** schedule: when to publish (default: the embargo). */
  scheduledAt?: string | null;
  /** publish / schedule: an Editor's reason to publish despite the publish-check blockers (kept in history). */
  overrideReason?: string | null;
  /** withdraw: the public notice (the 410 body); `comment` is the internal reason, kept in the history only. */
  notice?: string | null;
};

export type AllowedAction = {
  action: WorkflowAction;
  requiresComment: boolean;
  requiresCorrection: boolean;
  /** The publish checks block this action: it needs `overrideReason` (an Editor's). */
  requiresOverride: boolean;
  /** withdraw: needs `notice` (public) besides `comment` (internal reason). */
  requiresNotice: boolean;
  /** publish_correction: the kinds offered. */
  kinds?: CorrectionKind[];
};

/** An action the actor would see but may not take now, with the server's reason. */
export type BlockedAction = {
  action: WorkflowAction;
  status: 400 | 403 | 409;
  code: RefusalCode;
  message: string;
};

/** GET /editorial-workflow/documents/:uid/:documentId — everything the panel shows, nothing to re-derive. */
export type WorkflowStatus = {
  uid: string;
  documentId: string;
  state: WorkflowState;
  /** Compare-and-set version of the workflow state (send it back as `expectedVersion`). */
  version: number;
  /** The draft's updatedAt (send it as If-Match when saving content). */
  contentVersion: string | null;
  assignee: { id: number; name: string } | null;
  dueDate: string | null;
  legalHold: boolean;
  legalHoldReason: string | null;
  submittedBy: ActorRef | null;
  approvedBy: ActorRef | null;
  /** Who saved content changes since the current review (or correction) began: they may not approve it. */
  contentEditors: ActorRef[];
  embargoedUntil: string | null;
  scheduledPublishAt: string | null;
  withdrawal: { notice: string | null; withdrawnAt: string | null } | null;
  /** The document has a published version readers can see right now (e.g. for the legal-hold notice). */
  live: boolean;
  /** The latest request_changes comment, until the next submission; null otherwise. */
  changesRequested: { comment: string; by: ActorRef; at: string | null } | null;
  /** What blocks publishing now (empty when nothing does). */
  publishBlockers: PublishBlocker[];
  allowedActions: AllowedAction[];
  blockedActions: BlockedAction[];
};

export type WorkflowStatusResponse = { data: WorkflowStatus };

export type HistoryRecord = {
  id: number;
  action: HistoryAction | string;
  from: WorkflowState | string;
  to: WorkflowState | string;
  user: { id: number | null; kind: string | null; key: string; name: string | null };
  comment: string | null;
  details: Record<string, unknown> | null;
  contentVersion: string | null;
  revision: number | null;
  occurredAt: string | null;
};

/** `details` of an `edit` history row. */
export type EditDetails = {
  /** Content fields this save changed. */
  fields: string[];
  /** True when the save returned an approved document to review. */
  returnedToReview?: boolean;
};

export type TransitionResponse = { data: WorkflowStatus & { transition: HistoryRecord } };

export type HistoryResponse = { data: HistoryRecord[] };

/* ------------------------------------------------------------------ */
/* Versions and diffs                                                  */
/* ------------------------------------------------------------------ */

/**
 * A version id: the id (as a string) of an `edit` history row (the content
 * right after that save), `initial` (before the first recorded save),
 * `draft` (the current draft) or `published` (the live version).
 */
export type VersionId = string;

export type VersionSummary = {
  id: VersionId;
  /** When the version was saved (null for `initial`). */
  at: string | null;
  user: ActorRef | null;
  /** Fields this version changed against the one before it. */
  fields: string[];
};

/** GET /editorial-workflow/documents/:uid/:documentId/versions — oldest first, then `draft` and (when live) `published`. */
export type VersionsResponse = { data: VersionSummary[] };

/** One piece of a text diff (the `diff` package's Change). */
export type TextChange = { value: string; added?: boolean; removed?: boolean };

export type FieldDiff = {
  field: string;
  changed: boolean;
  before: unknown;
  after: unknown;
  /** For rich text (`blocks`) and text fields: word diff of the plain text. */
  text?: TextChange[];
};

export type CompareResult = {
  from: VersionId;
  to: VersionId;
  /** Every content field, changed or not (changed first is up to the UI). */
  fields: FieldDiff[];
  changedFields: string[];
};

/** GET …/compare?from=&to= */
export type CompareResponse = { data: CompareResult };

/** GET …/diff — the current draft against the live published version (`from: 'published'`, `to: 'draft'`). */
export type DiffResponse = { data: CompareResult & { live: boolean } };

/* ------------------------------------------------------------------ */
/* Lists: states of the rows on screen, documents in a state          */
/* ------------------------------------------------------------------ */

/** A document's workflow row as the list view shows it. */
export type ListState = { state: WorkflowState; legalHold: boolean; assigneeId: number | null; dueDate: string | null };

/** GET /editorial-workflow/states?uid=&documentIds=a,b,c — only the documents the caller may read are answered. */
export type ListStatesResponse = { data: Record<string, ListState> };

/** GET /editorial-workflow/assigned-to-me[?uid=] — the caller's queue, documents she may read only. */
export type AssignedItem = { uid: string; documentId: string; state: WorkflowState; dueDate: string | null; legalHold: boolean };
export type AssignedToMeResponse = { data: AssignedItem[] };

/**
 * GET /editorial-workflow/documents/:uid?state=&page=&pageSize= — the documents of
 * `uid` in one workflow state that the caller may read (an Author: her own and
 * assigned stories), newest save first. `state` is required; `page` ≥ 1 (default 1),
 * `pageSize` 1–200 (default 50); anything else is refused with 400.
 */
export type DocumentsInStateQuery = { state: WorkflowState; page?: number; pageSize?: number };

export type DocumentInState = ListState & { documentId: string; updatedAt: string | null };

export type DocumentsInStateResponse = {
  data: DocumentInState[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
};
