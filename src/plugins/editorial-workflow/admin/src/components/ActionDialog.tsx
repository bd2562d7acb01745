import * as React from 'react';
import { Alert, Box, Button, Field, Flex, Modal, Radio, Textarea, Typography } from '@strapi/design-system';
import type { Action, PublishBlocker, TransitionInput, WorkflowStatus } from '../contracts';
import { useGetWorkflowDiffQuery } from '../services/api';
import { errorMessage } from '../services/errors';
import { actionLabel } from '../utils/labels';
import { DiffView } from './DiffView';
import { PublishBlockers } from './PublishBlockers';

export type DialogTarget = { action: Action; requiresComment: boolean; requiresCorrection: boolean; blockers?: PublishBlocker[] };

type Props = {
  uid: string;
  documentId: string;
  status: WorkflowStatus;
  target: DialogTarget | null;
  onClose: () => void;
  /** Resolves to the server's refusal (the dialog stays open and shows it) or null on success. */
  onConfirm: (input: Omit<TransitionInput, 'expectedVersion'>) => Promise<{ message: string; blockers: PublishBlocker[] } | null>;
};

type Copy = { title: string; intro: string; commentLabel: string; confirm: string; danger?: boolean };

const COPY: Partial<Record<Action, Copy>> = {
  request_changes: {
    title: 'Request changes',
    intro: 'The story goes back to its author. Say what needs to change: the comment stays at the top of the workflow panel until the next submission.',
    commentLabel: 'What needs to change',
    confirm: 'Request changes',
    danger: true,
  },
  approve: {
    title: 'Approve this version',
    intro: 'You approve the draft as it is now. These fields differ from the live version:',
    commentLabel: 'Comment for the history (optional)',
    confirm: 'Approve',
  },
  publish: {
    title: 'Publish the story',
    intro: 'The approved draft is published with its quotes, people, organizations and sanction records.',
    commentLabel: 'Comment for the history (optional)',
    confirm: 'Publish',
  },
  withdraw: {
    title: 'Withdraw this story',
    intro: 'The story leaves the public site; its address then answers “gone” with the public notice. The internal reason stays in the history and is never shown to readers.',
    commentLabel: 'Internal reason (history only)',
    confirm: 'Withdraw',
    danger: true,
  },
  reinstate: {
    title: 'Reinstate this story',
    intro: 'The withdrawn story goes back to review; another editor must approve it before it is public again.',
    commentLabel: 'Why it comes back',
    confirm: 'Reinstate',
  },
  legal_hold: {
    title: 'Place a legal hold',
    intro: 'While on hold the story cannot be approved, published or corrected; only Legal can release it.',
    commentLabel: 'Reason for the hold',
    confirm: 'Place legal hold',
    danger: true,
  },
  publish_correction: {
    title: 'Publish the fix',
    intro: 'These fields differ from the live version:',
    commentLabel: 'Comment for the history (optional)',
    confirm: 'Publish',
  },
  schedule: {
    title: 'Schedule publication',
    intro: 'The story is published automatically at this time (not before its embargo).',
    commentLabel: 'Comment (optional)',
    confirm: 'Schedule',
  },
};

/** Dialogs that show the draft against the live version. */
const WITH_DIFF: Action[] = ['approve', 'publish_correction'];
/** Internal reason required for these actions. */
const REASON_REQUIRED: Action[] = ['request_changes', 'withdraw', 'legal_hold'];

const today = () => new Date().toISOString().slice(0, 10);

type Kind = 'correction' | 'update';

/**
 * The dialogs that ask for something before a transition. Every field is
 * labelled, the first one has the focus when the dialog opens, the confirm button
 * waits for what the server requires, and the server's refusal is shown inside
 * (a refused publish lists its blockers and asks for an override reason).
 */
