import type { Core } from '@strapi/strapi';
import { WEBHOOK_EVENTS } from './constants';
import type { SchedulerService } from './services/scheduler';
import type { TokenOwnersService } from './services/token-owners';
import { getService } from './utils/db';

type WebhookStore = { addAllowedEvent(key: string, value: string): void };

/**
 * Webhook events and the scheduled-publication cron job. (The admin roles are
 * ensured from the app's bootstrap: Strapi creates its default roles after
 * plugins bootstrap — see services/roles.ts.)
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const webhookStore = strapi.get('webhookStore') as WebhookStore;
  for (const [key, event] of Object.entries(WEBHOOK_EVENTS)) webhookStore.addAllowedEvent(key, event);
  getService<SchedulerService>(strapi, 'scheduler').register();
  getService<TokenOwnersService>(strapi, 'tokenOwners').register();
};
