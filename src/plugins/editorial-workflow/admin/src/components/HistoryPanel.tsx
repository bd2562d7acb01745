import * as React from 'react';
import { Box, Button, Checkbox, Flex, Loader, Modal, Typography } from '@strapi/design-system';
import type { HistoryRecord, VersionId, WorkflowConfig } from '../contracts';
import { stateMeta, useWorkflowConfig } from '../hooks/useWorkflowConfig';
import { useReturnFocus } from '../hooks/useReturnFocus';
import { useCompareWorkflowVersionsQuery, useGetWorkflowHistoryQuery, useGetWorkflowStatusQuery } from '../services/api';
import { errorMessage } from '../services/errors';
import { formatDate, formatDateTime, relativeTime } from '../utils/format';
import { ACTION_DONE, humanize } from '../utils/labels';
import { DiffView } from './DiffView';

/** "● In review → ● Approved" on one line: the panel is narrow. */
const Move = ({ config, from, to }: { config: WorkflowConfig | undefined; from: string; to: string }) => {
  const dot = (state: string) => (
    <span aria-hidden style={{ display: 'inline-block', width: 8, height: 8, borderRadius: '50%', background: stateMeta(config, state).color, marginRight: 4 }} />
  );
  return (
    <Typography variant="pi" textColor="neutral700">
      {dot(from)}
      {stateMeta(config, from).label} → {dot(to)}
      <Typography variant="pi" fontWeight="bold" textColor="neutral800">
        {stateMeta(config, to).label}
      </Typography>
    </Typography>
  );
};

