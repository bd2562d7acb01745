/**
 * Bulk workflow actions from the list view: POST /editorial-workflow/bulk/:uid/transitions.
 * Plain types only (no runtime imports): shared by the server and the admin panel.
 *
 * Each document is one workflow transition in its own transaction: it happens
 * completely or not at all, and the answer says which, document by document.
 * The HTTP status is 200 whenever the request itself is valid; look at `results`.
 */

/** The actions offered in bulk. */
export type BulkAction = 'submit' | 'approve' | 'publish';

export type BulkTransitionRequest = {
  action: BulkAction;
  /** 1–100 distinct documentIds of the content type in the path. */
  documentIds: string[];
  /** Kept in each document's history. */
  comment?: string | null;
  /**
   * `publish` only (400 otherwise): an Editor's reason to publish despite the
   * publishing checks (open import flags, no publication date). Used, and kept
   * in the history, for each document that has blockers; a document without
   * any publishes as usual; a non-Editor is refused (`override_forbidden`).
   */
  overrideReason?: string | null;
};

/** The transition happened: the document's state and workflow version afterwards. */
export type BulkDone = {
  documentId: string;
  outcome: 'done';
  state: string;
  version: number;
  /** The publishing checks the override reason overrode for this document (absent when none blocked it). */
  overridden?: { code: string; count: number; message: string }[];
};

/** The transition did not happen; nothing of this document changed. */
export type BulkRefused = {
  documentId: string;
  outcome: 'refused' | 'failed';
  /** What a single transition would have answered: 400, 403, 404, 409 (refused) or 500 (failed). A document the caller may not read: 403 `not_readable`. */
  status: number;
  /** The workflow's refusal code (e.g. `four_eyes`, `wrong_state`, `legal_hold`, `embargo`, `held_back`). */
  code: string | null;
  message: string;
};

export type BulkOutcome = BulkDone | BulkRefused;

export type BulkTransitionResponse = {
  data: {
    action: BulkAction;
    results: BulkOutcome[];
    summary: { requested: number; done: number; refused: number; failed: number };
  };
};

/** Details of the 403/409 that Strapi's own bulk Publish gets when any selected document cannot be published. */
export type BulkPublishRefusalDetails = {
  code: 'bulk_publish_refused';
  /** Always empty: nothing is published when anything is refused. */
  published: string[];
  refused: { documentId: string; status: number; code: string | null; message: string }[];
};
