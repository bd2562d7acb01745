import { yup } from '@strapi/utils';

/** An ISO 8601 date or date-time string. */
export const isoDate = () =>
  yup
    .string()
    .nullable()
    .test('iso-date', '${path} must be an ISO 8601 date or date-time', (value) => value === null || value === undefined || !Number.isNaN(Date.parse(value)));
