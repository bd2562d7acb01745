import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { isNewsroomUid } from './cache-tags';
import { ensureChangeTable } from './change-log';
import { ensureVersionTable } from './content-version';
import { backfillStoredPages, ensurePageTable } from './page-store';
import { deliveryInvalidation, markChanged, PURGE_EVENT } from './purge';
import { registerMediaPurge } from './media-purge';
import { publicationDatesMiddleware } from './publication-dates';
import { registerPurgeRelay } from './purge-relay';

export { markChanged, PURGE_EVENT, type PurgeEvent } from './purge';
export { closeResponseCache, responseCacheOf } from './http';
export { workflowState, withdrawalOf, pubStatusOf } from './workflow-adapter';

/** Content-API actions of the delivery routes that the Public role may call. */
export const DELIVERY_PUBLIC_ACTIONS = [
  'api::article.article.findBySlug',
  'api::sanction-record.sanction-export.find',
  'api::organization.organization-sanctions.find',
];

/** Emitted by the editorial-workflow plugin after a committed transition. */
const WORKFLOW_TRANSITION_EVENT = 'editorial.transition';

/**
 * Call from src/index.ts `register`: installs the document-service middleware
 * that versions published content and emits `delivery.purge`.
 */
export const registerDelivery = (strapi: Core.Strapi): void => {
  strapi.documents.use(publicationDatesMiddleware(strapi));
  strapi.documents.use(deliveryInvalidation(strapi));
  registerMediaPurge(strapi);
  registerPurgeRelay(strapi);

  // Workflow state changes that are not document writes (e.g. published → correcting) change
  // ninjs pubStatus only; publish and withdrawal are document writes, handled in-transaction above.
  strapi.eventHub.on(WORKFLOW_TRANSITION_EVENT, async (event: { document?: { uid?: string; documentId?: string }; to?: string }) => {
    const { uid, documentId } = event?.document ?? {};
    if (!uid || !documentId || event.to === 'published' || event.to === 'withdrawn') return; // came with a publish / unpublish
    // Only a live version shows the workflow state (ninjs pubStatus); a draft's transitions purge nothing.
    if (!isNewsroomUid(uid) || !(await strapi.db.query(uid).findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: ['id'] }))) return;
    await markChanged(strapi, uid, documentId, `workflow:${event.to ?? 'transition'}`).catch((error: Error) => {
      strapi.log.error(`[delivery] could not invalidate after ${WORKFLOW_TRANSITION_EVENT}: ${error.message}`);
    });
  });
};

/**
 * Call from src/index.ts `bootstrap`: ensures the content-version, change-log
 * and stored page graph tables (migrations create them too), stores the page
 * graph of published articles that have none (an upgraded database), lets webhooks subscribe to `delivery.purge`, and
 * grants the Public role the delivery routes (only missing grants are added).
 */
export const bootstrapDelivery = async (strapi: Core.Strapi): Promise<void> => {
  await ensureVersionTable(strapi.db.connection as unknown as Knex);
  await ensureChangeTable(strapi.db.connection as unknown as Knex);
  await ensurePageTable(strapi.db.connection as unknown as Knex);
  await backfillStoredPages(strapi);
  strapi.get('webhookStore').addAllowedEvent('DELIVERY_PURGE', PURGE_EVENT);

  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) return;
  const existing = (await strapi.db
    .query('plugin::users-permissions.permission')
    .findMany({ where: { role: role.id, action: { $in: DELIVERY_PUBLIC_ACTIONS } }, select: ['action'] })) as Array<{ action: string }>;
  const have = new Set(existing.map((permission) => permission.action));
  for (const action of DELIVERY_PUBLIC_ACTIONS.filter((name) => !have.has(name))) {
    await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
  }
};
