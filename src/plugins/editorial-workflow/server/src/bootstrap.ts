import type { Core } from '@strapi/strapi';
import { registerConditions } from './conditions';
import { WEBHOOK_EVENTS } from './constants';
import { createIndexes } from './migrations/indexes';
import type { RolesService } from './services/roles';
import type { SchedulerService } from './services/scheduler';
import type { TokenOwnersService } from './services/token-owners';
import { getService } from './utils/db';

type WebhookStore = { addAllowedEvent(key: string, value: string): void };

/**
 * The plugin's admin permission conditions, its admin roles (reconciled right
 * after the admin's own bootstrap created Strapi's default roles — see
 * services/roles.ts), webhook events and the scheduled-publication cron job.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // Also here, not only after a schema sync: a second app in one process (the test harness) was seen
  // to boot without the afterSync hook creating them. Idempotent (IF NOT EXISTS).
  await createIndexes(strapi);
  await registerConditions(strapi);
  getService<RolesService>(strapi, 'roles').registerBootstrapSync();
  const webhookStore = strapi.get('webhookStore') as WebhookStore;
  for (const [key, event] of Object.entries(WEBHOOK_EVENTS)) webhookStore.addAllowedEvent(key, event);
  getService<SchedulerService>(strapi, 'scheduler').register();
  getService<TokenOwnersService>(strapi, 'tokenOwners').register();
};
