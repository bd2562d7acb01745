import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * "This publish is the workflow's": the gate lets a publish, unpublish or
 * delete through only for the exact documents a workflow transition decided on,
 * and only inside that transition's async call tree. Nothing a caller sends
 * (params, headers, body) can set it.
 */
type WorkflowScope = { readonly documents: ReadonlySet<string>; readonly bypass: boolean };

const storage = new AsyncLocalStorage<WorkflowScope>();

const key = (uid: string, documentId: string): string => `${uid}\u0000${documentId}`;

export const runInWorkflowScope = <T>(documents: readonly { uid: string; documentId: string }[], fn: () => Promise<T>): Promise<T> =>
  storage.run({ documents: new Set(documents.map((doc) => key(doc.uid, doc.documentId))), bypass: false }, fn);

/** Server-side seeding only (see WorkflowService.withGateBypass): every gate check passes inside `fn`. */
export const runWithGateBypass = <T>(fn: () => Promise<T>): Promise<T> => storage.run({ documents: new Set(), bypass: true }, fn);

export const isGateBypassed = (): boolean => storage.getStore()?.bypass === true;

export const isWorkflowOperation = (uid: string, documentId: string | undefined): boolean => {
  const scope = storage.getStore();
  if (scope?.bypass) return true;
  if (!documentId) return false;
  return scope?.documents.has(key(uid, documentId)) === true;
};

export const inWorkflowScope = (): boolean => storage.getStore() !== undefined;
