import * as React from 'react';
import { Alert, Box, Button, Field, Flex, Modal, Textarea, Typography } from '@strapi/design-system';
import type { Action, TransitionInput } from '../api';
import { actionLabel, toDateInput } from '../utils';

export type DialogAction = { action: Action; requiresComment: boolean; requiresCorrection: boolean };

type Props = {
  target: DialogAction | null;
  embargoedUntil: string | null;
  onClose: () => void;
  /** Resolves to an error message (the dialog stays open and shows it) or null on success. */
  onConfirm: (input: Omit<TransitionInput, 'expectedVersion'>) => Promise<string | null>;
};

const COPY: Partial<Record<Action, { title: string; intro: string; commentLabel: string; confirm: string }>> = {
  request_changes: {
    title: 'Request changes',
    intro: 'The story goes back to its author. Say what needs to change; the comment is kept in the history.',
    commentLabel: 'What needs to change',
    confirm: 'Request changes',
  },
  withdraw: {
    title: 'Withdraw this story',
    intro:
      'Withdrawing takes the story off the public site (its address then answers "gone"). Give the reason: it is recorded in the history and kept as the withdrawal notice.',
    commentLabel: 'Reason for withdrawal',
    confirm: 'Withdraw',
  },
  legal_hold: {
    title: 'Place a legal hold',
    intro: 'While on hold the story cannot be approved, published or corrected. Give the reason; only Legal can release it.',
    commentLabel: 'Reason for the hold',
    confirm: 'Place legal hold',
  },
  publish_correction: {
    title: 'Publish the correction',
    intro: 'The correction note is appended to the story’s public corrections and the corrected version is published.',
    commentLabel: 'Comment for the history (optional)',
    confirm: 'Publish correction',
  },
  schedule: {
    title: 'Schedule publication',
    intro: 'The story is published automatically at this time (not before its embargo).',
    commentLabel: 'Comment (optional)',
    confirm: 'Schedule',
  },
};

const today = () => new Date().toISOString().slice(0, 10);

/** `yyyy-mm-ddThh:mm` (UTC) for a datetime-local input. */
const toDateTimeInput = (iso: string | null) => (iso ? iso.slice(0, 16) : '');

/**
 * The dialogs that ask for something before a transition: a comment (request
 * changes), a reason (withdraw, legal hold), a correction note (date + text), a
 * time (schedule). Every field is labelled; the confirm button stays disabled
 * until what the server requires is there; the server's refusal is shown inside.
 */
export const ActionDialog = ({ target, embargoedUntil, onClose, onConfirm }: Props) => {
  const [comment, setComment] = React.useState('');
  const [correctionText, setCorrectionText] = React.useState('');
  const [correctionDate, setCorrectionDate] = React.useState(today());
  const [scheduledAt, setScheduledAt] = React.useState('');
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    if (target) {
      setComment('');
      setCorrectionText('');
      setCorrectionDate(today());
      setScheduledAt(toDateTimeInput(embargoedUntil));
      setError(null);
      setBusy(false);
    }
  }, [target, embargoedUntil]);

  if (!target) return null;
  const { action } = target;
  const copy = COPY[action] ?? {
    title: actionLabel(action),
    intro: '',
    commentLabel: target.requiresComment ? 'Comment' : 'Comment (optional)',
    confirm: actionLabel(action),
  };
  const needsCorrection = target.requiresCorrection || action === 'publish_correction';
  const missing =
    (target.requiresComment && !comment.trim()) ||
    (target.requiresCorrection && !correctionText.trim()) ||
    (action === 'schedule' && !scheduledAt && !embargoedUntil);

  const confirm = async () => {
    if (missing || busy) return;
    setBusy(true);
    setError(null);
    const input: Omit<TransitionInput, 'expectedVersion'> = { action, comment: comment.trim() || null };
    if (needsCorrection && correctionText.trim()) {
      input.correction = { text: correctionText.trim(), date: correctionDate ? new Date(`${correctionDate}T00:00:00.000Z`).toISOString() : null };
    }
    if (action === 'schedule' && scheduledAt) input.scheduledAt = new Date(`${scheduledAt}:00.000Z`).toISOString();
    const message = await onConfirm(input);
    setBusy(false);
    if (message) setError(message);
  };

  const danger = action === 'withdraw' || action === 'legal_hold' || action === 'request_changes';

  return (
    <Modal.Root open onOpenChange={(open: boolean) => (!open ? onClose() : undefined)}>
      <Modal.Content>
        <Modal.Header closeLabel="Close the dialog">
          <Modal.Title>{copy.title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {copy.intro ? (
              <Typography variant="omega" textColor="neutral700">
                {copy.intro}
              </Typography>
            ) : null}
            {error ? (
              <Alert variant="danger" title="Refused" closeLabel="Dismiss" onClose={() => setError(null)}>
                {error}
              </Alert>
            ) : null}
            {needsCorrection ? (
              <>
                <Field.Root name="correctionDate" id="editorial-workflow-correction-date" hint="The date shown with the correction (UTC).">
                  <Field.Label>Correction date</Field.Label>
                  <Field.Input type="date" value={toDateInput(correctionDate)} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setCorrectionDate(event.target.value)} />
                  <Field.Hint />
                </Field.Root>
                <Field.Root
                  name="correctionText"
                  id="editorial-workflow-correction-text"
                  required={target.requiresCorrection}
                  hint="Published with the story, e.g. “An earlier version misstated the date of the listing.”"
                >
                  <Field.Label>Correction note</Field.Label>
                  <Textarea value={correctionText} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setCorrectionText(event.target.value)} />
                  <Field.Hint />
                </Field.Root>
              </>
            ) : null}
            {action === 'schedule' ? (
              <Field.Root name="scheduledAt" id="editorial-workflow-scheduled-at" hint="UTC. Leave as is to publish when the embargo ends.">
                <Field.Label>Publish at</Field.Label>
                <Field.Input type="datetime-local" value={scheduledAt} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setScheduledAt(event.target.value)} />
                <Field.Hint />
              </Field.Root>
            ) : null}
            <Field.Root name="comment" id="editorial-workflow-comment" required={target.requiresComment}>
              <Field.Label>{copy.commentLabel}</Field.Label>
              <Textarea value={comment} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setComment(event.target.value)} />
            </Field.Root>
            {missing ? (
              <Box>
                <Typography variant="pi" textColor="neutral600">
                  {target.requiresCorrection && !correctionText.trim()
                    ? 'A correction note is required.'
                    : target.requiresComment
                      ? `${copy.commentLabel} is required.`
                      : 'Choose a time.'}
                </Typography>
              </Box>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">Cancel</Button>
          </Modal.Close>
          <Button variant={danger ? 'danger' : 'default'} onClick={confirm} disabled={missing} loading={busy}>
            {copy.confirm}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
