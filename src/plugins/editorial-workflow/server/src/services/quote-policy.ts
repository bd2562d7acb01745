import type { Core } from '@strapi/strapi';
import { STATE_UID, type State } from '../constants';
import { getService, query, type Row } from '../utils/db';
import type { CascadeService, DocumentRef, PublicationItem } from './cascade';
import type { SettingsService } from './settings';

/** A document a publication would carry along but which is held back by its own workflow row. */
export type HeldBack = DocumentRef & { state: State | string; legalHold: boolean; reason: string };

export type QuotePolicyService = {
  /** True for a type published only with its parent: the target of an `owned` cascade step (quotes of articles). */
  publishedWithParent(uid: string): boolean;
  /**
   * The items of a publication plan that must not go public now: any document under
   * the workflow on legal hold, and owned documents whose review asked for changes.
   */
  heldBack(plan: PublicationItem[]): Promise<HeldBack[]>;
  /** Owned documents public with the parent's live version that the new plan no longer carries (removed in a correction). */
  removedFromPlan(uid: string, documentId: string, plan: PublicationItem[]): Promise<DocumentRef[]>;
  /** Owned documents that are public now and belong to the document in any version: what a withdrawal takes down. */
  publicOwned(uid: string, documentId: string): Promise<DocumentRef[]>;
};

/** Owned documents whose own review says "do not run" (the article's publish refuses them, see docs/workflow-publishing.md). */
const HELD_STATES: ReadonlySet<string> = new Set(['changes_requested']);

const isTrue = (value: unknown) => value === true || value === 1;

/**
 * Quotes never escape their article: a quote is public only through its
 * article's publish or publish_correction, never held back by its own review,
 * taken down when removed from the story or when the story is withdrawn.
 * Reads use the query engine (below the document middlewares).
 */
export default ({ strapi }: { strapi: Core.Strapi }): QuotePolicyService => {
  const settings = () => getService<SettingsService>(strapi, 'settings');
  const cascade = () => getService<CascadeService>(strapi, 'cascade');

  const ownedSteps = (uid: string) => (settings().get().cascade[uid] ?? []).filter((step) => step.owned && !step.component);

  const hasPublished = (uid: string, documentId: string) => cascade().hasPublishedVersion(uid, documentId);

  return {
    publishedWithParent(uid) {
      return Object.values(settings().get().cascade).some((steps) => steps.some((step) => step.owned && step.target === uid));
    },

    async heldBack(plan) {
      const candidates = plan.filter((item) => item.underWorkflow && item.reason !== 'root');
      if (!candidates.length) return [];
      const rows = await query(strapi, STATE_UID).findMany({
        where: { $or: candidates.map((item) => ({ targetUid: item.uid, targetDocumentId: item.documentId })) },
        select: ['targetUid', 'targetDocumentId', 'state', 'legalHold', 'legalHoldReason'],
      });
      const held: HeldBack[] = [];
      for (const item of candidates) {
        const row = rows.find((candidate: Row) => candidate.targetUid === item.uid && candidate.targetDocumentId === item.documentId);
        if (!row) continue;
        const legalHold = isTrue(row.legalHold);
        const state = String(row.state);
        if (legalHold) held.push({ uid: item.uid, documentId: item.documentId, state, legalHold, reason: `legal hold${row.legalHoldReason ? `: ${String(row.legalHoldReason)}` : ''}` });
        else if (item.reason === 'owned' && HELD_STATES.has(state)) held.push({ uid: item.uid, documentId: item.documentId, state, legalHold, reason: 'changes requested in its review' });
      }
      return held;
    },

    async removedFromPlan(uid, documentId, plan) {
      const steps = ownedSteps(uid);
      if (!steps.length) return [];
      const live = await query(strapi, uid).findOne({
        where: { documentId, publishedAt: { $notNull: true } },
        select: ['id'],
        populate: Object.fromEntries(steps.map((step) => [step.attribute, { select: ['documentId'] }])),
      });
      if (!live) return [];
      const planned = new Set(plan.map((item) => `${item.uid}\u0000${item.documentId}`));
      const removed: DocumentRef[] = [];
      for (const step of steps) {
        const linked = live[step.attribute];
        for (const target of Array.isArray(linked) ? linked : linked ? [linked] : []) {
          const ref = { uid: step.target, documentId: String((target as Row).documentId) };
          if (!planned.has(`${ref.uid}\u0000${ref.documentId}`) && (await hasPublished(ref.uid, ref.documentId))) removed.push(ref);
        }
      }
      return removed;
    },

    async publicOwned(uid, documentId) {
      const owned = await cascade().owned(uid, documentId);
      const result: DocumentRef[] = [];
      for (const ref of owned) if (await hasPublished(ref.uid, ref.documentId)) result.push(ref);
      return result;
    },
  };
};
