/**
 * The plugin's admin routes as endpoints of Strapi's own admin data layer
 * (`adminApi` from @strapi/admin, RTK Query), the way @strapi/review-workflows'
 * admin does it: one cache shared by the side panels, the list column, the
 * bulk actions and the home-page widget; the admin JWT and its refresh are
 * Strapi's (`fetchBaseQuery` → `getFetchClient`).
 *
 * Freshness comes from tags, not from timers: every workflow query of a
 * document also provides the content manager's own `Document` tag of that
 * document, so a content-manager save refetches the workflow panel (a save after
 * approval sends the story back to review: the panel shows it at once), and a
 * transition invalidates both (the edit view reloads the published version).
 */
import { adminApi } from '@strapi/strapi/admin';
import type {
  Assignee,
  AssignedItem,
  BulkTransitionRequest,
  BulkTransitionResponse,
  CompareResult,
  DiffResponse,
  DocumentsInStateQuery,
  DocumentsInStateResponse,
  HistoryRecord,
  ListState,
  NoteRecord,
  TransitionInput,
  VersionId,
  VersionSummary,
  WorkflowConfig,
  WorkflowStatus,
} from '../contracts';

export const PLUGIN_ID = 'editorial-workflow';
const BASE = `/${PLUGIN_ID}`;

type Doc = { uid: string; documentId: string };

const docPath = ({ uid, documentId }: Doc) => `${BASE}/documents/${encodeURIComponent(uid)}/${encodeURIComponent(documentId)}`;

/** The tags of one document: ours, and the content manager's (so both views refresh together). */
const docTags = ({ uid, documentId }: Doc) =>
  [
    { type: 'EditorialWorkflow' as const, id: `${uid}_${documentId}` },
    { type: 'Document' as const, id: `${uid}_${documentId}` },
  ] as const;

const listTags = (uid: string) =>
  [
    { type: 'EditorialWorkflowList' as const, id: uid },
    { type: 'Document' as const, id: `${uid}_LIST` },
  ] as const;

type Data<T> = { data: T };
const unwrap = <T>(response: Data<T>) => response.data;

