import type { Core } from '@strapi/strapi';
import { MESSAGES, PLUGIN_UIDS } from '../constants';
import { getService } from '../utils/db';
import { forbidden } from '../utils/errors';
import { saveIfMatch } from '../utils/if-match';
import { inWorkflowScope, isGateBypassed, isWorkflowOperation } from '../utils/workflow-scope';
import type { ActorsService } from './actors';
import type { BulkService } from './bulk';
import type { CascadeService } from './cascade';
import type { EmbargoService } from './embargo';
import type { SettingsService } from './settings';
import type { WorkflowService } from './workflow';

/** The slice of Strapi's document-service middleware context the gate reads. */
export type DocumentMiddlewareContext = {
  uid: string;
  action: string;
  params?: { documentId?: string; status?: string; [key: string]: unknown };
};

export type DocumentMiddleware = (ctx: DocumentMiddlewareContext, next: () => Promise<unknown>) => Promise<unknown>;

const PLUGIN_RECORD_WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

export type GateService = {
  /** One document-service middleware: the publish gate, the read-only plugin records, and If-Match on edits. */
  middleware(): DocumentMiddleware;
};

/**
 * The publish gate, below every path that publishes: the admin panel (single
 * and bulk), the Content API (POST/PUT publish by default), GraphQL, plugins,
 * scripts and the importer all end in the document service.
 *
 * - publish: only the workflow's own transitions (marked by AsyncLocalStorage)
 *   pass. An `approved` document published from elsewhere by an identifiable
 *   user or token (the admin's Publish button, bulk publish) is handed to the
 *   workflow's `publish` transition, which applies every rule (role, hold,
 *   embargo), publishes the cascade and writes history. Everything else: 403.
 * - create/update with status "published": 403 (a new or edited document goes
 *   through review first; save as draft).
 * - unpublish: only through `withdraw`. delete: refused while a published
 *   version exists (withdraw first). discardDraft is allowed: it never changes
 *   what the public sees, it resets the draft to the reviewed, public version.
 * - update with an If-Match header (the draft's updatedAt the editor loaded):
 *   409 when the draft has changed since.
 */
export default ({ strapi }: { strapi: Core.Strapi }): GateService => {
  const settings = () => getService<SettingsService>(strapi, 'settings');
  const workflow = () => getService<WorkflowService>(strapi, 'workflow');
  const cascade = () => getService<CascadeService>(strapi, 'cascade');
  const actors = () => getService<ActorsService>(strapi, 'actors');

  const gate: DocumentMiddleware = async (ctx, next) => {
    const { uid, action } = ctx;

    if (PLUGIN_UIDS.includes(uid)) {
      if (PLUGIN_RECORD_WRITES.has(action)) throw forbidden(MESSAGES.readOnlyRecords(uid, action));
      return next();
    }
    if (!settings().isUnderWorkflow(uid) || isGateBypassed()) return next();

    const documentId = ctx.params?.documentId;
    switch (action) {
      case 'publish': {
        if (isWorkflowOperation(uid, documentId)) return next();
        if (!documentId) throw forbidden(MESSAGES.gateCreatePublished(uid));
        const bulkRequest = getService<BulkService>(strapi, 'bulk').contentManagerBulkPublish(uid);
        const bulkActor = bulkRequest ? actors().current() : null;
        if (bulkRequest && bulkActor) return getService<BulkService>(strapi, 'bulk').publishInBulk(bulkRequest, uid, documentId, bulkActor);
        const state = await workflow().stateOf(uid, documentId);
        if (state === 'approved') {
          const actor = actors().current();
          if (!actor) throw forbidden(MESSAGES.gateNoActor(uid, documentId));
          const result = await workflow().transition(uid, documentId, { action: 'publish' }, actor);
          return result.published;
        }
        throw forbidden(MESSAGES.gatePublish(uid, documentId, state), { code: 'publish_gate', state });
      }
      case 'create': {
        if (ctx.params?.status === 'published') throw forbidden(MESSAGES.gateCreatePublished(uid), { code: 'publish_gate' });
        return next();
      }
      case 'update': {
        if (ctx.params?.status === 'published' && !isWorkflowOperation(uid, documentId)) {
          const state = documentId ? await workflow().stateOf(uid, documentId) : 'draft';
          throw forbidden(MESSAGES.gatePublish(uid, documentId ?? '', state), { code: 'publish_gate', state });
        }
        if (!inWorkflowScope()) await getService<EmbargoService>(strapi, 'embargo').checkUpdate(uid, documentId, ctx.params?.data);
        // If-Match: a compare-and-set in the save's transaction (utils/if-match.ts).
        return saveIfMatch(strapi, uid, documentId, next);
      }
      case 'unpublish': {
        if (isWorkflowOperation(uid, documentId)) return next();
        const state = documentId ? await workflow().stateOf(uid, documentId) : 'draft';
        throw forbidden(MESSAGES.gateUnpublish(uid, documentId ?? '', state), { code: 'publish_gate', state });
      }
      case 'delete': {
        if (!documentId || isWorkflowOperation(uid, documentId)) return next();
        if (await cascade().hasPublishedVersion(uid, documentId)) {
          const state = await workflow().stateOf(uid, documentId);
          throw forbidden(MESSAGES.gateDelete(uid, documentId, state), { code: 'publish_gate', state });
        }
        return next();
      }
      default:
        return next();
    }
  };

  return { middleware: () => gate };
};
