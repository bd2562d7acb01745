import * as React from 'react';
import { Box, Button, Divider, Flex, Loader, Typography } from '@strapi/design-system';
import { Lock } from '@strapi/icons';
import type { Action, PublishBlocker, WorkflowStatus } from '../contracts';
import { useReturnFocus } from '../hooks/useReturnFocus';
import { useRunTransition } from '../hooks/useRunTransition';
import { errorMessage } from '../services/errors';
import { formatDate, formatDateTime, relativeTime } from '../utils/format';
import { actionLabel, actionVariant } from '../utils/labels';
import { ActionDialog, type DialogTarget } from './ActionDialog';
import { AssignmentEditor } from './AssignmentEditor';
import { Notice } from './Notice';

type Props = { model: string; documentId: string };

/** Actions that always open a dialog (a comment, a reason, a note, a diff to look at or a time). */
const WITH_DIALOG: Action[] = ['request_changes', 'approve', 'withdraw', 'reinstate', 'legal_hold', 'publish_correction', 'schedule'];

const Fact = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography tag="dt" variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography tag="dd" variant="omega" textColor="neutral800" style={{ margin: 0 }}>
      {children}
    </Typography>
  </Flex>
);

/** The blockers a refusal carries (publish checks), when the server sent them. */
const blockersOf = (details: Record<string, unknown>): PublishBlocker[] => (Array.isArray(details.blockers) ? (details.blockers as PublishBlocker[]) : []);

/**
 * The "Editorial workflow" side panel: the comment of the last change request
 * (until the next submission), the facts the rules use, and the actions exactly
 * as the server lists them for this user — allowed ones as buttons, blocked ones
 * with the server's reason. Nothing here re-derives a rule.
 */
