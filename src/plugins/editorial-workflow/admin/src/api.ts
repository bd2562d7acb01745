/**
 * The admin side's view of the plugin's admin routes (server/src/routes/admin.ts)
 * and a small shared store, so the side panels (workflow, notes, history), the
 * list column and the list filters read and refresh the same data.
 *
 * Every request goes through Strapi's own fetch client (`useFetchClient` /
 * `getFetchClient`): same origin, the admin JWT attached, token refresh handled.
 */
import * as React from 'react';
import { attemptTokenRefresh, getFetchClient } from '@strapi/strapi/admin';

export const PLUGIN_ID = 'editorial-workflow';
const BASE = `/${PLUGIN_ID}`;

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
  | 'legal_hold'
  | 'release_hold';

export type WorkflowConfig = {
  contentTypes: { uid: string; fourEyes: boolean; embargoField: string | null; slugField: string | null; correctionsField: string | null }[];
  states: { state: State; label: string; color: string }[];
  actions: {
    action: Action;
    from: State[];
    to: State | null;
    /** Role labels: "Author", "Editor", "Legal", "Super Admin". */
    roles: string[];
    requiresComment: boolean;
    requiresCorrection: boolean;
    fourEyes: boolean;
    blockedByLegalHold: boolean;
  }[];
};

export type AllowedAction = { action: Action; requiresComment: boolean; requiresCorrection: boolean };

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

export type TransitionInput = {
  action: Action;
  comment?: string | null;
  expectedVersion?: number | null;
  correction?: { date?: string | null; text: string } | null;
  scheduledAt?: string | null;
};

const client = () => getFetchClient();

const path = (uid: string, documentId: string) => `${BASE}/documents/${encodeURIComponent(uid)}/${encodeURIComponent(documentId)}`;

/** The server's own message for a refused request (never a bare "Request failed"). */
export const errorMessage = (error: unknown): string => {
  const candidate = error as {
    message?: string;
    status?: number;
    response?: { data?: { error?: { message?: string; details?: { errors?: { message?: string }[] } } } };
  };
  const apiError = candidate?.response?.data?.error;
  const nested = apiError?.details?.errors?.map((item) => item.message).filter(Boolean);
  const message = apiError?.message || candidate?.message;
  if (message && nested && nested.length > 0 && !nested.includes(message)) return `${message} (${nested.join('; ')})`;
  if (message) return message;
  return 'The request failed; nothing was changed. Try again, or reload the page.';
};

export const errorCode = (error: unknown): string | null => {
  const candidate = error as { response?: { data?: { error?: { details?: { code?: string } } } } };
  return candidate?.response?.data?.error?.details?.code ?? null;
};

/* ------------------------------------------------------------------------------------------
 * A tiny external store (useSyncExternalStore): keyed entries with subscribers.
 * ----------------------------------------------------------------------------------------*/

type Entry<T> = { data: T | null; error: string | null; loading: boolean; loadedAt: number };

