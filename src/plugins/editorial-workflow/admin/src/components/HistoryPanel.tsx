import { Box, Flex, Loader, Typography } from '@strapi/design-system';
import { stateMeta, useWorkflowConfig, useWorkflowHistory, useWorkflowStatus, type HistoryRecord, type WorkflowConfig } from '../api';
import { ACTION_DONE, formatDate, formatDateTime, relativeTime } from '../utils';

/** "● In review → ● Approved" on one line: the panel is narrow. */
const Move = ({ config, from, to }: { config: WorkflowConfig | null; from: string; to: string }) => {
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

const detailsText = (entry: HistoryRecord, names: Map<number, string>): string | null => {
  const details = entry.details ?? {};
  const correction = details.correction as { text?: string; date?: string | null } | undefined;
  if (correction?.text) return `Correction${correction.date ? ` (${formatDate(correction.date)})` : ''}: ${correction.text}`;
  if (typeof details.scheduledAt === 'string') return `Publication scheduled for ${formatDateTime(details.scheduledAt)}`;
  if (entry.action === 'assign') {
    const due = typeof details.dueDate === 'string' ? `, due ${formatDate(details.dueDate)}` : '';
    const id = Number(details.assigneeId);
    return details.assigneeId ? `Assigned to ${names.get(id) ?? `user #${id}`}${due}` : `Unassigned${due}`;
  }
  if (details.with && typeof details.with === 'object') return 'Carried along with the story it belongs to';
  return null;
};

/** The history timeline: who did what, when, with which comment; newest first. */
export const HistoryPanelContent = ({ model, documentId }: { model: string; documentId: string }) => {
  const { data: config } = useWorkflowConfig();
  const history = useWorkflowHistory(model, documentId);
  const status = useWorkflowStatus(model, documentId);

  if (history.error && !history.data) {
    return (
      <Typography variant="pi" textColor="danger600" role="alert">
        {history.error}
      </Typography>
    );
  }
  if (!history.data) return <Loader small>Loading the history…</Loader>;
  if (history.data.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        No workflow step yet: the story is a draft nobody has submitted.
      </Typography>
    );
  }

  const entries = [...history.data].reverse();
  // Names for assignment entries: the people in the history and the current assignee.
  const names = new Map<number, string>();
  for (const entry of history.data) if (entry.user.id && entry.user.name && entry.user.kind === 'admin') names.set(entry.user.id, entry.user.name);
  if (status.data?.assignee) names.set(status.data.assignee.id, status.data.assignee.name);
  return (
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
            style={{ borderLeft: '2px solid var(--editorial-workflow-rail, rgba(128,128,160,0.45))', marginLeft: 4 }}
            data-history-action={entry.action}
          >
            <span
              aria-hidden
              style={{
                position: 'absolute',
                left: -7,
                top: 2,
                width: 12,
                height: 12,
                borderRadius: '50%',
                background: config?.states.find((state) => state.state === entry.to)?.color ?? '#8e8ea9',
              }}
            />
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Typography variant="omega" fontWeight="bold" textColor="neutral800">
                {ACTION_DONE[entry.action] ?? entry.action}
              </Typography>
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
  );
};
