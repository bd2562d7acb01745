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

/** `$in` lists in slices (a story can have thousands of quotes; SQLite and PostgreSQL cap bound parameters). */
const CHUNK = 500;
const chunks = <T>(items: T[]): T[][] => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

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

  /** The refs among `refs` that have a published version (one query per type and slice). */
  const withPublished = async (refs: DocumentRef[]): Promise<DocumentRef[]> => {
    const live = new Set<string>();
    for (const uid of new Set(refs.map((ref) => ref.uid))) {
      for (const ids of chunks(refs.filter((ref) => ref.uid === uid).map((ref) => ref.documentId))) {
        const rows = await query(strapi, uid).findMany({ where: { documentId: { $in: ids }, publishedAt: { $notNull: true } }, select: ['documentId'] });
        for (const row of rows) live.add(`${uid}\u0000${String(row.documentId)}`);
      }
    }
    return refs.filter((ref) => live.has(`${ref.uid}\u0000${ref.documentId}`));
  };

  return {
    publishedWithParent(uid) {
      return Object.values(settings().get().cascade).some((steps) => steps.some((step) => step.owned && step.target === uid));
    },

    async heldBack(plan) {
      const candidates = plan.filter((item) => item.underWorkflow && item.reason !== 'root');
      if (!candidates.length) return [];
      const rows = new Map<string, Row>();
      for (const uid of new Set(candidates.map((item) => item.uid))) {
        for (const ids of chunks(candidates.filter((item) => item.uid === uid).map((item) => item.documentId))) {
          const found = await query(strapi, STATE_UID).findMany({
            where: { targetUid: uid, targetDocumentId: { $in: ids } },
            select: ['targetUid', 'targetDocumentId', 'state', 'legalHold', 'legalHoldReason'],
          });
          for (const row of found) rows.set(`${uid}\u0000${String(row.targetDocumentId)}`, row);
        }
      }
      const held: HeldBack[] = [];
      for (const item of candidates) {
        const row = rows.get(`${item.uid}\u0000${item.documentId}`);
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
          if (!planned.has(`${ref.uid}\u0000${ref.documentId}`)) removed.push(ref);
        }
      }
      return withPublished(removed);
    },

    async publicOwned(uid, documentId) {
      return withPublished(await cascade().owned(uid, documentId));
    },
  };
};
