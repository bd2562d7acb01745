/**
 * Admin side of the editorial workflow, built on Strapi 5.54's public extension
 * points only (as @strapi/review-workflows' admin is):
 *  - edit view: the state in the header (`addDocumentHeaderAction`), side panels
 *    (`addEditViewSidePanel`): workflow, review notes, history; Strapi's Publish
 *    button handed to the workflow (`addDocumentAction`);
 *  - list view: Workflow, Assignee, Due and Section columns (hook
 *    `Admin/CM/pages/ListView/inject-column-in-table`), "My queue" (injection zone
 *    `listView.actions`), bulk Submit / Approve / Publish (`addBulkAction`);
 *  - home page: the "My queue" widget (`app.widgets.register`).
 * All data goes through Strapi's admin data layer (services/api.ts).
 */
import type * as React from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';
import type { BulkActionComponent, DocumentActionComponent, HeaderActionComponent, PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { Bell } from '@strapi/icons';
import { withWorkflowBulkActions } from './components/BulkActions';
import { HeaderState } from './components/HeaderState';
import { HistoryPanelContent } from './components/HistoryPanel';
import { AssigneeCell, DueCell, ListFilters, SectionCell, StateCell } from './components/ListView';
import { NotesPanelContent } from './components/NotesPanel';
import { wrapPublishAction } from './components/PublishAction';
import { WorkflowPanelContent } from './components/WorkflowPanel';
import { isUnderWorkflow, lastConfig, useWorkflowConfig } from './hooks/useWorkflowConfig';
import { PLUGIN_ID, useGetReviewNotesQuery } from './services/api';
import { modelFromLocation } from './utils/format';

const INJECT_COLUMN_IN_TABLE = 'Admin/CM/pages/ListView/inject-column-in-table';

const WorkflowPanel: PanelComponent = ({ model, documentId }: PanelComponentProps) => {
  const { data: config } = useWorkflowConfig();
  if (!documentId || !isUnderWorkflow(config, model)) return null;
  // No state in the title: the header shows it (one indicator).
  return { title: 'Editorial workflow', content: <WorkflowPanelContent model={model} documentId={documentId} /> };
};

const NotesPanel: PanelComponent = ({ model, documentId }: PanelComponentProps) => {
  const { data: config } = useWorkflowConfig();
  const enabled = !!documentId && isUnderWorkflow(config, model);
  const notes = useGetReviewNotesQuery({ uid: model, documentId: documentId ?? '' }, { skip: !enabled });
  if (!enabled || !documentId) return null;
  const open = (notes.data ?? []).filter((note) => !note.resolved && note.parentId === null).length;
  return { title: notes.data ? `Review notes (${open} open)` : 'Review notes', content: <NotesPanelContent model={model} documentId={documentId} /> };
};

const HistoryPanel: PanelComponent = ({ model, documentId }: PanelComponentProps) => {
  const { data: config } = useWorkflowConfig();
  if (!documentId || !isUnderWorkflow(config, model)) return null;
  return { title: 'History', content: <HistoryPanelContent model={model} documentId={documentId} /> };
};

type Header = Record<string, unknown> & { name: string };
type ColumnHookArgs = { displayedHeaders: Header[]; layout: unknown };
type Row = { documentId?: string } & Record<string, unknown>;

const column = (name: string, label: string, render: (row: Row, model: string) => React.ReactNode): Header => ({
  attribute: { type: 'custom' },
  name,
  label: { id: `${PLUGIN_ID}.list.${name}`, defaultMessage: label },
  searchable: false,
  sortable: false,
  cellFormatter: (row: Row, _header: unknown, context: { model: string }) => render(row, context.model),
});

/** Workflow state right after the first column (visible without scrolling); assignee, due date, section after the title. */
const addWorkflowColumns = ({ displayedHeaders, layout }: ColumnHookArgs): ColumnHookArgs => {
  const model = modelFromLocation();
  const config = lastConfig();
  // Before the configuration is known, add the columns; their cells stay empty for types outside the workflow.
  if (!model || (config && !isUnderWorkflow(config, model))) return { displayedHeaders, layout };
  if (displayedHeaders.some((header) => header.name === 'editorialWorkflowState')) return { displayedHeaders, layout };
  const hasSection = model === 'api::article.article' && !displayedHeaders.some((header) => header.name === 'section');
  return {
    displayedHeaders: [
      ...displayedHeaders.slice(0, 1),
      column('editorialWorkflowState', 'Workflow', (row, uid) => <StateCell model={uid} documentId={row.documentId} />),
      ...displayedHeaders.slice(1, 2),
      column('editorialWorkflowAssignee', 'Assignee', (row, uid) => <AssigneeCell model={uid} documentId={row.documentId} />),
      column('editorialWorkflowDue', 'Due', (row, uid) => <DueCell model={uid} documentId={row.documentId} />),
      ...(hasSection ? [column('section', 'Section', (row) => <SectionCell value={row.section} />)] : []),
      ...displayedHeaders.slice(2),
    ],
    layout,
  };
};

type ContentManagerApis = {
  addEditViewSidePanel: (panels: PanelComponent[]) => void;
  addDocumentAction: (reducer: (actions: DocumentActionComponent[]) => DocumentActionComponent[]) => void;
  addDocumentHeaderAction: (reducer: (actions: HeaderActionComponent[]) => HeaderActionComponent[]) => void;
  addBulkAction: (reducer: (actions: BulkActionComponent[]) => BulkActionComponent[]) => void;
};

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Editorial workflow' });
    app.registerHook(INJECT_COLUMN_IN_TABLE, addWorkflowColumns as (...args: unknown[]) => unknown);
    app.widgets.register({
      id: 'my-queue',
      pluginId: PLUGIN_ID,
      icon: Bell,
      title: { id: `${PLUGIN_ID}.widget.my-queue.title`, defaultMessage: 'My queue' },
      component: async () => (await import('./components/MyQueueWidget')).MyQueueWidget,
      permissions: [{ action: 'plugin::content-manager.explorer.read' }],
    });
  },

  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager');
    const apis = contentManager.apis as unknown as ContentManagerApis;
    apis.addEditViewSidePanel([WorkflowPanel, NotesPanel, HistoryPanel]);
    apis.addDocumentHeaderAction((actions) => [HeaderState, ...actions]);
    apis.addDocumentAction((actions) => actions.map((action) => (action.type === 'publish' ? wrapPublishAction(action) : action)));
    apis.addBulkAction(withWorkflowBulkActions);
    contentManager.injectComponent('listView', 'actions', { name: `${PLUGIN_ID}-list-filters`, Component: ListFilters });
  },
};
