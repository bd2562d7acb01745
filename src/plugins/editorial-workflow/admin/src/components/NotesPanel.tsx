import * as React from 'react';
import { Badge, Box, Button, Checkbox, Field, Flex, Loader, Textarea, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import type { NoteRecord } from '../contracts';
import { useCreateReviewNoteMutation, useGetReviewNotesQuery, useUpdateReviewNoteMutation } from '../services/api';
import { errorMessage } from '../services/errors';
import { formatDateTime, relativeTime } from '../utils/format';
import { humanize } from '../utils/labels';

const codeLabel = (code: string) => humanize(code).toLowerCase();

type NoteProps = {
  note: NoteRecord;
  replies: NoteRecord[];
  onResolve: (note: NoteRecord, resolved: boolean) => Promise<void>;
  onReply: (parent: NoteRecord, body: string) => Promise<boolean>;
  busyId: number | null;
};

const NoteBody = ({ note }: { note: NoteRecord }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Flex gap={2} wrap="wrap" alignItems="center">
      <Typography variant="pi" fontWeight="bold" textColor="neutral800">
        {note.author.name ?? note.author.key}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        <time dateTime={note.createdAt ?? undefined} title={formatDateTime(note.createdAt)}>
          {relativeTime(note.createdAt)}
        </time>
      </Typography>
      {note.code ? (
        <Badge size="S" variant="secondary" title={`Import flag ${note.code}`}>
          {`flag: ${codeLabel(note.code)}`}
        </Badge>
      ) : null}
      {note.resolved ? (
        <Badge size="S" variant="success">
          resolved
        </Badge>
      ) : null}
    </Flex>
    {note.path ? (
      <Typography variant="pi" textColor="neutral600">
        Field: {note.path.split('.').map(humanize).join(' › ')}
      </Typography>
    ) : null}
    {note.excerpt ? (
      <Box tag="blockquote" paddingLeft={2} style={{ margin: 0, borderLeft: '3px solid rgba(128,128,160,0.5)' }}>
        <Typography variant="pi" textColor="neutral700" style={{ whiteSpace: 'pre-wrap' }}>
          {note.excerpt}
        </Typography>
      </Box>
    ) : null}
    <Typography variant="omega" textColor="neutral800" style={{ whiteSpace: 'pre-wrap' }}>
      {note.body}
    </Typography>
    {note.resolved && note.resolvedBy ? (
      <Typography variant="pi" textColor="neutral600">
        Resolved by {note.resolvedBy.name ?? note.resolvedBy.key} {note.resolvedAt ? relativeTime(note.resolvedAt) : ''}
      </Typography>
    ) : null}
  </Flex>
);

const NoteThread = ({ note, replies, onResolve, onReply, busyId }: NoteProps) => {
  const [replying, setReplying] = React.useState(false);
  const [reply, setReply] = React.useState('');
  const replyId = `editorial-workflow-reply-${note.id}`;
  return (
    <Box
      tag="li"
      padding={3}
      hasRadius
      background={note.resolved ? 'neutral100' : 'neutral0'}
      borderColor="neutral200"
      data-note-id={note.id}
      data-note-code={note.code ?? undefined}
      data-note-resolved={note.resolved ? 'true' : 'false'}
      aria-label={`Note by ${note.author.name ?? note.author.key}${note.resolved ? ' (resolved)' : ''}`}
    >
      <Flex direction="column" alignItems="stretch" gap={2}>
        <NoteBody note={note} />
        {replies.length > 0 ? (
          <Box tag="ul" paddingLeft={3} style={{ listStyle: 'none', margin: 0, borderLeft: '2px solid rgba(128,128,160,0.35)' }} aria-label="Replies">
            {replies.map((child) => (
              <Box tag="li" key={child.id} paddingTop={2} data-note-id={child.id}>
                <NoteBody note={child} />
              </Box>
            ))}
          </Box>
        ) : null}
        {replying ? (
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Field.Root name={replyId} id={replyId}>
              <Field.Label>Reply</Field.Label>
              <Textarea value={reply} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setReply(event.target.value)} />
            </Field.Root>
            <Flex gap={2}>
              <Button
                size="S"
                disabled={!reply.trim()}
                onClick={async () => {
                  if (await onReply(note, reply.trim())) {
                    setReply('');
                    setReplying(false);
                  }
                }}
              >
                Send reply
              </Button>
              <Button size="S" variant="tertiary" onClick={() => setReplying(false)}>
                Cancel
              </Button>
            </Flex>
          </Flex>
        ) : null}
        <Flex gap={2} wrap="wrap">
          <Button
            size="S"
            variant={note.resolved ? 'tertiary' : 'secondary'}
            loading={busyId === note.id}
            onClick={() => onResolve(note, !note.resolved)}
            aria-label={`${note.resolved ? 'Reopen' : 'Resolve'} note: ${note.body.slice(0, 60)}`}
          >
            {note.resolved ? 'Reopen' : 'Resolve'}
          </Button>
          {!replying ? (
            <Button size="S" variant="tertiary" onClick={() => setReplying(true)} aria-label={`Reply to note: ${note.body.slice(0, 60)}`}>
              Reply
            </Button>
          ) : null}
        </Flex>
      </Flex>
    </Box>
  );
};

