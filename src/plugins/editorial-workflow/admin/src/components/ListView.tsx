import * as React from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { useNotification, useQueryParams } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';
import type { ListState } from '../contracts';
import { isUnderWorkflow, useWorkflowConfig } from '../hooks/useWorkflowConfig';
import { useGetAssigneesQuery, useGetListStatesQuery, useGetMyQueueQuery } from '../services/api';
import { errorMessage } from '../services/errors';
import { formatDate, relativeTime } from '../utils/format';
import { humanize } from '../utils/labels';
import { StateBadge } from './StateBadge';

/* ------------------------------------------------------------------------------------------
 * The rows on screen, per type: every cell registers its documentId, and all the
 * cells of a page ask the data layer with the same argument (the page's ids), so
 * RTK Query sends ONE request for the page and shares the answer.
 * ----------------------------------------------------------------------------------------*/

const mounted = new Map<string, Map<string, number>>();
const listeners = new Set<() => void>();
const snapshots = new Map<string, string[]>();
let notifyScheduled = false;

const notify = () => {
  if (notifyScheduled) return;
  notifyScheduled = true;
  // One update per render pass of the table, not one per cell.
  queueMicrotask(() => {
    notifyScheduled = false;
    snapshots.clear();
    listeners.forEach((listener) => listener());
  });
};

const register = (uid: string, documentId: string) => {
  const ids = mounted.get(uid) ?? new Map<string, number>();
  mounted.set(uid, ids);
  ids.set(documentId, (ids.get(documentId) ?? 0) + 1);
  notify();
  return () => {
    const count = (ids.get(documentId) ?? 1) - 1;
    if (count <= 0) ids.delete(documentId);
    else ids.set(documentId, count);
    notify();
  };
};

const pageIds = (uid: string): string[] => {
  if (!snapshots.has(uid)) snapshots.set(uid, [...(mounted.get(uid)?.keys() ?? [])].sort());
  return snapshots.get(uid) ?? [];
};

