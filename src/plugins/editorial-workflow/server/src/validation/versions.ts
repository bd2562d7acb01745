import { validateYupSchema, yup } from '@strapi/utils';
import { REFUSE_UNKNOWN } from './common';

export type CompareQuery = { from: string; to: string };

/** A version id: "initial", "draft", "published" or an edit row's id (GET …/versions lists them). */
const versionId = () =>
  yup
    .string()
    .required()
    .matches(/^(initial|draft|published|[1-9][0-9]{0,15})$/, '${path} must be "initial", "draft", "published" or a version id from …/versions');

const compareQuerySchema = yup.object({ from: versionId(), to: versionId() }).noUnknown();

export const validateCompareQuery = (query: unknown): Promise<CompareQuery> =>
  validateYupSchema(compareQuerySchema, REFUSE_UNKNOWN)(query ?? {}) as Promise<CompareQuery>;