export const WorkflowPanelContent = ({ model, documentId }: Props) => {
  const { status, run, running } = useRunTransition(model, documentId);
  const [dialog, setDialog] = React.useState<DialogTarget | null>(null);
  const [refusal, setRefusal] = React.useState<string | null>(null);
  const focus = useReturnFocus();

  const data: WorkflowStatus | undefined = status.data;
  if (status.error && !data) {
    return (
      <Notice variant="danger" title="Workflow unavailable" role="alert">
        {errorMessage(status.error)}
      </Notice>
    );
  }
  if (!data) {
    return (
      <Flex justifyContent="center" padding={2}>
        <Loader small>Loading the workflow state…</Loader>
      </Flex>
    );
  }

  const blocked = data.blockedActions ?? [];
  const publishBlockers = data.publishBlockers ?? [];
  const embargoActive = !!data.embargoedUntil && new Date(data.embargoedUntil).getTime() > Date.now();

  const open = (target: DialogTarget) => {
    focus.remember();
    setDialog(target);
  };
  const close = () => {
    setDialog(null);
    focus.restore();
  };

  const choose = async (action: Action) => {
    const item = data.allowedActions.find((candidate) => candidate.action === action);
    const requiresComment = item?.requiresComment ?? false;
    const requiresCorrection = item?.requiresCorrection ?? false;
    if (item?.requiresOverride) {
      open({ action, requiresComment, requiresCorrection, blockers: publishBlockers });
      return;
    }
    if (WITH_DIALOG.includes(action) || requiresComment || requiresCorrection) {
      open({ action, requiresComment, requiresCorrection });
      return;
    }
    focus.remember();
    const outcome = await run({ action }, { notifyRefusal: true });
    if (!outcome.ok) {
      const blockers = blockersOf(outcome.details);
      // A publish refused for its checks: show them and ask for the override reason.
      if (action === 'publish' && blockers.length) open({ action, requiresComment, requiresCorrection, blockers });
      else setRefusal(outcome.message);
    } else {
      setRefusal(null);
    }
    focus.restore();
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%" data-testid="editorial-workflow-panel" data-workflow-panel-state={data.state}>
      {data.changesRequested ? (
        <Box data-testid="editorial-workflow-requested-changes">
          <Notice variant="warning" title={`Changes requested${data.changesRequested.by?.name ? ` by ${data.changesRequested.by.name}` : ''}`}>
            {data.changesRequested.comment}
            {data.changesRequested.at ? ` (${relativeTime(data.changesRequested.at)})` : ''}
          </Notice>
        </Box>
      ) : null}

      {running ? (
        <Notice variant="neutral" title={`${actionLabel(running)}…`}>
          {running === 'publish' || running === 'publish_correction'
            ? 'Publishing the story together with its quotes, people, organizations and sanction records. This can take a minute; keep this page open.'
            : 'Waiting for the server.'}
        </Notice>
      ) : null}
      {data.legalHold ? (
        <Notice variant="danger" title={data.live ? 'Legal hold — the story is still live' : 'Legal hold — not live'}>
          {data.legalHoldReason || 'No reason recorded.'}{' '}
          {data.live
            ? 'The published version stays public during the hold; approval, publication and corrections are blocked. To take it down, withdraw it.'
            : 'It cannot be approved or published until Legal releases it.'}
        </Notice>
      ) : null}
      {data.withdrawal ? (
        <Notice variant="warning" title="Withdrawn">
          Public notice: {data.withdrawal.notice || 'none recorded.'} {data.withdrawal.withdrawnAt ? `(${formatDateTime(data.withdrawal.withdrawnAt)})` : ''}
        </Notice>
      ) : null}

      <Box tag="dl" style={{ margin: 0 }}>
        <Flex direction="column" alignItems="stretch" gap={3}>
          {data.submittedBy ? <Fact label="Submitted by">{data.submittedBy.name ?? data.submittedBy.key}</Fact> : null}
          <Fact label="Assignee">{data.assignee ? data.assignee.name : 'Unassigned'}</Fact>
          <Fact label="Due">{data.dueDate ? `${formatDate(data.dueDate)} (${relativeTime(data.dueDate)})` : 'No due date'}</Fact>
          <Fact label="Embargo">
            {data.embargoedUntil ? `${embargoActive ? 'Embargoed until' : 'Embargo ended'} ${formatDateTime(data.embargoedUntil)}` : 'None'}
          </Fact>
          {data.scheduledPublishAt ? <Fact label="Scheduled publication">{formatDateTime(data.scheduledPublishAt)}</Fact> : null}
        </Flex>
      </Box>

      <AssignmentEditor model={model} documentId={documentId} status={data} />

      <Divider />
      <Flex direction="column" alignItems="stretch" gap={2} role="group" aria-label="Workflow actions">
        <Typography variant="sigma" textColor="neutral600">
          Your actions
        </Typography>
        {data.allowedActions.length === 0 ? (
          <Typography variant="pi" textColor="neutral600">
            Nothing for you to do in this state.
          </Typography>
        ) : null}
        {data.allowedActions.map((item) => (
          <Button
            key={item.action}
            fullWidth
            variant={actionVariant(item.action)}
            onClick={() => void choose(item.action)}
            loading={running === item.action}
            disabled={running !== null && running !== item.action}
            data-workflow-action={item.action}
            data-focus-key={`action-${item.action}`}
          >
            {item.requiresOverride ? `${actionLabel(item.action)} (blocked — override…)` : actionLabel(item.action)}
          </Button>
        ))}
        {blocked.length > 0 ? (
          <Box tag="ul" aria-label="Blocked for you right now" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {blocked.map((item) => (
              <Box tag="li" key={item.action} paddingTop={2} data-workflow-blocked-action={item.action}>
                <Flex gap={2} alignItems="flex-start">
                  <Box paddingTop={1} aria-hidden>
                    <Lock width="1.2rem" height="1.2rem" />
                  </Box>
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    <Typography variant="omega" fontWeight="semiBold" textColor="neutral700">
                      {actionLabel(item.action)}
                    </Typography>
                    <Typography variant="pi" textColor="neutral700" data-testid="editorial-workflow-blocked-reason">
                      {item.message}
                    </Typography>
                  </Flex>
                </Flex>
              </Box>
            ))}
          </Box>
        ) : null}
        {refusal ? (
          <Box data-testid="editorial-workflow-refusal">
            <Notice variant="danger" title="Refused" role="alert" onDismiss={() => setRefusal(null)}>
              {refusal}
            </Notice>
          </Box>
        ) : null}
      </Flex>

      <ActionDialog
        uid={model}
        documentId={documentId}
        status={data}
        target={dialog}
        onClose={close}
        onConfirm={async (input) => {
          const outcome = await run(input, { notifyRefusal: false });
          if (outcome.ok) {
            setRefusal(null);
            close();
            return null;
          }
          return { message: outcome.message, blockers: blockersOf(outcome.details) };
        }}
      />
    </Flex>
  );
};
