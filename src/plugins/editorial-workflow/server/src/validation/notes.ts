import { validateYupSchema, yup } from '@strapi/utils';
import { REFUSE_UNKNOWN } from './common';
import type { CreateNoteRequest, ResolveNoteRequest } from '../../../shared/contracts/notes';

export type NoteBody = CreateNoteRequest;
export type SystemFlag = { code: string; message: string; path?: string | null; excerpt?: string | null };

const noteSchema = yup
  .object({
    body: yup.string().trim().required().min(1).max(10000),
    parentId: yup.number().integer().positive().nullable(),
  })
  .noUnknown();

const resolveSchema = yup.object({ resolved: yup.boolean().required() }).noUnknown();

const flagsSchema = yup
  .array()
  .of(
    yup.object({
      code: yup.string().required().max(100),
      message: yup.string().required().max(10000),
      path: yup.string().nullable().max(255),
      excerpt: yup.string().nullable().max(10000),
    }),
  )
  .required();

export const validateNoteBody = (body: unknown): Promise<NoteBody> =>
  validateYupSchema(noteSchema, REFUSE_UNKNOWN)(body ?? {}) as Promise<NoteBody>;

export const validateResolveBody = (body: unknown): Promise<ResolveNoteRequest> =>
  validateYupSchema(resolveSchema, { strict: true, abortEarly: false })(body ?? {}) as Promise<ResolveNoteRequest>;

export const validateSystemFlags = (flags: unknown): Promise<SystemFlag[]> =>
  validateYupSchema(flagsSchema, { strict: false, abortEarly: false })(flags) as Promise<SystemFlag[]>;