const workflowApi = adminApi
  .enhanceEndpoints({ addTagTypes: ['EditorialWorkflow', 'EditorialWorkflowList', 'EditorialWorkflowQueue', 'Document'] })
  .injectEndpoints({
    endpoints: (builder) => ({
      getWorkflowConfig: builder.query<WorkflowConfig, void>({
        query: () => `${BASE}/config`,
        transformResponse: unwrap<WorkflowConfig>,
      }),

      getWorkflowStatus: builder.query<WorkflowStatus, Doc>({
        query: (doc) => docPath(doc),
        transformResponse: unwrap<WorkflowStatus>,
        providesTags: (_result, _error, doc) => [...docTags(doc)],
      }),

      getWorkflowHistory: builder.query<HistoryRecord[], Doc>({
        query: (doc) => `${docPath(doc)}/history`,
        transformResponse: unwrap<HistoryRecord[]>,
        providesTags: (_result, _error, doc) => [...docTags(doc)],
      }),

      /** Field-level diff of the draft against the live version (the approve and publish-correction dialogs). */
      getWorkflowDiff: builder.query<DiffResponse['data'], Doc>({
        query: (doc) => `${docPath(doc)}/diff`,
        transformResponse: unwrap<DiffResponse['data']>,
        providesTags: (_result, _error, doc) => [...docTags(doc)],
      }),

      /** The recorded versions (content saves), oldest first, then the draft and the live version. */
      getWorkflowVersions: builder.query<VersionSummary[], Doc>({
        query: (doc) => `${docPath(doc)}/versions`,
        transformResponse: unwrap<VersionSummary[]>,
        providesTags: (_result, _error, doc) => [...docTags(doc)],
      }),

      /** Field-level comparison of any two versions. */
      compareWorkflowVersions: builder.query<CompareResult, Doc & { from: VersionId; to: VersionId }>({
        query: ({ from, to, ...doc }) => ({ url: `${docPath(doc)}/compare`, method: 'GET', config: { params: { from, to } } }),
        transformResponse: unwrap<CompareResult>,
      }),

      getReviewNotes: builder.query<NoteRecord[], Doc>({
        query: (doc) => `${docPath(doc)}/notes`,
        transformResponse: unwrap<NoteRecord[]>,
        providesTags: (_result, _error, doc) => [...docTags(doc)],
      }),

      createReviewNote: builder.mutation<NoteRecord, Doc & { body: string; parentId?: number | null }>({
        query: ({ uid, documentId, ...data }) => ({ url: `${docPath({ uid, documentId })}/notes`, method: 'POST', data }),
        transformResponse: unwrap<NoteRecord>,
        invalidatesTags: (_result, _error, doc) => [...docTags(doc)],
      }),

      /**
       * Resolve or reopen a note (the server decides who may). `PUT /notes/:id`,
       * the route's twin of `PATCH`: Strapi's admin fetch client sends get, post,
       * put and delete only.
       */
      updateReviewNote: builder.mutation<NoteRecord, Doc & { id: number; resolved: boolean }>({
        query: ({ id, resolved }) => ({ url: `${BASE}/notes/${id}`, method: 'PUT', data: { resolved } }),
        transformResponse: unwrap<NoteRecord>,
        invalidatesTags: (_result, _error, doc) => [...docTags(doc)],
      }),

      transition: builder.mutation<WorkflowStatus, Doc & { input: TransitionInput }>({
        query: ({ input, ...doc }) => ({ url: `${docPath(doc)}/transitions`, method: 'POST', data: input }),
        transformResponse: unwrap<WorkflowStatus>,
        invalidatesTags: (_result, _error, doc) => [...docTags(doc), ...listTags(doc.uid), 'EditorialWorkflowQueue'],
      }),

      assign: builder.mutation<WorkflowStatus, Doc & { assigneeId: number | null; dueDate: string | null }>({
        query: ({ uid, documentId, ...data }) => ({ url: `${docPath({ uid, documentId })}/assignment`, method: 'PUT', data }),
        transformResponse: unwrap<WorkflowStatus>,
        invalidatesTags: (_result, _error, doc) => [...docTags(doc), ...listTags(doc.uid), 'EditorialWorkflowQueue'],
      }),

      /** The users an Editor may assign (id, name, roles; never an e-mail address). */
      getAssignees: builder.query<Assignee[], void>({
        query: () => `${BASE}/assignees`,
        transformResponse: unwrap<Assignee[]>,
      }),

      /** What is assigned to the signed-in user, across every workflow type ("My queue"). */
      getMyQueue: builder.query<AssignedItem[], void>({
        query: () => `${BASE}/assigned-to-me`,
        transformResponse: unwrap<AssignedItem[]>,
        providesTags: ['EditorialWorkflowQueue'],
      }),

      /** States, assignees and due dates of the rows on screen, in one request. */
      getListStates: builder.query<Record<string, ListState>, { uid: string; documentIds: string[] }>({
        query: ({ uid, documentIds }) => ({ url: `${BASE}/states`, method: 'GET', config: { params: { uid, documentIds: documentIds.join(',') } } }),
        transformResponse: unwrap<Record<string, ListState>>,
        providesTags: (_result, _error, { uid }) => [...listTags(uid)],
      }),

      /** One page of the documents of a type in a workflow state, among those the user may read (the list's state filter). */
      getDocumentsInState: builder.query<DocumentsInStateResponse, { uid: string } & DocumentsInStateQuery>({
        query: ({ uid, ...params }) => ({ url: `${BASE}/documents/${encodeURIComponent(uid)}`, method: 'GET', config: { params } }),
        providesTags: (_result, _error, { uid }) => [...listTags(uid)],
      }),

      bulkTransition: builder.mutation<BulkTransitionResponse['data'], BulkTransitionRequest & { uid: string }>({
        query: ({ uid, ...data }) => ({ url: `${BASE}/bulk/${encodeURIComponent(uid)}/transitions`, method: 'POST', data }),
        transformResponse: unwrap<BulkTransitionResponse['data']>,
        invalidatesTags: (_result, _error, { uid, documentIds }) => [
          ...listTags(uid),
          ...documentIds.flatMap((documentId) => docTags({ uid, documentId })),
          'EditorialWorkflowQueue',
        ],
      }),
    }),
  });

export const {
  useGetWorkflowConfigQuery,
  useGetWorkflowStatusQuery,
  useGetWorkflowHistoryQuery,
  useGetWorkflowDiffQuery,
  useGetWorkflowVersionsQuery,
  useCompareWorkflowVersionsQuery,
  useGetReviewNotesQuery,
  useCreateReviewNoteMutation,
  useUpdateReviewNoteMutation,
  useTransitionMutation,
  useAssignMutation,
  useGetAssigneesQuery,
  useGetMyQueueQuery,
  useGetListStatesQuery,
  useLazyGetDocumentsInStateQuery,
  useBulkTransitionMutation,
} = workflowApi;

export { workflowApi };
