import * as React from 'react';
import { useNotification, useQueryParams, unstable_useDocument } from '@strapi/strapi/admin';
import { errorCode, errorMessage, postTransition, refreshDocument, refreshStatus, useWorkflowStatus, type Action, type TransitionInput } from './api';
import { ACTION_DONE, actionLabel } from './utils';

/** Actions that change what the public sees: the content manager's own document is refetched after them. */
const CHANGES_PUBLICATION: Action[] = ['publish', 'publish_correction', 'withdraw', 'start_correction'];

/** Same as the content manager's buildValidParams: the query the edit view fetched its document with. */
const validParams = (query: Record<string, unknown>) => {
  const { plugins, ...rest } = query as { plugins?: Record<string, unknown> } & Record<string, unknown>;
  const merged: Record<string, unknown> = { ...rest };
  for (const value of Object.values(plugins ?? {})) if (value && typeof value === 'object') Object.assign(merged, value);
  return merged;
};

/**
 * Run one workflow transition for the document open in the edit view: sends the
 * workflow version the user is looking at (a stale view gets a 409 and reloads),
 * notifies success or the server's refusal word for word, reloads the workflow
 * data and, when the public version changed, the content manager's document.
 */
export const useRunTransition = (model: string, documentId: string | undefined, collectionType: string, enabled = true) => {
  const status = useWorkflowStatus(model, documentId, enabled);
  const { toggleNotification } = useNotification();
  const [{ query }] = useQueryParams();
  const params = React.useMemo(() => validParams(query as Record<string, unknown>), [query]);
  const { refetch } = unstable_useDocument({ documentId, model, collectionType, params }, { skip: !enabled || !documentId });
  const [running, setRunning] = React.useState<Action | null>(null);
  const [refusal, setRefusal] = React.useState<string | null>(null);
  const version = status.data?.version;

  const run = React.useCallback(
    async (input: Omit<TransitionInput, 'expectedVersion'>): Promise<string | null> => {
      if (!documentId || version === undefined) {
        const message = status.error ?? 'The workflow state is not loaded yet; try again in a moment.';
        toggleNotification({ type: 'warning', message });
        return message;
      }
      setRunning(input.action);
      try {
        await postTransition(model, documentId, { ...input, expectedVersion: version });
        setRefusal(null);
        toggleNotification({ type: 'success', message: `${ACTION_DONE[input.action] ?? actionLabel(input.action)}.` });
        await refreshDocument(model, documentId);
        if (CHANGES_PUBLICATION.includes(input.action)) void refetch();
        return null;
      } catch (error) {
        const message = errorMessage(error);
        setRefusal(message);
        toggleNotification({ type: 'danger', title: `${actionLabel(input.action)}: refused`, message });
        const code = errorCode(error);
        if (code === 'version_conflict' || code === 'concurrent_transition') void refreshStatus(model, documentId);
        return message;
      } finally {
        setRunning(null);
      }
    },
    [model, documentId, version, status.error, toggleNotification, refetch],
  );

  return { status, run, running, refusal, setRefusal };
};