const useRowState = (uid: string, documentId: string | undefined, enabled: boolean) => {
  React.useEffect(() => (enabled && documentId ? register(uid, documentId) : undefined), [uid, documentId, enabled]);
  const subscribe = React.useCallback((listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  const getIds = React.useCallback(() => pageIds(uid), [uid]);
  const ids = React.useSyncExternalStore(subscribe, getIds, getIds);
  const query = useGetListStatesQuery({ uid, documentIds: ids }, { skip: !enabled || ids.length === 0 });
  const row: ListState | undefined = documentId ? query.data?.[documentId] : undefined;
  return { row, error: query.error ? errorMessage(query.error) : null, loading: !row && !query.error };
};

type CellProps = { model: string; documentId?: string };

const Dash = ({ title }: { title?: string }) => (
  <Typography variant="pi" textColor="neutral500" title={title}>
    —
  </Typography>
);

/** The one workflow state indicator of a row. */
export const StateCell = ({ model, documentId }: CellProps) => {
  const { data: config } = useWorkflowConfig();
  const under = isUnderWorkflow(config, model);
  const { row, error } = useRowState(model, documentId, under && !!documentId);
  if (!config || !under) return null;
  if (row) return <StateBadge config={config} state={row.state} size="S" legalHold={row.legalHold} />;
  return error ? <Dash title={error} /> : <Typography variant="pi" textColor="neutral500">…</Typography>;
};

export const AssigneeCell = ({ model, documentId }: CellProps) => {
  const { data: config } = useWorkflowConfig();
  const under = isUnderWorkflow(config, model);
  const { row } = useRowState(model, documentId, under && !!documentId);
  // Names from the assignees route (Editors); others see the name the row carries, if any.
  const assignees = useGetAssigneesQuery(undefined, { skip: !row?.assigneeId });
  if (!row?.assigneeId) return <Dash />;
  const named = row as ListState & { assigneeName?: string | null };
  const name = assignees.data?.find((user) => user.id === row.assigneeId)?.name ?? named.assigneeName ?? `#${row.assigneeId}`;
  return (
    <Typography variant="pi" textColor="neutral800">
      {name}
    </Typography>
  );
};

export const DueCell = ({ model, documentId }: CellProps) => {
  const { data: config } = useWorkflowConfig();
  const under = isUnderWorkflow(config, model);
  const { row } = useRowState(model, documentId, under && !!documentId);
  if (!row?.dueDate) return <Dash />;
  const overdue = new Date(row.dueDate).getTime() < Date.now();
  return (
    <Typography variant="pi" textColor={overdue ? 'danger600' : 'neutral800'} title={relativeTime(row.dueDate)}>
      {formatDate(row.dueDate)}
      {overdue ? ' (overdue)' : ''}
    </Typography>
  );
};

export const SectionCell = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value ? (
    <Typography variant="pi" textColor="neutral800">
      {humanize(value)}
    </Typography>
  ) : (
    <Dash />
  );

/* ------------------------------------------------------------------------------------------
 * "My queue": the documents of this type assigned to me, as a documentId filter in the
 * URL (the server answers who is assigned; nothing is paged through on the client).
 * ----------------------------------------------------------------------------------------*/

/** Most documentIds put in the URL (a longer query string would exceed request header limits). */
export const MAX_IDS = 150;
const NONE = '__editorial_workflow_none__';

type Filter = Record<string, unknown>;
type Query = { filters?: { $and?: Filter[] }; page?: string | number; [key: string]: unknown };

/** Our filter: `{ documentId: { $in: [...] } }` and nothing else. */
const isOurs = (filter: Filter): boolean => {
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== 'documentId') return false;
  const value = filter.documentId as Record<string, unknown> | null;
  return !!value && typeof value === 'object' && Object.keys(value).length === 1 && '$in' in value;
};

/** The list URL's query for "my queue" of one type (used by the home-page widget too). */
export const queueFilter = (documentIds: string[]) => ({ $and: [{ documentId: { $in: documentIds.length ? documentIds.slice(0, MAX_IDS) : [NONE] } }] });

export const ListFilters = () => {
  const { slug: model = '' } = useParams<{ slug: string }>();
  const { data: config } = useWorkflowConfig();
  const [{ query }, setQuery] = useQueryParams<Query>();
  const { toggleNotification } = useNotification();
  const active = (query.filters?.$and ?? []).some(isOurs);
  const queue = useGetMyQueueQuery(undefined, { skip: !isUnderWorkflow(config, model) });

  if (!config || !isUnderWorkflow(config, model)) return null;
  const mine = (queue.data ?? []).filter((item) => item.uid === model).map((item) => item.documentId);

  const toggle = () => {
    const others = (query.filters?.$and ?? []).filter((filter) => !isOurs(filter));
    if (active) {
      const { filters: _filters, ...rest } = query;
      setQuery({ ...rest, page: 1, ...(others.length ? { filters: { $and: others } } : {}) } as Query, 'push', true);
      return;
    }
    if (queue.error) {
      toggleNotification({ type: 'danger', message: errorMessage(queue.error) });
      return;
    }
    setQuery({ ...query, page: 1, filters: { $and: [...others, ...queueFilter(mine).$and] } } as Query, 'push', true);
  };

  return (
    <Flex gap={2} alignItems="center" wrap="wrap" data-testid="editorial-workflow-list-filters">
      <Button size="S" variant={active ? 'default' : 'tertiary'} aria-pressed={active} onClick={toggle} loading={queue.isLoading}>
        My queue
      </Button>
      {active ? (
        <Typography variant="pi" textColor="neutral600" aria-live="polite">
          {mine.length === 1 ? '1 document assigned to you' : `${mine.length} documents assigned to you`}
          {mine.length > MAX_IDS ? ` (showing the first ${MAX_IDS})` : ''}
        </Typography>
      ) : null}
    </Flex>
  );
};
