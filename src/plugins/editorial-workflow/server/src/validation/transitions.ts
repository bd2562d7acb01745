import { validateYupSchema, yup } from '@strapi/utils';
import { ACTIONS, STATES, type Action, type State } from '../constants';
import { CORRECTION_KINDS, type CorrectionKind } from '../state-machine';
import { REFUSE_UNKNOWN, isoDate } from './common';

export type TransitionBody = {
  action: Action;
  comment?: string | null;
  /** The workflow `version` the client loaded; a different current version answers 409. */
  expectedVersion?: number | null;
  correction?: { date?: string | null; text: string } | null;
  /** For `withdraw`: the public notice (the 410 body); `comment` is the internal reason. */
  notice?: string | null;
  /** For `schedule`: when to publish (default: the embargo). */
  scheduledAt?: string | null;
  /** For `publish_correction`: `correction` (a public note, the default) or `update` (none). */
  kind?: CorrectionKind | null;
  /** For `publish`/`schedule`: an Editor's reason to publish despite the publishing checks. */
  overrideReason?: string | null;
};

const transitionSchema = yup
  .object({
    action: yup
      .string()
      .required()
      .oneOf([...ACTIONS], '${path} must be one of: ' + ACTIONS.join(', ')),
    comment: yup.string().nullable().max(10000),
    expectedVersion: yup.number().integer().min(0).nullable(),
    correction: yup
      .object({ date: isoDate(), text: yup.string().trim().required().max(5000) })
      .nullable()
      .default(undefined)
      .noUnknown(),
    scheduledAt: isoDate(),
    kind: yup.string().nullable().oneOf([...CORRECTION_KINDS, null], '${path} must be one of: ' + CORRECTION_KINDS.join(', ')),
    overrideReason: yup.string().nullable().max(2000),
    notice: yup.string().nullable().max(2000),
  })
  .noUnknown();

export const validateTransitionBody = (body: unknown): Promise<TransitionBody> =>
  validateYupSchema(transitionSchema, REFUSE_UNKNOWN)(body ?? {}) as Promise<TransitionBody>;

export type AssignmentBody = { assigneeId: number | null; dueDate?: string | null };

const assignmentSchema = yup
  .object({
    assigneeId: yup.number().integer().positive().nullable().defined(),
    dueDate: isoDate(),
  })
  .noUnknown();

export const validateAssignmentBody = (body: unknown): Promise<AssignmentBody> =>
  validateYupSchema(assignmentSchema, REFUSE_UNKNOWN)(body ?? {}) as Promise<AssignmentBody>;

const statesQuerySchema = yup.object({
  uid: yup.string().required(),
  documentIds: yup.string().required().max(5000),
});

export const validateStatesQuery = (query: unknown): Promise<{ uid: string; documentIds: string }> =>
  validateYupSchema(statesQuerySchema, { strict: false, abortEarly: false })(query ?? {}) as Promise<{ uid: string; documentIds: string }>;

export const DOCUMENTS_PAGE_SIZE = { default: 50, max: 200 } as const;

const documentsInStateSchema = yup
  .object({
    state: yup
      .string()
      .required()
      .oneOf([...STATES], '${path} must be one of: ' + STATES.join(', ')),
    page: yup.number().integer().min(1).default(1),
    pageSize: yup.number().integer().min(1).max(DOCUMENTS_PAGE_SIZE.max).default(DOCUMENTS_PAGE_SIZE.default),
  })
  .noUnknown();

/** GET /documents/:uid?state=&page=&pageSize= (numbers arrive as strings: cast). */
export const validateDocumentsInStateQuery = (query: unknown): Promise<{ state: State; page: number; pageSize: number }> =>
  validateYupSchema(documentsInStateSchema, REFUSE_UNKNOWN)(query ?? {}) as Promise<{ state: State; page: number; pageSize: number }>;
