import { yup } from '@strapi/utils';

/** An ISO 8601 date or date-time string. */
export const isoDate = () =>
  yup
    .string()
    .nullable()
    .test('iso-date', '${path} must be an ISO 8601 date or date-time', (value) => value === null || value === undefined || !Number.isNaN(Date.parse(value)));

/**
 * Options for bodies and queries: cast (trim, numbers from strings) but keep
 * unknown keys, so that `.noUnknown()` refuses them with a 400. (yup 0.32
 * strips unknown keys while casting a `.noUnknown()` object unless told not to,
 * and the request then passes silently.)
 */
export const REFUSE_UNKNOWN = { strict: false, abortEarly: false, stripUnknown: false } as const;
