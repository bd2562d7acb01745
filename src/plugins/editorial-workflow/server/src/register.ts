import type { Core } from '@strapi/strapi';
import type { GateService } from './services/gate';
import type { SettingsService } from './services/settings';
import { getService } from './utils/db';

/**
 * Check the configuration against the loaded content types (a bad one stops
 * boot) and install the publish gate before anything can publish.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  getService<SettingsService>(strapi, 'settings').load();
  const gate = getService<GateService>(strapi, 'gate').middleware();
  strapi.documents.use(gate as unknown as Parameters<typeof strapi.documents.use>[0]);
};