const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** The fields a content save changed (the server records them in the entry's details). */
export const changedFields = (entry: HistoryRecord): string[] => stringList(entry.details?.fields ?? entry.details?.changedFields);

/** A content save is a version: its id can be compared with any other version. */
const isContentSave = (entry: HistoryRecord) => entry.action === 'edit';

/** Older first: the version before the first save, the saves, the live version, the current draft. */
const rank = (id: VersionId) => (id === 'initial' ? 0 : id === 'published' ? 1e15 : id === 'draft' ? 1e15 + 1 : Number(id));

const detailsText = (entry: HistoryRecord, names: Map<number, string>): string | null => {
  const details = entry.details ?? {};
  const fields = changedFields(entry);
  if (fields.length) return `Changed: ${fields.map(humanize).join(', ')}${details.returnedToReview ? ' — content changed after approval: back to review' : ''}`;
  const correction = details.correction as { text?: string; date?: string | null } | undefined;
  if (correction?.text) return `Correction${correction.date ? ` (${formatDate(correction.date)})` : ''}: ${correction.text}`;
  if (details.kind === 'update') return 'Update (no public note)';
  if (typeof details.overrideReason === 'string') return `Publish checks overridden: ${details.overrideReason}`;
  if (typeof details.notice === 'string') return `Public notice: ${details.notice}`;
  if (typeof details.scheduledAt === 'string') return `Publication scheduled for ${formatDateTime(details.scheduledAt)}`;
  if (entry.action === 'assign') {
    const due = typeof details.dueDate === 'string' ? `, due ${formatDate(details.dueDate)}` : '';
    const id = Number(details.assigneeId);
    return details.assigneeId ? `Assigned to ${names.get(id) ?? `user #${id}`}${due}` : `Unassigned${due}`;
  }
  if (details.with && typeof details.with === 'object') return 'Carried along with the story it belongs to';
  return null;
};

const label = (entry: HistoryRecord) => `${ACTION_DONE[entry.action] ?? humanize(entry.action)}, ${formatDateTime(entry.occurredAt)}`;

type Version = { id: VersionId; label: string };

const CompareDialog = ({ model, documentId, pair, onClose }: { model: string; documentId: string; pair: [Version, Version]; onClose: () => void }) => {
  const [older, newer] = pair;
  const compare = useCompareWorkflowVersionsQuery({ uid: model, documentId, from: older.id, to: newer.id });
  return (
    <Modal.Root open onOpenChange={(open: boolean) => (!open ? onClose() : undefined)}>
      <Modal.Content onCloseAutoFocus={(event: Event) => event.preventDefault()}>
        <Modal.Header closeLabel="Close the comparison">
          <Modal.Title>Compare two versions</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Typography variant="pi" textColor="neutral700">
              From <strong>{older.label}</strong> to <strong>{newer.label}</strong>
            </Typography>
            <DiffView
              diff={compare.data}
              loading={compare.isLoading}
              error={compare.error ? errorMessage(compare.error) : null}
              emptyText="The two versions have the same content."
              label="Differences between the two versions"
            />
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">Close</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/**
 * The timeline: workflow steps and content saves (who, when, which fields),
 * newest first. Tick any two entries to compare those versions field by field.
 */
export const HistoryPanelContent = ({ model, documentId }: { model: string; documentId: string }) => {
  const { data: config } = useWorkflowConfig();
  const history = useGetWorkflowHistoryQuery({ uid: model, documentId });
  const status = useGetWorkflowStatusQuery({ uid: model, documentId });
  const [selected, setSelected] = React.useState<VersionId[]>([]);
  const [comparing, setComparing] = React.useState(false);
  const focus = useReturnFocus();

  if (history.error && !history.data) {
    return (
      <Typography variant="pi" textColor="danger600" role="alert">
        {errorMessage(history.error)}
      </Typography>
    );
  }
  if (!history.data) return <Loader small>Loading the history…</Loader>;
  if (history.data.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        No step yet: the story is a draft nobody has submitted or saved.
      </Typography>
    );
  }

  const entries = [...history.data].reverse();
  const names = new Map<number, string>();
  for (const entry of history.data) if (entry.user.id && entry.user.name && entry.user.kind === 'admin') names.set(entry.user.id, entry.user.name);
  if (status.data?.assignee) names.set(status.data.assignee.id, status.data.assignee.name);

  const toggle = (id: VersionId) =>
    setSelected((current) => (current.includes(id) ? current.filter((item) => item !== id) : [...current.slice(-1), id]));
  const versions = new Map<VersionId, string>([['draft', 'Current draft']]);
  if (status.data?.live) versions.set('published', 'Live version');
  for (const entry of history.data) if (isContentSave(entry)) versions.set(String(entry.id), `Saved by ${entry.user.name ?? entry.user.key}, ${formatDateTime(entry.occurredAt)}`);
  const pair =
    selected.length === 2
      ? ([...selected].sort((a, b) => rank(a) - rank(b)).map((id) => ({ id, label: versions.get(id) ?? id })) as [Version, Version])
      : null;
  const versionBox = (id: VersionId, text: string) => (
    <Checkbox aria-label={`Compare: ${text}`} checked={selected.includes(id)} onCheckedChange={() => toggle(id)} data-version={id} />
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Flex gap={2} alignItems="center" wrap="wrap">
        <Button
          size="S"
          variant="secondary"
          disabled={!pair}
          data-focus-key="history-compare"
          onClick={() => {
            focus.remember();
            setComparing(true);
          }}
        >
          Compare selected versions
        </Button>
        <Typography variant="pi" textColor="neutral600" aria-live="polite">
          {selected.length === 2 ? '2 versions selected' : 'Tick two versions (content saves, the draft, the live version)'}
        </Typography>
      </Flex>
      <Flex gap={4} wrap="wrap">
        <Flex gap={2} alignItems="center">
          {versionBox('draft', 'Current draft')}
          <Typography variant="pi">Current draft</Typography>
        </Flex>
        {status.data?.live ? (
          <Flex gap={2} alignItems="center">
            {versionBox('published', 'Live version')}
            <Typography variant="pi">Live version</Typography>
          </Flex>
        ) : null}
      </Flex>
      <Box tag="ol" aria-label="Workflow history" data-testid="editorial-workflow-history" style={{ listStyle: 'none', margin: 0, padding: 0, width: '100%' }}>
        {entries.map((entry, index) => {
          const extra = detailsText(entry, names);
          return (
            <Box
              tag="li"
              key={entry.id}
              paddingLeft={4}
              paddingBottom={index === entries.length - 1 ? 0 : 4}
              position="relative"
              style={{ borderLeft: '2px solid rgba(128,128,160,0.45)', marginLeft: 4 }}
              data-history-action={entry.action}
              data-history-id={entry.id}
            >
              <span
                aria-hidden
                style={{
                  position: 'absolute',
                  left: -7,
                  top: 2,
                  width: 12,
                  height: 12,
                  borderRadius: isContentSave(entry) ? 2 : '50%',
                  background: stateMeta(config, entry.to).color,
                }}
              />
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Flex gap={2} alignItems="center">
                  {isContentSave(entry) ? versionBox(String(entry.id), label(entry)) : null}
                  <Typography variant="omega" fontWeight="bold" textColor="neutral800">
                    {ACTION_DONE[entry.action] ?? humanize(entry.action)}
                  </Typography>
                </Flex>
                <Typography variant="pi" textColor="neutral700">
                  {entry.user.name ?? entry.user.key} ·{' '}
                  <time dateTime={entry.occurredAt ?? undefined} title={formatDateTime(entry.occurredAt)}>
                    {formatDateTime(entry.occurredAt)} ({relativeTime(entry.occurredAt)})
                  </time>
                </Typography>
                {entry.from !== entry.to ? <Move config={config} from={entry.from} to={entry.to} /> : null}
                {entry.comment ? (
                  <Box tag="blockquote" paddingLeft={2} style={{ margin: 0, borderLeft: '3px solid rgba(128,128,160,0.5)' }}>
                    <Typography variant="pi" textColor="neutral800" style={{ whiteSpace: 'pre-wrap' }}>
                      “{entry.comment}”
                    </Typography>
                  </Box>
                ) : null}
                {extra ? (
                  <Typography variant="pi" textColor="neutral700">
                    {extra}
                  </Typography>
                ) : null}
              </Flex>
            </Box>
          );
        })}
      </Box>
      {comparing && pair ? (
        <CompareDialog
          model={model}
          documentId={documentId}
          pair={pair}
          onClose={() => {
            setComparing(false);
            focus.restore();
          }}
        />
      ) : null}
    </Flex>
  );
};
