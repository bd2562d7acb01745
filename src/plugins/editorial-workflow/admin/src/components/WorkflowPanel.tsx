import * as React from 'react';
import { Box, Button, Divider, Field, Flex, Loader, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Lock } from '@strapi/icons';
import { useAuth, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { errorMessage, putAssignment, refreshDocument, useInflightTransition, useWorkflowConfig, type Action, type WorkflowStatus } from '../api';
import { useRunTransition } from '../hooks';
import { actionLabel, actionVariant, formatDate, formatDateTime, fromDateInput, hasRoleFor, relativeTime, toDateInput, workflowRoles } from '../utils';
import { ActionDialog, type DialogAction } from './ActionDialog';
import { Notice } from './Notice';
import { StateBadge } from './StateBadge';

type Props = { model: string; documentId: string; collectionType: string };

/** Actions that always open a dialog (a comment, a reason, a note or a time is asked for). */
const WITH_DIALOG: Action[] = ['request_changes', 'withdraw', 'legal_hold', 'publish_correction', 'schedule'];

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

type AdminUserOption = { id: number; name: string };

/** Admin users an editor can assign to: the admin users list when readable, else themselves and the current assignee. */
const useAssignableUsers = (enabled: boolean, me: AdminUserOption | null, current: WorkflowStatus['assignee']) => {
  const { get } = useFetchClient();
  const [users, setUsers] = React.useState<AdminUserOption[] | null>(null);
  React.useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    get('/admin/users', { params: { pageSize: 100, page: 1 } })
      .then(({ data }) => {
        const results = (data as { data?: { results?: { id: number; firstname?: string; lastname?: string; username?: string; email?: string; isActive?: boolean }[] } })
          .data?.results;
        if (!cancelled && results) {
          setUsers(
            results
              .filter((user) => user.isActive !== false)
              .map((user) => ({ id: user.id, name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || user.email || `#${user.id}` })),
          );
        }
      })
      .catch(() => {
        if (!cancelled) setUsers([]);
      });
    return () => {
      cancelled = true;
    };
  }, [enabled]);
  return React.useMemo(() => {
    const byId = new Map<number, AdminUserOption>();
    for (const user of users ?? []) byId.set(user.id, user);
    if (me && !byId.has(me.id)) byId.set(me.id, me);
    if (current && !byId.has(current.id)) byId.set(current.id, { id: current.id, name: current.name });
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [users, me, current]);
};

