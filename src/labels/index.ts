import type { Core } from '@strapi/strapi';
import { configureContentManager } from '../content-manager/configure';
import { backfillDerivedFields } from './backfill';
import { derivedFields } from './middleware';

/** Register: keep labels and the searchable body text current on every write path. */
export const registerLabels = (strapi: Core.Strapi): void => {
  strapi.documents.use(derivedFields(strapi) as unknown as Parameters<typeof strapi.documents.use>[0]);
};

/** Bootstrap: fill what older rows lack, and show labels, hints and mainFields in the content manager. */
export const bootstrapLabels = async (strapi: Core.Strapi): Promise<void> => {
  await backfillDerivedFields(strapi);
  await configureContentManager(strapi);
};