export const ActionDialog = ({ uid, documentId, status, target, onClose, onConfirm }: Props) => {
  const [comment, setComment] = React.useState('');
  const [notice, setNotice] = React.useState('');
  const [kind, setKind] = React.useState<Kind>('correction');
  const [correctionText, setCorrectionText] = React.useState('');
  const [correctionDate, setCorrectionDate] = React.useState(today());
  const [overrideReason, setOverrideReason] = React.useState('');
  const [scheduledAt, setScheduledAt] = React.useState('');
  const [blockers, setBlockers] = React.useState<PublishBlocker[]>([]);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const body = React.useRef<HTMLDivElement>(null);

  const action = target?.action;
  const wantsDiff = !!action && WITH_DIFF.includes(action);
  const diff = useGetWorkflowDiffQuery({ uid, documentId }, { skip: !wantsDiff, refetchOnMountOrArgChange: true });

  React.useEffect(() => {
    if (!target) return;
    setComment('');
    setNotice('');
    setKind('correction');
    setCorrectionText('');
    setCorrectionDate(today());
    setOverrideReason('');
    setScheduledAt(status.embargoedUntil ? status.embargoedUntil.slice(0, 16) : '');
    setBlockers(target.blockers ?? []);
    setError(null);
    setBusy(false);
  }, [target, status.embargoedUntil]);

  if (!target || !action) return null;
  const copy: Copy = COPY[action] ?? {
    title: actionLabel(action),
    intro: '',
    commentLabel: target.requiresComment ? 'Comment' : 'Comment (optional)',
    confirm: actionLabel(action),
  };
  const commentRequired = target.requiresComment || REASON_REQUIRED.includes(action);
  const isCorrection = action === 'publish_correction';
  const needsNote = isCorrection && kind === 'correction';
  // The target's blockers count from the first render, so the dialog opens focused on the override reason.
  const activeBlockers = blockers.length ? blockers : (target.blockers ?? []);
  const needsOverride = activeBlockers.length > 0;
  const missing =
    (commentRequired && !comment.trim()) ||
    (action === 'withdraw' && !notice.trim()) ||
    (needsNote && !correctionText.trim()) ||
    (needsOverride && !overrideReason.trim()) ||
    (action === 'schedule' && !scheduledAt);
  const missingText = needsOverride && !overrideReason.trim()
    ? 'An override reason is required to publish despite the blockers.'
    : needsNote && !correctionText.trim()
      ? 'A correction note is required (or choose “Update”).'
      : action === 'withdraw' && comment.trim() && !notice.trim()
        ? 'The public notice is required.'
        : commentRequired && !comment.trim()
          ? `${copy.commentLabel} is required.`
          : 'Choose a time.';

  const confirm = async () => {
    if (missing || busy) return;
    setBusy(true);
    setError(null);
    const input: Omit<TransitionInput, 'expectedVersion'> = { action, comment: comment.trim() || null };
    // withdraw: `comment` is the internal reason (history only), `notice` the public 410 text.
    if (action === 'withdraw') input.notice = notice.trim();
    if (isCorrection) {
      input.kind = kind;
      if (kind === 'correction') {
        input.correction = { text: correctionText.trim(), date: correctionDate ? new Date(`${correctionDate}T00:00:00.000Z`).toISOString() : null };
      }
    }
    if (needsOverride) input.overrideReason = overrideReason.trim();
    if (action === 'schedule' && scheduledAt) input.scheduledAt = new Date(`${scheduledAt}:00.000Z`).toISOString();
    const refusal = await onConfirm(input);
    setBusy(false);
    if (refusal) {
      setError(refusal.message);
      if (refusal.blockers.length) setBlockers(refusal.blockers);
    }
  };

  /** Open on the first field, not on ✕. */
  const focusFirstField = (event: Event) => {
    const first = body.current?.querySelector<HTMLElement>('textarea, input, button[role="radio"]');
    if (first) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <Modal.Root open onOpenChange={(open: boolean) => (!open ? onClose() : undefined)}>
      <Modal.Content onOpenAutoFocus={focusFirstField} onCloseAutoFocus={(event: Event) => event.preventDefault()} data-workflow-dialog={action}>
        <Modal.Header closeLabel="Close the dialog">
          <Modal.Title>{isCorrection ? (kind === 'correction' ? 'Publish the correction' : 'Publish the update') : copy.title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4} ref={body}>
            {action === 'legal_hold' ? (
              <Typography variant="omega" textColor="neutral800" fontWeight="bold">
                {status.live
                  ? 'The story is live and STAYS live during the hold: to take it down, withdraw it.'
                  : 'The story is not live; it cannot be published while on hold.'}
              </Typography>
            ) : null}
            {isCorrection ? (
              <Radio.Group
                aria-label="Kind of fix"
                value={kind}
                onValueChange={(value: string) => setKind(value === 'update' ? 'update' : 'correction')}
              >
                <Radio.Item value="correction">Correction — a public note is printed with the story (a fact was wrong)</Radio.Item>
                <Radio.Item value="update">Update — no public note (a typo, a link, wording); recorded in the history</Radio.Item>
              </Radio.Group>
            ) : null}
            {copy.intro ? (
              <Typography variant="omega" textColor="neutral700">
                {copy.intro}
              </Typography>
            ) : null}
            {wantsDiff ? (
              <Box background="neutral100" padding={3} hasRadius style={{ maxHeight: '18rem', overflowY: 'auto' }}>
                {diff.data && !diff.data.live ? (
                  <Typography variant="pi" textColor="neutral600">
                    Never published: every field below is new.
                  </Typography>
                ) : null}
                <DiffView
                  diff={diff.data}
                  loading={diff.isLoading}
                  error={diff.error ? errorMessage(diff.error) : null}
                  emptyText="The draft does not differ from the live version."
                  label="Draft compared with the live version"
                />
              </Box>
            ) : null}
            {needsOverride ? <PublishBlockers blockers={activeBlockers} /> : null}
            {error ? (
              <Alert variant="danger" title="Refused" closeLabel="Dismiss" onClose={() => setError(null)}>
                {error}
              </Alert>
            ) : null}
            {needsNote ? (
              <>
                <Field.Root
                  name="correctionText"
                  id="editorial-workflow-correction-text"
                  required
                  hint="Printed with the story, e.g. “An earlier version misstated the date of the listing.” Once published it can no longer be edited."
                >
                  <Field.Label>Correction note</Field.Label>
                  <Textarea value={correctionText} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setCorrectionText(event.target.value)} />
                  <Field.Hint />
                </Field.Root>
                <Field.Root name="correctionDate" id="editorial-workflow-correction-date" hint="The date shown with the correction (UTC).">
                  <Field.Label>Correction date</Field.Label>
                  <Field.Input type="date" value={correctionDate} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setCorrectionDate(event.target.value)} />
                  <Field.Hint />
                </Field.Root>
              </>
            ) : null}
            {needsOverride ? (
              <Field.Root name="overrideReason" id="editorial-workflow-override-reason" required hint="Kept in the history with your name.">
                <Field.Label>Override reason</Field.Label>
                <Textarea value={overrideReason} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setOverrideReason(event.target.value)} />
                <Field.Hint />
              </Field.Root>
            ) : null}
            {action === 'schedule' ? (
              <Field.Root name="scheduledAt" id="editorial-workflow-scheduled-at" required hint="UTC; not before the embargo.">
                <Field.Label>Publish at</Field.Label>
                <Field.Input type="datetime-local" value={scheduledAt} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setScheduledAt(event.target.value)} />
                <Field.Hint />
              </Field.Root>
            ) : null}
            <Field.Root name="comment" id="editorial-workflow-comment" required={commentRequired}>
              <Field.Label>{copy.commentLabel}</Field.Label>
              <Textarea value={comment} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setComment(event.target.value)} />
            </Field.Root>
            {action === 'withdraw' ? (
              <Field.Root name="notice" id="editorial-workflow-notice" required hint="Shown to readers at the story's address instead of the story.">
                <Field.Label>Public notice</Field.Label>
                <Textarea value={notice} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setNotice(event.target.value)} />
                <Field.Hint />
              </Field.Root>
            ) : null}
            {missing ? (
              <Typography variant="pi" textColor="neutral600" aria-live="polite">
                {missingText}
              </Typography>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">Cancel</Button>
          </Modal.Close>
          <Button variant={copy.danger ? 'danger' : 'default'} onClick={confirm} disabled={missing} loading={busy} data-dialog-confirm={action}>
            {isCorrection ? (kind === 'correction' ? 'Publish correction' : 'Publish update') : needsOverride ? `${copy.confirm} anyway` : copy.confirm}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
