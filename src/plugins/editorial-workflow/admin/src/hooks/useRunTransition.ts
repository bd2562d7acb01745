import * as React from 'react';
import { useNotification } from '@strapi/strapi/admin';
import type { Action, TransitionInput } from '../contracts';
import { useGetWorkflowStatusQuery, useTransitionMutation } from '../services/api';
import { errorDetails, errorMessage } from '../services/errors';
import { ACTION_DONE, actionLabel } from '../utils/labels';

export type TransitionOutcome = { ok: true } | { ok: false; message: string; details: Record<string, unknown> };

/**
 * Run one workflow transition of a document: sends the workflow version the
 * user is looking at (a stale view gets a 409), notifies success or the
 * server's refusal word for word. The data layer's tags refetch the panel, the
 * list and the content manager's document afterwards: nothing is reloaded by hand.
 */
export const useRunTransition = (uid: string, documentId: string | undefined, enabled = true) => {
  const status = useGetWorkflowStatusQuery({ uid, documentId: documentId ?? '' }, { skip: !enabled || !documentId });
  const [transition] = useTransitionMutation();
  const { toggleNotification } = useNotification();
  const [running, setRunning] = React.useState<Action | null>(null);
  const version = status.data?.version;

  const run = React.useCallback(
    async (input: Omit<TransitionInput, 'expectedVersion'>, { notifyRefusal = true } = {}): Promise<TransitionOutcome> => {
      if (!documentId || version === undefined) {
        const message = 'The workflow state is not loaded yet; try again in a moment.';
        toggleNotification({ type: 'warning', message });
        return { ok: false, message, details: {} };
      }
      setRunning(input.action);
      try {
        const result = await transition({ uid, documentId, input: { ...input, expectedVersion: version } });
        if ('error' in result && result.error) {
          const message = errorMessage(result.error);
          if (notifyRefusal) toggleNotification({ type: 'danger', title: `${actionLabel(input.action)}: refused`, message });
          return { ok: false, message, details: errorDetails(result.error) };
        }
        toggleNotification({ type: 'success', message: `${ACTION_DONE[input.action] ?? actionLabel(input.action)}.` });
        return { ok: true };
      } finally {
        setRunning(null);
      }
    },
    [uid, documentId, version, transition, toggleNotification],
  );

  return { status, run, running };
};