/**
 * Review notes: a thread per note (replies by parentId), resolvable and
 * re-openable; the importer's flags arrive as notes with a `code`.
 */
export const NotesPanelContent = ({ model, documentId }: { model: string; documentId: string }) => {
  const notes = useGetReviewNotesQuery({ uid: model, documentId });
  const [createNote] = useCreateReviewNoteMutation();
  const [updateNote] = useUpdateReviewNoteMutation();
  const { toggleNotification } = useNotification();
  const [showResolved, setShowResolved] = React.useState(false);
  const [showAll, setShowAll] = React.useState(false);
  const [draft, setDraft] = React.useState('');
  const [busyId, setBusyId] = React.useState<number | null>(null);
  const [posting, setPosting] = React.useState(false);

  const all = notes.data ?? [];
  // People's notes first, newest first; then the importer's flags in the order it raised them.
  const roots = all
    .filter((note) => note.parentId === null || !all.some((candidate) => candidate.id === note.parentId))
    .map((note, index) => ({ note, index }))
    .sort((a, b) => {
      if (!a.note.code !== !b.note.code) return a.note.code ? 1 : -1;
      return a.note.code ? a.index - b.index : b.index - a.index;
    })
    .map(({ note }) => note);
  const open = roots.filter((note) => !note.resolved);
  const filtered = showResolved ? roots : open;
  const COLLAPSED = 5;
  const visible = showAll ? filtered : filtered.slice(0, COLLAPSED);

  const onResolve = async (note: NoteRecord, resolved: boolean) => {
    setBusyId(note.id);
    const result = await updateNote({ uid: model, documentId, id: note.id, resolved });
    if ('error' in result && result.error) toggleNotification({ type: 'danger', message: errorMessage(result.error) });
    setBusyId(null);
  };

  const add = async (body: string, parentId: number | null): Promise<boolean> => {
    const result = await createNote({ uid: model, documentId, body, parentId });
    if ('error' in result && result.error) {
      toggleNotification({ type: 'danger', message: errorMessage(result.error) });
      return false;
    }
    return true;
  };

  if (notes.error && !notes.data) {
    return (
      <Typography variant="pi" textColor="danger600" role="alert">
        {errorMessage(notes.error)}
      </Typography>
    );
  }
  if (!notes.data) return <Loader small>Loading the review notes…</Loader>;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="editorial-workflow-notes">
      <Flex justifyContent="space-between" alignItems="center" gap={2} wrap="wrap">
        <Typography variant="pi" textColor="neutral700" aria-live="polite">
          {open.length} open · {roots.length - open.length} resolved
        </Typography>
        {roots.length - open.length > 0 ? (
          <Checkbox checked={showResolved} onCheckedChange={(checked: boolean | 'indeterminate') => setShowResolved(checked === true)}>
            Show resolved
          </Checkbox>
        ) : null}
      </Flex>
      {visible.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {roots.length === 0 ? 'No review notes.' : 'All notes are resolved.'}
        </Typography>
      ) : (
        <Flex tag="ul" direction="column" alignItems="stretch" gap={2} aria-label="Review notes" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {visible.map((note) => (
            <NoteThread
              key={note.id}
              note={note}
              replies={all.filter((candidate) => candidate.parentId === note.id)}
              onResolve={onResolve}
              onReply={(parent, body) => add(body, parent.id)}
              busyId={busyId}
            />
          ))}
        </Flex>
      )}
      {filtered.length > COLLAPSED ? (
        <Button size="S" variant="tertiary" onClick={() => setShowAll(!showAll)} aria-expanded={showAll}>
          {showAll ? 'Show fewer notes' : `Show all ${filtered.length} notes`}
        </Button>
      ) : null}
      <Field.Root name="editorial-workflow-new-note" id="editorial-workflow-new-note">
        <Field.Label>Add a review note</Field.Label>
        <Textarea value={draft} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setDraft(event.target.value)} />
      </Field.Root>
      <Button
        size="S"
        variant="secondary"
        disabled={!draft.trim()}
        loading={posting}
        onClick={async () => {
          setPosting(true);
          if (await add(draft.trim(), null)) setDraft('');
          setPosting(false);
        }}
      >
        Add note
      </Button>
    </Flex>
  );
};