const AssignmentEditor = ({ model, documentId, status, me }: { model: string; documentId: string; status: WorkflowStatus; me: AdminUserOption | null }) => {
  const { toggleNotification } = useNotification();
  const options = useAssignableUsers(true, me, status.assignee);
  const [assignee, setAssignee] = React.useState<string>(status.assignee ? String(status.assignee.id) : 'none');
  const [due, setDue] = React.useState<string>(toDateInput(status.dueDate));
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    setAssignee(status.assignee ? String(status.assignee.id) : 'none');
    setDue(toDateInput(status.dueDate));
  }, [status.assignee, status.dueDate]);

  const changed = assignee !== (status.assignee ? String(status.assignee.id) : 'none') || due !== toDateInput(status.dueDate);

  const save = async () => {
    setBusy(true);
    try {
      await putAssignment(model, documentId, { assigneeId: assignee === 'none' ? null : Number(assignee), dueDate: fromDateInput(due) });
      toggleNotification({ type: 'success', message: 'Assignment saved.' });
      await refreshDocument(model, documentId);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3} tag="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Typography tag="legend" variant="sigma" textColor="neutral600">
        Assignment
      </Typography>
      <Field.Root name="assignee" id="editorial-workflow-assignee">
        <Field.Label>Assignee</Field.Label>
        <SingleSelect aria-label="Assignee" value={assignee} onChange={(value: string | number) => setAssignee(String(value))} size="S">
          <SingleSelectOption value="none">Unassigned</SingleSelectOption>
          {options.map((user) => (
            <SingleSelectOption key={user.id} value={String(user.id)}>
              {user.name}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
      <Field.Root name="dueDate" id="editorial-workflow-due-date">
        <Field.Label>Due date</Field.Label>
        <Field.Input type="date" size="S" value={due} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setDue(event.target.value)} />
      </Field.Root>
      <Flex gap={2} wrap="wrap">
        <Button size="S" variant="secondary" onClick={save} disabled={!changed} loading={busy}>
          Save assignment
        </Button>
        {me && assignee !== String(me.id) ? (
          <Button size="S" variant="tertiary" onClick={() => setAssignee(String(me.id))}>
            Assign to me
          </Button>
        ) : null}
      </Flex>
    </Flex>
  );
};

/**
 * The "Editorial workflow" side panel of a document under the workflow: its
 * state, the facts the rules use (who submitted, assignment, embargo, legal
 * hold), and the actions the signed-in user may take now. Actions of the user's
 * role that the rules block right now are listed too: choosing one asks the
 * server, and its refusal (e.g. the four-eyes rule) is shown as it is worded.
 */
export const WorkflowPanelContent = ({ model, documentId, collectionType }: Props) => {
  const { data: config } = useWorkflowConfig();
  const user = useAuth('EditorialWorkflowPanel', (state) => state.user);
  const { status, run, running, refusal, setRefusal } = useRunTransition(model, documentId, collectionType);
  const [dialog, setDialog] = React.useState<DialogAction | null>(null);
  const inflight = useInflightTransition(model, documentId);

  const roles = React.useMemo(() => workflowRoles(user?.roles as { name?: string; code?: string }[] | undefined), [user?.roles]);
  const me = user?.id ? { id: Number(user.id), name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || 'me' } : null;

  const data = status.data;

  if (status.error && !data) {
    return (
      <Notice variant="danger" title="Workflow unavailable" role="alert">
        {status.error}
      </Notice>
    );
  }
  if (!data || !config) {
    return (
      <Flex justifyContent="center" padding={2}>
        <Loader small>Loading the workflow state…</Loader>
      </Flex>
    );
  }

  const allowed = data.allowedActions;
  const allowedNames = new Set(allowed.map((item) => item.action));
  // Actions of this state and of the user's roles that the rules refuse right now (four-eyes, hold, embargo…).
  const blocked = config.actions.filter(
    (rule) =>
      rule.from.includes(data.state) &&
      !allowedNames.has(rule.action) &&
      hasRoleFor(config, rule.action, roles) &&
      !(rule.action === 'legal_hold' && data.legalHold) &&
      !(rule.action === 'release_hold' && !data.legalHold) &&
      !(rule.action === 'unschedule' && !data.scheduledPublishAt),
  );
  const isEditor = roles.has('editor');
  const embargoActive = !!data.embargoedUntil && new Date(data.embargoedUntil).getTime() > Date.now();

  const choose = (action: Action) => {
    const item = allowed.find((candidate) => candidate.action === action);
    const rule = config.actions.find((candidate) => candidate.action === action);
    const requiresComment = item?.requiresComment ?? rule?.requiresComment ?? false;
    const requiresCorrection = item?.requiresCorrection ?? rule?.requiresCorrection ?? false;
    if (WITH_DIALOG.includes(action) || requiresComment || requiresCorrection) {
      setDialog({ action, requiresComment, requiresCorrection });
    } else {
      void run({ action });
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%" data-testid="editorial-workflow-panel">
      <Flex gap={2} alignItems="center" wrap="wrap">
        <StateBadge config={config} state={data.state} legalHold={data.legalHold} />
        <Typography variant="pi" textColor="neutral600">
          revision {data.version}
        </Typography>
      </Flex>

      {inflight ? (
        <Notice variant="neutral" title={`${actionLabel(inflight.action)}…`}>
          {inflight.action === 'publish' || inflight.action === 'publish_correction'
            ? 'Publishing the story together with its quotes, people, organizations and sanction records. This can take a minute; keep this page open.'
            : 'Waiting for the server.'}
        </Notice>
      ) : null}
      {data.legalHold ? (
        <Notice variant="danger" title="Legal hold">
          {data.legalHoldReason || 'No reason recorded.'} Approval, publication and corrections are blocked until Legal releases it.
        </Notice>
      ) : null}
      {data.withdrawal ? (
        <Notice variant="warning" title="Withdrawn">
          {data.withdrawal.notice || 'No notice recorded.'} {data.withdrawal.withdrawnAt ? `(${formatDateTime(data.withdrawal.withdrawnAt)})` : ''}
        </Notice>
      ) : null}

      <Box tag="dl" style={{ margin: 0 }}>
        <Flex direction="column" alignItems="stretch" gap={3}>
          {data.submittedBy ? <Fact label="Submitted by">{data.submittedBy.name ?? data.submittedBy.key}</Fact> : null}
          <Fact label="Assignee">{data.assignee ? data.assignee.name : 'Unassigned'}</Fact>
          <Fact label="Due">
            {data.dueDate ? `${formatDate(data.dueDate)} (${relativeTime(data.dueDate)})` : 'No due date'}
          </Fact>
          <Fact label="Embargo">
            {data.embargoedUntil
              ? `${embargoActive ? 'Embargoed until' : 'Embargo ended'} ${formatDateTime(data.embargoedUntil)}`
              : 'None'}
          </Fact>
          {data.scheduledPublishAt ? <Fact label="Scheduled publication">{formatDateTime(data.scheduledPublishAt)}</Fact> : null}
        </Flex>
      </Box>

      {isEditor ? (
        <>
          <Divider />
          <AssignmentEditor model={model} documentId={documentId} status={data} me={me} />
        </>
      ) : null}

      <Divider />
      <Flex direction="column" alignItems="stretch" gap={2} role="group" aria-label="Workflow actions">
        <Typography variant="sigma" textColor="neutral600">
          Your actions
        </Typography>
        {allowed.length === 0 ? (
          <Typography variant="pi" textColor="neutral600">
            Nothing for you to do in this state.
          </Typography>
        ) : null}
        {allowed.map((item) => (
          <Button
            key={item.action}
            fullWidth
            variant={actionVariant(item.action)}
            onClick={() => choose(item.action)}
            loading={running === item.action}
            disabled={running !== null && running !== item.action}
            data-workflow-action={item.action}
          >
            {actionLabel(item.action)}
          </Button>
        ))}
        {blocked.length > 0 ? (
          <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2}>
            <Typography variant="pi" textColor="neutral600" id="editorial-workflow-blocked-hint">
              Blocked for you right now — choose one to see why:
            </Typography>
            {blocked.map((rule) => (
              <Button
                key={rule.action}
                fullWidth
                size="S"
                variant="tertiary"
                startIcon={<Lock />}
                aria-describedby="editorial-workflow-blocked-hint"
                onClick={() => choose(rule.action)}
                loading={running === rule.action}
                data-workflow-blocked-action={rule.action}
              >
                {actionLabel(rule.action)}
              </Button>
            ))}
          </Flex>
        ) : null}
        {refusal ? (
          <Box data-testid="editorial-workflow-refusal">
            <Notice variant="danger" title="Refused" role="alert" onDismiss={() => setRefusal(null)}>
              {refusal}
            </Notice>
          </Box>
        ) : null}
        {['draft', 'in_review', 'changes_requested'].includes(data.state) ? (
          <Typography variant="pi" textColor="neutral600">
            Publishing needs the state “Approved”; until then the Publish button is refused.
          </Typography>
        ) : null}
      </Flex>

      <ActionDialog
        target={dialog}
        embargoedUntil={data.embargoedUntil}
        onClose={() => setDialog(null)}
        onConfirm={async (input) => {
          const message = await run(input);
          if (!message) setDialog(null);
          return message;
        }}
      />
    </Flex>
  );
};
