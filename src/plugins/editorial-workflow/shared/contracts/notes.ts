/**
 * Request and response types of the review-notes admin routes, shared by the
 * server and the admin panel. Plain TypeScript types, no runtime imports.
 *
 * Rules (enforced by the server):
 * - a note is created only on an existing document of a workflow type (404 otherwise);
 * - a note is resolved or reopened only by its author, the story's assignee or an Editor (403);
 * - unknown fields in the bodies are refused (400).
 */

export type NoteRecord = {
  id: number;
  document: { uid: string; documentId: string };
  parentId: number | null;
  body: string;
  resolved: boolean;
  resolvedBy: { key: string; name: string | null } | null;
  resolvedAt: string | null;
  author: { key: string; name: string | null };
  /** Machine-generated flags (e.g. the importer's review flags) carry a code; human notes have null. */
  code: string | null;
  path: string | null;
  excerpt: string | null;
  createdAt: string | null;
};

/** GET /editorial-workflow/documents/:uid/:documentId/notes */
export type NotesResponse = { data: NoteRecord[] };

/** POST /editorial-workflow/documents/:uid/:documentId/notes */
export type CreateNoteRequest = { body: string; parentId?: number | null };
export type CreateNoteResponse = { data: NoteRecord };

/** PATCH /editorial-workflow/notes/:id */
export type ResolveNoteRequest = { resolved: boolean };
export type ResolveNoteResponse = { data: NoteRecord };
