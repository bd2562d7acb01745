import type { Core } from '@strapi/strapi';
import type {
  BulkDone,
  BulkOutcome,
  BulkPublishRefusalDetails,
  BulkTransitionRequest,
  BulkTransitionResponse,
} from '../../../shared/contracts/bulk';
import { MESSAGES } from '../constants';
import { getService } from '../utils/db';
import { unreadableError } from '../utils/document-access';
import { ConflictError, forbidden } from '../utils/errors';
import type { Actor } from './actors';
import type { CascadeService } from './cascade';
import type { QuotePolicyService } from './quote-policy';
import type { WorkflowService } from './workflow';

type Refused = BulkPublishRefusalDetails['refused'][number];

/** The slice of Koa's context that identifies Strapi's content-manager bulk Publish. */
type RequestLike = { method?: string; path?: string; params?: Record<string, string | undefined>; request?: { body?: unknown } };

/** One content-manager bulkPublish request: its pre-check (run once) and its publications, one after another. */
type BulkRun = { preflight: Promise<void>; queue: Promise<unknown>; aborted: boolean };

const BULK_PUBLISH_PATH = /\/content-manager\/collection-types\/([^/]+)\/actions\/bulkPublish\/?$/;

const statusOf = (error: unknown): number => {
  const candidate = error as { status?: unknown; statusCode?: unknown; name?: string } | null;
  const status = Number(candidate?.status ?? candidate?.statusCode);
  if (Number.isInteger(status) && status >= 400) return status;
  if (candidate?.name === 'NotFoundError') return 404;
  if (candidate?.name === 'ValidationError') return 400;
  if (candidate?.name === 'PolicyError' || candidate?.name === 'ForbiddenError') return 403;
  return 500;
};

const codeOf = (error: unknown): string | null => {
  const code = (error as { details?: { code?: unknown } } | null)?.details?.code;
  return typeof code === 'string' ? code : null;
};

export type BulkService = {
  /**
   * The plugin's bulk route: each document one transition (own transaction), each
   * outcome reported. `unreadable`: documents the caller may not read, refused
   * (403 `not_readable`) before the workflow looks at them.
   */
  run(uid: string, request: BulkTransitionRequest, actor: Actor, unreadable?: ReadonlySet<string>): Promise<BulkTransitionResponse['data']>;
  /** The content-manager bulkPublish request being served, when it is one for `uid`. */
  contentManagerBulkPublish(uid: string): RequestLike | null;
  /**
   * Publish one document of a content-manager bulkPublish: the first call checks
   * every selected document and refuses them all (nothing published) if any would
   * be refused; then the documents are published one after another.
   */
  publishInBulk(request: RequestLike, uid: string, documentId: string, actor: Actor): Promise<unknown>;
};

export default ({ strapi }: { strapi: Core.Strapi }): BulkService => {
  const workflow = () => getService<WorkflowService>(strapi, 'workflow');
  const runs = new WeakMap<object, BulkRun>();

  /** Why publishing this document now would be refused, or null. */
  const publishRefusal = async (uid: string, documentId: string, actor: Actor): Promise<Refused | null> => {
    try {
      const state = await workflow().stateOf(uid, documentId);
      if (state !== 'approved') return { documentId, status: 403, code: 'publish_gate', message: MESSAGES.gatePublish(uid, documentId, state) };
      const decision = await workflow().check(uid, documentId, { action: 'publish' }, actor);
      if (!decision.ok) return { documentId, status: decision.status, code: decision.code, message: decision.message };
      const plan = await getService<CascadeService>(strapi, 'cascade').plan(uid, documentId);
      const held = await getService<QuotePolicyService>(strapi, 'quotePolicy').heldBack(plan);
      if (held.length) {
        const items = held.map((item) => `${item.uid} ${item.documentId} (${item.reason})`);
        return { documentId, status: 409, code: 'held_back', message: MESSAGES.heldBack('publish', state, items) };
      }
      return null;
    } catch (error) {
      return { documentId, status: statusOf(error), code: codeOf(error), message: (error as Error).message };
    }
  };

  const preflight = async (uid: string, documentIds: string[], actor: Actor) => {
    const refused: Refused[] = [];
    for (const documentId of documentIds) {
      const refusal = await publishRefusal(uid, documentId, actor);
      if (refusal) refused.push(refusal);
    }
    if (!refused.length) return;
    const details: BulkPublishRefusalDetails = { code: 'bulk_publish_refused', published: [], refused };
    const message = MESSAGES.bulkPublishRefused(documentIds.length, refused.map((item) => `${item.documentId}: ${item.message}`));
    throw refused.some((item) => item.status === 403) ? forbidden(message, details) : new ConflictError(message, details);
  };

  return {
    async run(uid, request, actor, unreadable = new Set()) {
      const results: BulkOutcome[] = [];
      const input = { action: request.action, comment: request.comment ?? null, overrideReason: request.overrideReason ?? null };
      for (const documentId of request.documentIds) {
        if (unreadable.has(documentId)) {
          const refusal = unreadableError(uid, documentId);
          results.push({ documentId, outcome: 'refused', status: 403, code: codeOf(refusal), message: refusal.message });
          continue;
        }
        try {
          const result = await workflow().transition(uid, documentId, input, actor);
          const overridden = (result.history.details?.override as { blockers?: BulkDone['overridden'] } | undefined)?.blockers;
          results.push({ documentId, outcome: 'done', state: result.status.state, version: result.status.version, ...(overridden?.length ? { overridden } : {}) });
        } catch (error) {
          const status = statusOf(error);
          if (status >= 500) strapi.log.error(`[editorial-workflow] bulk ${request.action} of ${uid} ${documentId} failed: ${(error as Error).message}`);
          results.push({
            documentId,
            outcome: status >= 500 ? 'failed' : 'refused',
            status,
            code: codeOf(error),
            message: status >= 500 ? `The ${request.action} failed and was rolled back: nothing of this document changed.` : (error as Error).message,
          });
        }
      }
      const count = (outcome: BulkOutcome['outcome']) => results.filter((result) => result.outcome === outcome).length;
      return {
        action: request.action,
        results,
        summary: { requested: results.length, done: count('done'), refused: count('refused'), failed: count('failed') },
      };
    },

    contentManagerBulkPublish(uid) {
      const request = strapi.requestContext.get() as RequestLike | undefined;
      if (!request || request.method !== 'POST') return null;
      const match = BULK_PUBLISH_PATH.exec(request.path ?? '');
      return match && decodeURIComponent(match[1]) === uid ? request : null;
    },

    publishInBulk(request, uid, documentId, actor) {
      let run = runs.get(request);
      if (!run) {
        const body = request.request?.body as { documentIds?: unknown } | undefined;
        const ids = Array.isArray(body?.documentIds) ? body.documentIds.filter((id): id is string => typeof id === 'string') : [documentId];
        const preflightDone = preflight(uid, ids, actor);
        run = { preflight: preflightDone, queue: preflightDone, aborted: false };
        runs.set(request, run);
      }
      const current = run;
      // Strapi starts every publish at once (Promise.all in one transaction): run them one after another,
      // and once one fails, the rest refuse instead of publishing into a transaction that rolls back.
      const next = current.queue
        .catch(() => undefined)
        .then(async () => {
          await current.preflight;
          if (current.aborted) throw new ConflictError(MESSAGES.bulkPublishAborted);
          try {
            return (await workflow().transition(uid, documentId, { action: 'publish' }, actor)).published;
          } catch (error) {
            current.aborted = true;
            throw error;
          }
        });
      current.queue = next;
      return next;
    },
  };
};
