/**
 * Admin side of the editorial workflow, built only on the content manager's
 * public extension points (Strapi 5.54):
 *  - edit view side panels (`apis.addEditViewSidePanel`): the workflow (state,
 *    facts, assignment, actions with their dialogs), review notes, history;
 *  - list view: a "Workflow" column (hook `Admin/CM/pages/ListView/inject-column-in-table`)
 *    and state / "assigned to me" filters (injection zone `listView.actions`).
 *  - Strapi's own Publish button, augmented (`apis.addDocumentAction`): for
 *    documents under the workflow it asks the workflow to publish, so before
 *    approval the server's refusal is shown as a notification.
 * All requests go to the app's own server through Strapi's fetch client.
 */
import type { StrapiApp } from '@strapi/strapi/admin';
import type { DocumentActionComponent, PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import * as React from 'react';
import { isUnderWorkflow, loadConfig, peekConfig, PLUGIN_ID, refreshDocument, useReviewNotes, useWorkflowConfig, useWorkflowStatus } from './api';
import { HistoryPanelContent } from './components/HistoryPanel';
import { ListFilters, StateCell } from './components/ListView';
import { NotesPanelContent } from './components/NotesPanel';
import { wrapPublishAction } from './components/PublishAction';
import { WorkflowPanelContent } from './components/WorkflowPanel';
import { modelFromLocation } from './utils';

const INJECT_COLUMN_IN_TABLE = 'Admin/CM/pages/ListView/inject-column-in-table';

const WorkflowPanel: PanelComponent = ({ model, documentId, collectionType, document }: PanelComponentProps) => {
  const { data: config } = useWorkflowConfig();
  const enabled = !!documentId && isUnderWorkflow(config, model);
  const status = useWorkflowStatus(model, documentId, enabled);
  // Strapi's own Publish (handed to the workflow once approved) or a save changes the document: reload the workflow.
  const version = `${String(document?.status ?? '')}|${String(document?.updatedAt ?? '')}|${String(document?.publishedAt ?? '')}`;
  const seen = React.useRef(version);
  React.useEffect(() => {
    if (!enabled || !documentId || seen.current === version) return;
    seen.current = version;
    void refreshDocument(model, documentId);
  }, [enabled, model, documentId, version]);
  if (!enabled || !documentId) return null;
  return {
    title: status.data ? `Editorial workflow · ${config?.states.find((state) => state.state === status.data?.state)?.label ?? status.data.state}` : 'Editorial workflow',
    content: <WorkflowPanelContent model={model} documentId={documentId} collectionType={collectionType} />,
  };
};

const NotesPanel: PanelComponent = ({ model, documentId }: PanelComponentProps) => {
  const { data: config } = useWorkflowConfig();
  const enabled = !!documentId && isUnderWorkflow(config, model);
  const notes = useReviewNotes(model, documentId, enabled);
  if (!enabled || !documentId) return null;
  const open = (notes.data ?? []).filter((note) => !note.resolved && note.parentId === null).length;
  return {
    title: notes.data ? `Review notes (${open} open)` : 'Review notes',
    content: <NotesPanelContent model={model} documentId={documentId} />,
  };
};

const HistoryPanel: PanelComponent = ({ model, documentId }: PanelComponentProps) => {
  const { data: config } = useWorkflowConfig();
  if (!documentId || !isUnderWorkflow(config, model)) return null;
  return { title: 'Workflow history', content: <HistoryPanelContent model={model} documentId={documentId} /> };
};

type Header = Record<string, unknown> & { name: string };
type ColumnHookArgs = { displayedHeaders: Header[]; layout: unknown };

const addStateColumn = ({ displayedHeaders, layout }: ColumnHookArgs): ColumnHookArgs => {
  const model = modelFromLocation();
  const config = peekConfig();
  if (!config) void loadConfig();
  // Before the configuration is known, add the column; its cells stay empty for types outside the workflow.
  if (!model || (config && !isUnderWorkflow(config, model))) return { displayedHeaders, layout };
  if (displayedHeaders.some((header) => header.name === 'editorialWorkflowState')) return { displayedHeaders, layout };
  // Right after the first column (usually the id), so the state is visible without scrolling a wide table.
  return {
    displayedHeaders: [
      ...displayedHeaders.slice(0, 1),
      {
        attribute: { type: 'custom' },
        name: 'editorialWorkflowState',
        label: { id: `${PLUGIN_ID}.list.state`, defaultMessage: 'Workflow' },
        searchable: false,
        sortable: false,
        cellFormatter: (row: { documentId?: string }, _header: unknown, context: { model: string }) => (
          <StateCell model={context.model} documentId={row.documentId} />
        ),
      },
      ...displayedHeaders.slice(1),
    ],
    layout,
  };
};

type ContentManagerApis = {
  addEditViewSidePanel: (panels: PanelComponent[]) => void;
  addDocumentAction: (reducer: (actions: DocumentActionComponent[]) => DocumentActionComponent[]) => void;
};

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Editorial workflow' });
    app.registerHook(INJECT_COLUMN_IN_TABLE, addStateColumn as (...args: unknown[]) => unknown);
  },

  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager');
    const apis = contentManager.apis as unknown as ContentManagerApis;
    apis.addEditViewSidePanel([WorkflowPanel, NotesPanel, HistoryPanel]);
    apis.addDocumentAction((actions) => actions.map((action) => (action.type === 'publish' ? wrapPublishAction(action) : action)));
    contentManager.injectComponent('listView', 'actions', { name: `${PLUGIN_ID}-list-filters`, Component: ListFilters });
  },
};
