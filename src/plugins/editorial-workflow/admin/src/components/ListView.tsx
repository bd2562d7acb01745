import * as React from 'react';
import { Button, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useNotification, useQueryParams } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';
import type { ListState, State } from '../contracts';
import { isUnderWorkflow, useWorkflowConfig } from '../hooks/useWorkflowConfig';
import { useGetAssigneesQuery, useGetListStatesQuery, useGetMyQueueQuery, useLazyGetDocumentsInStateQuery } from '../services/api';
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
 * Filters: a workflow state, or "My queue", as a documentId filter in the URL. The
 * server answers which documents are in the state (among those the user may read) or
 * assigned to her; nothing is paged through on the client.
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

/** Which of our filters the URL holds: the URL cannot say, so the tab remembers it (per type). */
type Selection = { kind: 'queue' } | { kind: 'state'; state: State; total: number };
const storageKey = (model: string) => `editorial-workflow:list-filter:${model}`;
const readSelection = (model: string): Selection | null => {
  try {
    const raw = window.sessionStorage.getItem(storageKey(model));
    return raw ? (JSON.parse(raw) as Selection) : null;
  } catch {
    return null;
  }
};
const writeSelection = (model: string, selection: Selection | null) => {
  try {
    if (selection) window.sessionStorage.setItem(storageKey(model), JSON.stringify(selection));
    else window.sessionStorage.removeItem(storageKey(model));
  } catch {
    // Private mode: the filter still works, only its label is lost on reload.
  }
};

/** The home page's "My queue" links open the list with the queue filter: say so to the list. */
export const rememberQueueFilter = (model: string) => writeSelection(model, { kind: 'queue' });

const ANY = 'any';

export const ListFilters = () => {
  const { slug: model = '' } = useParams<{ slug: string }>();
  const { data: config } = useWorkflowConfig();
  const [{ query }, setQuery] = useQueryParams<Query>();
  const { toggleNotification } = useNotification();
  const active = (query.filters?.$and ?? []).some(isOurs);
  const under = isUnderWorkflow(config, model);
  const queue = useGetMyQueueQuery(undefined, { skip: !under });
  const [findInState, inState] = useLazyGetDocumentsInStateQuery();
  const [stored, setStored] = React.useState<Selection | null>(() => readSelection(model));
  // The URL is the truth: once our filter is gone (chip closed, link followed), so is the selection.
  const selection = active ? (stored ?? { kind: 'queue' as const }) : null;

  React.useEffect(() => setStored(readSelection(model)), [model]);

  if (!config || !under) return null;
  const mine = (queue.data ?? []).filter((item) => item.uid === model).map((item) => item.documentId);

  const apply = (next: Selection | null, ids: string[]) => {
    writeSelection(model, next);
    setStored(next);
    const others = (query.filters?.$and ?? []).filter((filter) => !isOurs(filter));
    if (!next) {
      const { filters: _filters, ...rest } = query;
      setQuery({ ...rest, page: 1, ...(others.length ? { filters: { $and: others } } : {}) } as Query, 'push', true);
      return;
    }
    setQuery({ ...query, page: 1, filters: { $and: [...others, ...queueFilter(ids).$and] } } as Query, 'push', true);
  };

  const toggleQueue = () => {
    if (selection?.kind === 'queue') return apply(null, []);
    if (queue.error) return toggleNotification({ type: 'danger', message: errorMessage(queue.error) });
    return apply({ kind: 'queue' }, mine);
  };

  const chooseState = async (value: string | number) => {
    if (value === ANY) return apply(null, []);
    const state = String(value) as State;
    const result = await findInState({ uid: model, state, page: 1, pageSize: MAX_IDS });
    if (result.error || !result.data) {
      toggleNotification({ type: 'danger', message: errorMessage(result.error) });
      return;
    }
    apply({ kind: 'state', state, total: result.data.meta.pagination.total }, result.data.data.map((row) => row.documentId));
  };

  const stateLabel = (state: State) => config.states.find((candidate) => candidate.state === state)?.label ?? state;
  const count = (total: number) => (total === 1 ? '1 document' : `${total} documents`);
  let summary: string | null = null;
  if (selection?.kind === 'queue') summary = `${count(mine.length)} assigned to you${mine.length > MAX_IDS ? ` (showing the first ${MAX_IDS})` : ''}`;
  if (selection?.kind === 'state') summary = `${count(selection.total)} ${stateLabel(selection.state).toLowerCase()}${selection.total > MAX_IDS ? ` (showing the ${MAX_IDS} saved last)` : ''}`;

  return (
    <Flex gap={2} alignItems="center" wrap="wrap" data-testid="editorial-workflow-list-filters">
      <SingleSelect
        aria-label="Filter by workflow state"
        placeholder="Workflow state"
        size="S"
        value={selection?.kind === 'state' ? selection.state : ANY}
        onChange={(value: string | number) => void chooseState(value)}
        disabled={inState.isFetching}
      >
        <SingleSelectOption value={ANY}>Any workflow state</SingleSelectOption>
        {config.states.map((state) => (
          <SingleSelectOption key={state.state} value={state.state}>
            {state.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Button size="S" variant={selection?.kind === 'queue' ? 'default' : 'tertiary'} aria-pressed={selection?.kind === 'queue'} onClick={toggleQueue} loading={queue.isLoading}>
        My queue
      </Button>
      {summary ? (
        <Typography variant="pi" textColor="neutral600" aria-live="polite">
          {summary}
        </Typography>
      ) : null}
    </Flex>
  );
};