const createStore = <T>() => {
  const entries = new Map<string, Entry<T>>();
  const listeners = new Set<() => void>();
  const empty: Entry<T> = { data: null, error: null, loading: false, loadedAt: 0 };
  const emit = () => listeners.forEach((listener) => listener());
  return {
    get: (key: string): Entry<T> => entries.get(key) ?? empty,
    set: (key: string, patch: Partial<Entry<T>>) => {
      entries.set(key, { ...(entries.get(key) ?? empty), ...patch });
      emit();
    },
    delete: (key: string) => {
      entries.delete(key);
      emit();
    },
    keys: () => [...entries.keys()],
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};

const useEntry = <T>(store: ReturnType<typeof createStore<T>>, key: string | null): Entry<T> => {
  const getSnapshot = React.useCallback(() => store.get(key ?? ''), [store, key]);
  return React.useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
};

/* ------------------------------------------------------------------------------------------
 * Configuration (content types under the workflow, states and their colours, actions)
 * ----------------------------------------------------------------------------------------*/

const configStore = createStore<WorkflowConfig>();
let configPromise: Promise<WorkflowConfig | null> | null = null;

export const loadConfig = (): Promise<WorkflowConfig | null> => {
  const current = configStore.get('config');
  if (current.data) return Promise.resolve(current.data);
  if (!configPromise) {
    configStore.set('config', { loading: true });
    configPromise = client()
      .get(`${BASE}/config`)
      .then(({ data }) => {
        const config = (data as { data: WorkflowConfig }).data;
        configStore.set('config', { data: config, error: null, loading: false, loadedAt: Date.now() });
        return config;
      })
      .catch((error: unknown) => {
        configStore.set('config', { error: errorMessage(error), loading: false });
        configPromise = null;
        return null;
      });
  }
  return configPromise;
};

/** The cached configuration (null until loaded); used by hooks that run outside React (list columns). */
export const peekConfig = (): WorkflowConfig | null => configStore.get('config').data;

export const useWorkflowConfig = () => {
  const entry = useEntry(configStore, 'config');
  React.useEffect(() => {
    if (!entry.data && !entry.loading && !entry.error) void loadConfig();
  }, [entry.data, entry.loading, entry.error]);
  return entry;
};

export const isUnderWorkflow = (config: WorkflowConfig | null, uid: string | undefined | null): boolean =>
  !!config && !!uid && config.contentTypes.some((contentType) => contentType.uid === uid);

export const stateMeta = (config: WorkflowConfig | null, state: string) => {
  const found = config?.states.find((candidate) => candidate.state === state);
  return found ?? { state: state as State, label: state.replace(/_/g, ' '), color: '#8e8ea9' };
};

/* ------------------------------------------------------------------------------------------
 * One document: status (+ allowed actions), history, notes
 * ----------------------------------------------------------------------------------------*/

const statusStore = createStore<WorkflowStatus>();
const historyStore = createStore<HistoryRecord[]>();
const notesStore = createStore<NoteRecord[]>();

const docKey = (uid: string, documentId: string) => `${uid}::${documentId}`;

const loadInto = async <T>(store: ReturnType<typeof createStore<T>>, key: string, url: string) => {
  store.set(key, { loading: true });
  try {
    const { data } = await client().get(url);
    store.set(key, { data: (data as { data: T }).data, error: null, loading: false, loadedAt: Date.now() });
  } catch (error) {
    store.set(key, { error: errorMessage(error), loading: false });
  }
};

export const refreshStatus = (uid: string, documentId: string) => loadInto(statusStore, docKey(uid, documentId), path(uid, documentId));
export const refreshHistory = (uid: string, documentId: string) => loadInto(historyStore, docKey(uid, documentId), `${path(uid, documentId)}/history`);
export const refreshNotes = (uid: string, documentId: string) => loadInto(notesStore, docKey(uid, documentId), `${path(uid, documentId)}/notes`);

export const refreshDocument = (uid: string, documentId: string) => {
  invalidateListStates(uid, [documentId]);
  return Promise.all([refreshStatus(uid, documentId), refreshHistory(uid, documentId), refreshNotes(uid, documentId)]);
};

const useDocumentEntry = <T>(
  store: ReturnType<typeof createStore<T>>,
  refresh: (uid: string, documentId: string) => Promise<void>,
  uid: string | undefined,
  documentId: string | undefined,
  enabled: boolean,
) => {
  const key = uid && documentId && enabled ? docKey(uid, documentId) : null;
  const entry = useEntry(store, key);
  React.useEffect(() => {
    if (!key || !uid || !documentId) return;
    const current = store.get(key);
    // Fresh enough when another panel just loaded it.
    if (current.loading || (current.loadedAt && Date.now() - current.loadedAt < 1500)) return;
    void refresh(uid, documentId);
  }, [key, uid, documentId, store, refresh]);
  return entry;
};

export const useWorkflowStatus = (uid?: string, documentId?: string, enabled = true) =>
  useDocumentEntry(statusStore, refreshStatus, uid, documentId, enabled);
export const useWorkflowHistory = (uid?: string, documentId?: string, enabled = true) =>
  useDocumentEntry(historyStore, refreshHistory, uid, documentId, enabled);
export const useReviewNotes = (uid?: string, documentId?: string, enabled = true) =>
  useDocumentEntry(notesStore, refreshNotes, uid, documentId, enabled);

/** Transitions in flight, per document, so every panel can say what is going on during a long publication. */
const inflightStore = createStore<{ action: Action; startedAt: number }>();

export const useInflightTransition = (uid?: string, documentId?: string) => useEntry(inflightStore, uid && documentId ? docKey(uid, documentId) : null).data;

export const postTransition = async (uid: string, documentId: string, input: TransitionInput): Promise<WorkflowStatus> => {
  const key = docKey(uid, documentId);
  inflightStore.set(key, { data: { action: input.action, startedAt: Date.now() } });
  try {
    const { data } = await client().post(`${path(uid, documentId)}/transitions`, input);
    return (data as { data: WorkflowStatus }).data;
  } finally {
    inflightStore.delete(key);
  }
};

export const putAssignment = async (uid: string, documentId: string, input: { assigneeId: number | null; dueDate: string | null }) => {
  const { data } = await client().put(`${path(uid, documentId)}/assignment`, input);
  return (data as { data: WorkflowStatus }).data;
};

export const postNote = async (uid: string, documentId: string, input: { body: string; parentId?: number | null }) => {
  const { data } = await client().post(`${path(uid, documentId)}/notes`, input);
  return (data as { data: NoteRecord }).data;
};

/**
 * PATCH /editorial-workflow/notes/:id. Strapi's fetch client has no `patch`, so
 * this is a same-origin `fetch` with the admin token (from `useAuth`), retried
 * once after Strapi's own token refresh on a 401. Errors carry the server's message.
 */
export const patchNote = async (id: number, resolved: boolean, token: string | null | undefined): Promise<NoteRecord> => {
  const backendURL = (window as unknown as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';
  const send = (bearer: string | null | undefined) =>
    fetch(`${backendURL}${BASE}/notes/${id}`, {
      method: 'PATCH',
      credentials: 'include',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({ resolved }),
    });
  let response = await send(token);
  if (response.status === 401) {
    try {
      response = await send(await attemptTokenRefresh(token ?? null));
    } catch {
      // keep the 401 answer
    }
  }
  const body = (await response.json().catch(() => null)) as { data?: NoteRecord; error?: { message?: string } } | null;
  if (!response.ok || !body?.data) {
    const error = new Error(body?.error?.message || `The server answered ${response.status}; nothing was changed.`) as Error & { response?: unknown };
    error.response = { data: body };
    throw error;
  }
  return body.data;
};

/* ------------------------------------------------------------------------------------------
 * The list view: states of the rows on screen, batched into one request per tick
 * ----------------------------------------------------------------------------------------*/

const listStore = createStore<ListState>();
const pending = new Map<string, Set<string>>();
let flushTimer: ReturnType<typeof setTimeout> | null = null;
const BATCH = 150;

const flush = async () => {
  flushTimer = null;
  const batches = [...pending.entries()];
  pending.clear();
  for (const [uid, ids] of batches) {
    const all = [...ids];
    for (let start = 0; start < all.length; start += BATCH) {
      const slice = all.slice(start, start + BATCH);
      try {
        const { data } = await client().get(`${BASE}/states`, { params: { uid, documentIds: slice.join(',') } });
        const states = (data as { data: Record<string, ListState> }).data;
        for (const id of slice) {
          const key = docKey(uid, id);
          listStore.set(key, states[id] ? { data: states[id], loading: false, error: null, loadedAt: Date.now() } : { loading: false, error: 'unknown' });
        }
      } catch (error) {
        for (const id of slice) listStore.set(docKey(uid, id), { loading: false, error: errorMessage(error) });
      }
    }
  }
};

const requestListState = (uid: string, documentId: string) => {
  const key = docKey(uid, documentId);
  const current = listStore.get(key);
  if (current.loading || (current.loadedAt && Date.now() - current.loadedAt < 10000)) return;
  listStore.set(key, { loading: true });
  if (!pending.has(uid)) pending.set(uid, new Set());
  pending.get(uid)?.add(documentId);
  if (!flushTimer) flushTimer = setTimeout(() => void flush(), 30);
};

export const invalidateListStates = (uid: string, documentIds: string[]) => {
  for (const id of documentIds) listStore.delete(docKey(uid, id));
};

export const useListState = (uid: string, documentId: string | undefined, enabled: boolean) => {
  const key = documentId && enabled ? docKey(uid, documentId) : null;
  const entry = useEntry(listStore, key);
  React.useEffect(() => {
    if (documentId && enabled) requestListState(uid, documentId);
  }, [uid, documentId, enabled, entry.loadedAt]);
  return entry;
};

/* ------------------------------------------------------------------------------------------
 * Filters: which documents are in a state / assigned to me
 * ----------------------------------------------------------------------------------------*/

export const fetchAssignedToMe = async (uid: string): Promise<AssignedItem[]> => {
  const { data } = await client().get(`${BASE}/assigned-to-me`, { params: { uid } });
  return (data as { data: AssignedItem[] }).data;
};

/** Upper bound of the state scan (the server has no "documents in state X" route). */
export const STATE_SCAN_LIMIT = 2000;

/**
 * documentIds of `uid` in `state`: pages through the content manager's own list
 * (what this user may read) and asks the workflow for their states in batches.
 */
export const fetchDocumentIdsInState = async (uid: string, state: State): Promise<{ ids: string[]; truncated: boolean }> => {
  const ids: string[] = [];
  let page = 1;
  let pageCount = 1;
  const pageSize = 100;
  do {
    const { data } = await client().get(`/content-manager/collection-types/${encodeURIComponent(uid)}`, {
      params: { page, pageSize, sort: 'id:ASC' },
    });
    const body = data as { results?: { documentId?: string }[]; pagination?: { pageCount?: number } };
    for (const row of body.results ?? []) if (row.documentId) ids.push(row.documentId);
    pageCount = body.pagination?.pageCount ?? 1;
    page += 1;
  } while (page <= pageCount && ids.length < STATE_SCAN_LIMIT);
  const unique = [...new Set(ids)];
  const matching: string[] = [];
  for (let start = 0; start < unique.length; start += BATCH) {
    const slice = unique.slice(start, start + BATCH);
    const { data } = await client().get(`${BASE}/states`, { params: { uid, documentIds: slice.join(',') } });
    const states = (data as { data: Record<string, ListState> }).data;
    for (const id of slice) {
      if (states[id]) listStore.set(docKey(uid, id), { data: states[id], loading: false, error: null, loadedAt: Date.now() });
      if (states[id]?.state === state) matching.push(id);
    }
  }
  return { ids: matching, truncated: page <= pageCount };
};
