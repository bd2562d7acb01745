import { validateYupSchema, yup } from '@strapi/utils';
import type { BulkTransitionRequest } from '../../../shared/contracts/bulk';

export const BULK_ACTIONS = ['submit', 'approve', 'publish'] as const;
export const BULK_MAX_DOCUMENTS = 100;

const bulkSchema = yup
  .object({
    action: yup
      .string()
      .required()
      .oneOf([...BULK_ACTIONS], '${path} must be one of: ' + BULK_ACTIONS.join(', ')),
    documentIds: yup
      .array()
      .of(yup.string().required().max(64))
      .required()
      .min(1)
      .max(BULK_MAX_DOCUMENTS)
      .test('distinct', '${path} must not repeat a documentId', (ids) => !ids || new Set(ids).size === ids.length),
    comment: yup.string().nullable().max(10000),
    overrideReason: yup
      .string()
      .nullable()
      .max(2000)
      .test('publish-only', '${path} is only for the publish action', function publishOnly(value) {
        return value === null || value === undefined || this.parent?.action === 'publish';
      }),
  })
  .noUnknown();

export const validateBulkBody = (body: unknown): Promise<BulkTransitionRequest> =>
  validateYupSchema(bulkSchema, { strict: true, abortEarly: false })(body ?? {}) as Promise<BulkTransitionRequest>;
