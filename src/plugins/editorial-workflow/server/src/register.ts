import type { Core } from '@strapi/strapi';
import { registerIndexMigration } from './migrations/indexes';
import { registerRelationReaders } from './middlewares/relation-readers';
import type { ContentGuardService } from './services/content-guard';
import type { GateService } from './services/gate';
import type { SettingsService } from './services/settings';
import { getService } from './utils/db';

/**
 * Check the configuration against the loaded content types (a bad one stops
 * boot), install the publish gate before anything can publish, and have the
 * plugin's table indexes created after the schema sync; the content manager's
 * relation lists show only related documents the user may read.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  getService<SettingsService>(strapi, 'settings').load();
  registerIndexMigration(strapi);
  registerRelationReaders(strapi);
  // Before the gate: content saves are recorded (and return approved documents to review) first; see services/content-guard.ts.
  strapi.documents.use(getService<ContentGuardService>(strapi, 'content-guard').middleware() as unknown as Parameters<typeof strapi.documents.use>[0]);
  const gate = getService<GateService>(strapi, 'gate').middleware();
  strapi.documents.use(gate as unknown as Parameters<typeof strapi.documents.use>[0]);
};
