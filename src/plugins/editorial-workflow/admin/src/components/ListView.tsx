import * as React from 'react';
import { Button, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useNotification, useQueryParams } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';
import {
  errorMessage,
  fetchAssignedToMe,
  fetchDocumentIdsInState,
  isUnderWorkflow,
  useListState,
  useWorkflowConfig,
  type State,
} from '../api';
import { StateBadge } from './StateBadge';

/* ------------------------------------------------------------------------------------------
 * The "Workflow" column: one badge per row, the rows' states fetched in one request
 * ----------------------------------------------------------------------------------------*/

export const StateCell = ({ model, documentId }: { model: string; documentId?: string }) => {
  const { data: config } = useWorkflowConfig();
  const under = isUnderWorkflow(config, model);
  const entry = useListState(model, documentId, under && !!documentId);
  if (!config || !under) return null;
  if (entry.data) return <StateBadge config={config} state={entry.data.state} size="S" legalHold={entry.data.legalHold} />;
  if (entry.error) {
    return (
      <Typography variant="pi" textColor="neutral500" title={entry.error}>
        —
      </Typography>
    );
  }
  return (
    <Typography variant="pi" textColor="neutral500" aria-label="Loading the workflow state">
      …
    </Typography>
  );
};

/* ------------------------------------------------------------------------------------------
 * Filters: by workflow state and "assigned to me", as a documentId filter in the URL
 * ----------------------------------------------------------------------------------------*/

/** Most documentIds put in the URL (a longer query string would exceed request header limits). */
const MAX_IDS = 150;
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

type Selection = { state: State | ''; mine: boolean };

const storageKey = (model: string) => `editorial-workflow:list-filter:${model}`;

const readSelection = (model: string): Selection => {
  try {
    const raw = window.sessionStorage.getItem(storageKey(model));
    if (raw) return { state: '', mine: false, ...(JSON.parse(raw) as Partial<Selection>) };
  } catch {
    // ignore unreadable storage
  }
  return { state: '', mine: false };
};

export const ListFilters = () => {
  const { slug: model = '' } = useParams<{ slug: string }>();
  const { data: config } = useWorkflowConfig();
  const [{ query }, setQuery] = useQueryParams<Query>();
  const { toggleNotification } = useNotification();
  const [selection, setSelection] = React.useState<Selection>(() => readSelection(model));
  const [busy, setBusy] = React.useState(false);
  const [summary, setSummary] = React.useState<string | null>(null);

  const ourFilterActive = (query.filters?.$and ?? []).some(isOurs);

  // The URL is the truth: when our filter was removed (chip closed, link followed), forget the selection.
  React.useEffect(() => {
    if (!ourFilterActive && (selection.state || selection.mine)) {
      setSelection({ state: '', mine: false });
      setSummary(null);
      window.sessionStorage.removeItem(storageKey(model));
    }
  }, [ourFilterActive, model]);

  React.useEffect(() => {
    setSelection(readSelection(model));
  }, [model]);

  if (!config || !isUnderWorkflow(config, model)) return null;

  const apply = async (next: Selection) => {
    setSelection(next);
    window.sessionStorage.setItem(storageKey(model), JSON.stringify(next));
    const others = (query.filters?.$and ?? []).filter((filter) => !isOurs(filter));
    if (!next.state && !next.mine) {
      setSummary(null);
      const { filters: _filters, ...rest } = query;
      setQuery({ ...rest, page: 1, ...(others.length ? { filters: { $and: others } } : {}) } as Query, 'push', true);
      return;
    }
    setBusy(true);
    try {
      let ids: string[] | null = null;
      let truncatedScan = false;
      if (next.state) {
        const found = await fetchDocumentIdsInState(model, next.state);
        ids = found.ids;
        truncatedScan = found.truncated;
      }
      if (next.mine) {
        const mine = (await fetchAssignedToMe(model)).map((item) => item.documentId);
        ids = ids ? ids.filter((id) => mine.includes(id)) : mine;
      }
      const all = ids ?? [];
      const shown = all.slice(0, MAX_IDS);
      const label = [next.state ? `state “${config.states.find((s) => s.state === next.state)?.label ?? next.state}”` : null, next.mine ? 'assigned to you' : null]
        .filter(Boolean)
        .join(', ');
      setSummary(
        all.length > MAX_IDS || truncatedScan
          ? `Showing the first ${shown.length} of ${all.length}${truncatedScan ? '+' : ''} documents (${label}).`
          : `${all.length} document${all.length === 1 ? '' : 's'}: ${label}.`,
      );
      setQuery({ ...query, page: 1, filters: { $and: [...others, { documentId: { $in: shown.length ? shown : [NONE] } }] } } as Query, 'push', true);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex gap={2} alignItems="center" wrap="wrap" data-testid="editorial-workflow-list-filters">
      <SingleSelect
        aria-label="Filter by workflow state"
        placeholder="Workflow state"
        size="S"
        value={selection.state || 'any'}
        onChange={(value: string | number) => void apply({ ...selection, state: value === 'any' ? '' : (String(value) as State) })}
        disabled={busy}
      >
        <SingleSelectOption value="any">Any workflow state</SingleSelectOption>
        {config.states.map((state) => (
          <SingleSelectOption key={state.state} value={state.state}>
            {state.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Button
        size="S"
        variant={selection.mine ? 'default' : 'tertiary'}
        aria-pressed={selection.mine}
        onClick={() => void apply({ ...selection, mine: !selection.mine })}
        loading={busy}
      >
        Assigned to me
      </Button>
      {summary && ourFilterActive ? (
        <Typography variant="pi" textColor="neutral600" aria-live="polite">
          {summary}
        </Typography>
      ) : null}
    </Flex>
  );
};
