import type { Core } from '@strapi/strapi';

/**
 * The only place delivery learns about the editorial workflow. It asks the
 * `editorial-workflow` plugin defensively and falls back to the publication
 * status when the plugin (or the method) is absent or fails, so delivery works
 * before the plugin lands. Wiring point for the lead: PLUGIN / SERVICE / method
 * names below.
 */
export const WORKFLOW_STATES = ['draft', 'in_review', 'changes_requested', 'approved', 'published', 'correcting', 'withdrawn'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

export type Withdrawal = { documentId: string | null; notice: string | null; withdrawnAt: string | null };

const PLUGIN = 'editorial-workflow';
const SERVICE = 'workflow';

/** The two plugin methods used (src/plugins/editorial-workflow/server/src/services/workflow.ts). */
type WorkflowService = {
  stateOf?: (uid: string, documentId: string) => unknown;
  getWithdrawal?: (uid: string, slugOrDocumentId: string) => unknown;
};

const service = (strapi: Core.Strapi): WorkflowService | undefined => {
  try {
    return strapi.plugin(PLUGIN)?.service(SERVICE) as WorkflowService | undefined;
  } catch {
    return undefined;
  }
};

const isState = (value: unknown): value is WorkflowState =>
  typeof value === 'string' && (WORKFLOW_STATES as readonly string[]).includes(value);

/** The document's workflow state; `published`/`draft` from Strapi's own status when the plugin cannot say. */
export const workflowState = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  fallback: { published: boolean },
): Promise<WorkflowState> => {
  try {
    const raw = await service(strapi)?.stateOf?.(uid, documentId);
    const state = raw && typeof raw === 'object' ? (raw as { state?: unknown }).state : raw;
    if (isState(state)) return state;
  } catch (error) {
    strapi.log.warn(`[delivery] workflow state unavailable for ${uid} ${documentId}: ${(error as Error).message}`);
  }
  return fallback.published ? 'published' : 'draft';
};

/** The withdrawal of a document (by documentId or slug) that is not public again, or null. */
export const withdrawalOf = async (strapi: Core.Strapi, uid: string, slugOrDocumentId: string): Promise<Withdrawal | null> => {
  try {
    const raw = (await service(strapi)?.getWithdrawal?.(uid, slugOrDocumentId)) as Partial<Withdrawal> | null | undefined;
    if (!raw || typeof raw !== 'object') return null;
    const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : null);
    return { documentId: text(raw.documentId), notice: text(raw.notice), withdrawnAt: text(raw.withdrawnAt) };
  } catch (error) {
    strapi.log.warn(`[delivery] withdrawal unavailable for ${uid} ${slugOrDocumentId}: ${(error as Error).message}`);
    return null;
  }
};

/**
 * ninjs pubStatus: published → usable; correcting → usable too (the live version
 * stays public while a correction is prepared); withdrawn → canceled; anything
 * else → withheld.
 */
export const pubStatusOf = (state: WorkflowState): 'usable' | 'withheld' | 'canceled' =>
  state === 'published' || state === 'correcting' ? 'usable' : state === 'withdrawn' ? 'canceled' : 'withheld';
