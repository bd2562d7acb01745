import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { WorkflowStatus as ContractStatus } from '../../../shared/contracts/workflow';
import { INITIAL_STATE, MESSAGES, STATE_UID, WEBHOOK_EVENTS, type Action, type State } from '../constants';
import type { ContentTypeSettings } from '../config/settings';
import {
  CORRECTION_KINDS,
  allowedActions,
  blockedActions,
  effectiveRoles,
  evaluate,
  isState,
  type Decision,
  type DocumentFacts,
  type Refusal,
  type TransitionInput,
} from '../state-machine';
import { documents, getService, isoOrNull, query, type DocumentResult, type Row } from '../utils/db';
import { ConflictError, forbidden, isUniqueViolation, refusalError } from '../utils/errors';
import { runInWorkflowScope, runWithGateBypass } from '../utils/workflow-scope';
import type { Actor, ActorsService } from './actors';
import type { CascadeService, DocumentRef, PublicationItem } from './cascade';
import type { HistoryRecord, HistoryService } from './history';
import type { PublishChecksService } from './publish-checks';
import type { QuotePolicyService } from './quote-policy';
import { claimScheduled } from './scheduler';
import type { SettingsService } from './settings';

export type Snapshot = {
  exists: boolean;
  hasPublished: boolean;
  /** The draft's updatedAt: the content version an editor loaded. */
  contentVersion: string | null;
  createdBy: string | null;
  embargoedUntil: string | null;
  slug: string | null;
};

/** The status route's body (shared with the admin: shared/contracts/workflow.ts). */
export type WorkflowStatus = ContractStatus;

export type TransitionResult = {
  status: WorkflowStatus;
  history: HistoryRecord;
  /** The document service's result when the transition published the document. */
  published: DocumentResult | null;
};

export type Withdrawal = { uid: string; documentId: string; slug: string | null; notice: string | null; withdrawnAt: string | null };

export type AssignedItem = { uid: string; documentId: string; state: State; dueDate: string | null; legalHold: boolean };

export type WorkflowService = {
  snapshot(uid: string, documentId: string): Promise<Snapshot>;
  /** The document's state: its row's, else `published` when it has a public version, else `draft`. */
  stateOf(uid: string, documentId: string): Promise<State>;
  describe(uid: string, documentId: string, actor: Actor): Promise<WorkflowStatus>;
  transition(
    uid: string,
    documentId: string,
    input: TransitionInput & { expectedVersion?: number | null },
    actor: Actor,
    options?: { now?: Date },
  ): Promise<TransitionResult>;
  /** Would this transition be allowed now? The rules of `transition`, without doing anything (bulk pre-checks). */
  check(uid: string, documentId: string, input: TransitionInput, actor: Actor, options?: { now?: Date }): Promise<Decision | Refusal>;
  statesOf(uid: string, documentIds: string[]): Promise<Record<string, { state: State; legalHold: boolean; assigneeId: number | null; dueDate: string | null }>>;
  assign(uid: string, documentId: string, input: { assigneeId: number | null; dueDate?: string | null }, actor: Actor): Promise<WorkflowStatus>;
  assignedTo(adminUserId: number, uid?: string): Promise<AssignedItem[]>;
  getWithdrawal(uid: string, slugOrDocumentId: string): Promise<Withdrawal | null>;
  /**
   * Seeding, migration scripts and test fixtures only: run `fn` with the publish
   * gate open (no transition, no history; documents published this way have no
   * workflow row and read as `published`). Refused while serving an HTTP request,
   * so no route can reach it.
   */
  withGateBypass<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * A content save (the content guard calls this): one `edit` history row with
   * the changed fields and their previous values; an approved document goes
   * back to `in_review` ("content changed after approval").
   */
  recordContentSave(uid: string, documentId: string, change: ContentChange, actor: Actor): Promise<{ returnedToReview: boolean }>;
  /** Publish every approved document whose scheduled time has come (the cron job calls this). */
  publishDue(now?: Date): Promise<{ published: DocumentRef[]; failed: (DocumentRef & { error: string })[] }>;
};

/**
 * A content save: the changed fields and their values before it. `via`: the
 * save was of a document this one owns (e.g. one of an article's quotes).
 */
export type ContentChange = { fields: string[]; before: Record<string, unknown>; via?: DocumentRef };

/** States where a content save changes what a pending four-eyes decision covers. */
const REVIEW_STATES: readonly State[] = ['in_review', 'approved', 'correcting'];

/** The scheduler's actor key (its publications were checked when they were scheduled). */
const SCHEDULER_KEY = 'system:scheduler';

const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

export default ({ strapi }: { strapi: Core.Strapi }): WorkflowService => {
  const settings = () => getService<SettingsService>(strapi, 'settings');
  const history = () => getService<HistoryService>(strapi, 'history');
  const cascade = () => getService<CascadeService>(strapi, 'cascade');
  const publishChecks = () => getService<PublishChecksService>(strapi, 'publish-checks');
  const quotePolicy = () => getService<QuotePolicyService>(strapi, 'quotePolicy');
  const actors = () => getService<ActorsService>(strapi, 'actors');
  const states = () => query(strapi, STATE_UID);

  /** Publish blockers matter where publishing is the next step; the scheduler's publish was checked when it was scheduled. */
  const blockersFor = async (uid: string, documentId: string, state: State, actor: Actor) =>
    state === 'approved' && actor.key !== SCHEDULER_KEY ? publishChecks().blockers(uid, documentId) : [];

  const findRow = (uid: string, documentId: string) => states().findOne({ where: { targetUid: uid, targetDocumentId: documentId } });

  const snapshotWith = async (uid: string, documentId: string, ct: ContentTypeSettings): Promise<Snapshot> => {
    const select = ['id', 'documentId', 'updatedAt', 'publishedAt', ...[ct.embargoField, ct.slugField].filter((f): f is string => !!f)];
    const versions = await query(strapi, uid).findMany({ where: { documentId }, select, populate: { createdBy: { select: ['id'] } } });
    const draft = versions.find((version) => !version.publishedAt) ?? null;
    const published = versions.find((version) => !!version.publishedAt) ?? null;
    const current = draft ?? published;
    const creator = (current?.createdBy as { id?: number } | null | undefined)?.id;
    return {
      exists: versions.length > 0,
      hasPublished: published !== null,
      contentVersion: isoOrNull(draft?.updatedAt),
      createdBy: creator ? `admin:${creator}` : null,
      embargoedUntil: ct.embargoField ? isoOrNull(current?.[ct.embargoField]) : null,
      slug: ct.slugField ? str(current?.[ct.slugField]) : null,
    };
  };

  const inferredState = (snapshot: Pick<Snapshot, 'hasPublished'>): State => (snapshot.hasPublished ? 'published' : INITIAL_STATE);

  const stateOfRow = (row: Row | null, snapshot: Pick<Snapshot, 'hasPublished'>): State =>
    row && isState(row.state) ? row.state : inferredState(snapshot);

  /** Create the row when missing; a concurrent creator winning the unique index is fine. */
  const ensureRow = async (uid: string, documentId: string, snapshot: Snapshot): Promise<Row> => {
    const existing = await findRow(uid, documentId);
    if (existing) return existing;
    try {
      return await states().create({
        data: { targetUid: uid, targetDocumentId: documentId, state: inferredState(snapshot), revision: 0, legalHold: false },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const raced = await findRow(uid, documentId);
      if (!raced) throw error;
      return raced;
    }
  };

  const factsOf = (row: Row | null, snapshot: Snapshot, contentEditors: readonly string[] = []): DocumentFacts => ({
    state: stateOfRow(row, snapshot),
    legalHold: row?.legalHold === true || row?.legalHold === 1,
    legalHoldReason: str(row?.legalHoldReason),
    createdBy: snapshot.createdBy,
    assignee: row?.assigneeId ? `admin:${String(row.assigneeId)}` : null,
    submittedBy: str(row?.submittedBy),
    submittedByName: str(row?.submittedByName),
    correctionStartedBy: str(row?.correctionStartedBy),
    correctionStartedByName: str(row?.correctionStartedByName),
    contentEditors,
    embargoedUntil: snapshot.embargoedUntil,
    scheduledPublishAt: isoOrNull(row?.scheduledPublishAt),
  });

  const adminName = async (id: number | null): Promise<string | null> => {
    if (!id) return null;
    const user = (await query(strapi, 'admin::user').findOne({ where: { id }, select: ['id', 'firstname', 'lastname', 'username', 'email'] })) as
      | (Row & { firstname?: string; lastname?: string; username?: string; email?: string })
      | null;
    if (!user) return null;
    return [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || user.email || `admin #${id}`;
  };

  const statusOf = async (uid: string, documentId: string, row: Row | null, snapshot: Snapshot, actor: Actor): Promise<WorkflowStatus> => {
    const ct = settings().require(uid);
    const state = stateOfRow(row, snapshot);
    const editors = await history().contentEditors(uid, documentId, state);
    const publishBlockers = await blockersFor(uid, documentId, state, actor);
    const facts = { ...factsOf(row, snapshot, editors.map((editor) => editor.key)), publishBlockers };
    const options = {
      fourEyes: ct.fourEyes,
      correctionsSupported: !!ct.correctionsField,
      publishedWithParent: quotePolicy().publishedWithParent(uid),
      now: new Date(),
    };
    const assigneeId = (row?.assigneeId as number | null | undefined) ?? null;
    const changeRequest = state === 'changes_requested' ? await history().openChangeRequest(uid, documentId) : null;
    return {
      uid,
      documentId,
      state,
      version: (row?.revision as number | undefined) ?? 0,
      contentVersion: snapshot.contentVersion,
      assignee: assigneeId ? { id: assigneeId, name: (await adminName(assigneeId)) ?? `admin #${assigneeId}` } : null,
      dueDate: isoOrNull(row?.dueDate),
      legalHold: facts.legalHold,
      legalHoldReason: facts.legalHoldReason ?? null,
      submittedBy: facts.submittedBy ? { key: facts.submittedBy, name: facts.submittedByName ?? null } : null,
      approvedBy: str(row?.approvedBy) ? { key: String(row?.approvedBy), name: str(row?.approvedByName) } : null,
      contentEditors: editors,
      embargoedUntil: snapshot.embargoedUntil,
      scheduledPublishAt: facts.scheduledPublishAt,
      withdrawal: state === 'withdrawn' ? { notice: str(row?.withdrawalNotice), withdrawnAt: isoOrNull(row?.withdrawnAt) } : null,
      live: snapshot.hasPublished,
      changesRequested: changeRequest
        ? { comment: changeRequest.comment ?? '', by: { key: changeRequest.user.key, name: changeRequest.user.name }, at: changeRequest.occurredAt }
        : null,
      publishBlockers,
      allowedActions: allowedActions(facts, actor, options).map((allowed) =>
        allowed.action === 'publish_correction' ? { ...allowed, kinds: [...CORRECTION_KINDS] } : allowed,
      ),
      blockedActions: blockedActions(facts, actor, options),
    };
  };

  /** The row fields a transition sets (besides state and revision). */
  const rowChanges = (decision: Decision, input: TransitionInput, actor: Actor, snapshot: Snapshot): Record<string, unknown> => {
    const action: Action = decision.rule.action;
    const clearSchedule = { scheduledPublishAt: null, scheduledBy: null, scheduledByName: null };
    switch (action) {
      case 'submit':
        return { submittedBy: actor.key, submittedByName: actor.name, approvedBy: null, approvedByName: null };
      case 'approve':
        return { approvedBy: actor.key, approvedByName: actor.name };
      case 'publish':
        return clearSchedule;
      case 'schedule':
        return { scheduledPublishAt: decision.scheduledAt, scheduledBy: actor.key, scheduledByName: actor.name };
      case 'unschedule':
        return clearSchedule;
      case 'start_correction':
        return { correctionStartedBy: actor.key, correctionStartedByName: actor.name };
      case 'publish_correction':
        return { correctionStartedBy: null, correctionStartedByName: null };
      case 'withdraw':
        // The notice is public (the 410 body); the reason (comment) is kept in the history only.
        return { ...clearSchedule, withdrawnAt: new Date(), withdrawalNotice: input.notice?.trim() ?? null, targetSlug: snapshot.slug };
      case 'reinstate':
        // The reinstating Editor is the submitter: four-eyes makes a second Editor approve before it is public again.
        return { submittedBy: actor.key, submittedByName: actor.name, approvedBy: null, approvedByName: null, correctionStartedBy: null, correctionStartedByName: null };
      case 'legal_hold':
        return { legalHold: true, legalHoldReason: input.comment?.trim() ?? null, legalHoldBy: actor.key };
      case 'release_hold':
        return { legalHold: false, legalHoldReason: null, legalHoldBy: null };
      default:
        return {};
    }
  };

  const appendCorrection = async (uid: string, documentId: string, field: string, correction: { date?: string | null; text: string }) => {
    const draft = await query(strapi, uid).findOne({ where: { documentId, publishedAt: null }, select: ['id'], populate: { [field]: true } });
    const existing = Array.isArray(draft?.[field]) ? (draft?.[field] as Record<string, unknown>[]) : [];
    const kept = existing.map((item) => ({ date: isoOrNull(item.date), text: item.text }));
    const date = isoOrNull(correction.date) ?? new Date().toISOString();
    await documents(strapi, uid).update({ documentId, data: { [field]: [...kept, { date, text: correction.text.trim() }] } });
  };

  /** Another workflow document carried along by a publication or withdrawal: its row and history follow. */
  const followAlong = async (ref: DocumentRef, action: Action, to: State, actor: Actor, root: DocumentRef, comment?: string) => {
    let row = await findRow(ref.uid, ref.documentId);
    if (!row) {
      row = await states().create({ data: { targetUid: ref.uid, targetDocumentId: ref.documentId, state: INITIAL_STATE, revision: 0, legalHold: false } });
    }
    const revision = ((row.revision as number | undefined) ?? 0) + 1;
    await states().update({ where: { id: row.id }, data: { state: to, revision } });
    const contentVersion = isoOrNull((await query(strapi, ref.uid).findOne({ where: { documentId: ref.documentId, publishedAt: null }, select: ['updatedAt'] }))?.updatedAt);
    return history().record({
      uid: ref.uid,
      documentId: ref.documentId,
      action,
      from: isState(row.state) ? row.state : INITIAL_STATE,
      to,
      actor,
      comment: comment ?? `${action} with ${root.uid} ${root.documentId}`,
      details: { with: root },
      contentVersion,
      revision,
    });
  };

  const emitTransition = (ref: DocumentRef, entry: HistoryRecord, actor: Actor) => {
    const payload = {
      document: ref,
      action: entry.action,
      from: entry.from,
      to: entry.to,
      user: { id: actor.id, kind: actor.kind, name: actor.name },
      comment: entry.comment,
    };
    // A failing listener must not turn a committed transition into an unhandled rejection.
    Promise.resolve(strapi.eventHub.emit(WEBHOOK_EVENTS.EDITORIAL_TRANSITION, payload)).catch((error: Error) =>
      strapi.log.error(`[editorial-workflow] ${WEBHOOK_EVENTS.EDITORIAL_TRANSITION} listener failed: ${error.message}`),
    );
  };

  /* ---------------------------------------------------------------- */
  /* A transition, step by step: plan → claim → apply → record.         */
  /* ---------------------------------------------------------------- */

  /** Everything one transition works with (the document is `root`). */
  type TransitionStep = {
    root: DocumentRef;
    ct: ContentTypeSettings;
    snapshot: Snapshot;
    input: TransitionInput & { expectedVersion?: number | null };
    actor: Actor;
    now: Date;
  };
  type Follower = { ref: DocumentRef; entry: HistoryRecord };

  /** The facts the state machine needs: the row's, the content editors of this cycle, the publish blockers. */
  const gatherFacts = async ({ root, snapshot, actor }: TransitionStep, row: Row | null): Promise<DocumentFacts> => {
    const state = stateOfRow(row, snapshot);
    const editors = await history().contentEditors(root.uid, root.documentId, state);
    return {
      ...factsOf(row, snapshot, editors.map((editor) => editor.key)),
      publishBlockers: await blockersFor(root.uid, root.documentId, state, actor),
    };
  };

  /** Plan: re-read the row inside the transaction, check the client's version, let the state machine decide. */
  const planTransition = async (step: TransitionStep): Promise<{ row: Row; revision: number; decision: Decision }> => {
    const { root, ct, input, actor, now } = step;
    const row = await findRow(root.uid, root.documentId);
    if (!row) throw new ConflictError(MESSAGES.concurrentTransition);
    const revision = (row.revision as number | undefined) ?? 0;
    if (input.expectedVersion !== undefined && input.expectedVersion !== null && input.expectedVersion !== revision) {
      throw new ConflictError(MESSAGES.versionConflict(input.expectedVersion, revision), { code: 'version_conflict', currentVersion: revision });
    }
    const decision = evaluate(input, await gatherFacts(step, row), actor, {
      fourEyes: ct.fourEyes,
      correctionsSupported: !!ct.correctionsField,
      publishedWithParent: quotePolicy().publishedWithParent(root.uid),
      now,
    });
    if (!decision.ok) throw refusalError(decision);
    return { row, revision, decision };
  };

  /** Claim: compare-and-set, so exactly one of two concurrent transitions gets the row. */
  const claimRow = async ({ input, actor, snapshot }: TransitionStep, row: Row, revision: number, decision: Decision) => {
    const { count } = await states().updateMany({
      where: { id: row.id, revision },
      data: { ...rowChanges(decision, input, actor, snapshot), state: decision.to, revision: revision + 1 },
    });
    if (count !== 1) throw new ConflictError(MESSAGES.concurrentTransition, { code: 'concurrent_transition' });
  };

  /** Refuse, with the list, a publication that would carry along documents held back by their own review or a legal hold. */
  const refuseHeldInPlan = async (plan: PublicationItem[], decision: Decision) => {
    const held = await quotePolicy().heldBack(plan);
    if (!held.length) return;
    const items = held.map((item) => `${item.uid} ${item.documentId} (${item.reason})`);
    throw new ConflictError(MESSAGES.heldBack(decision.rule.action, decision.from, items), {
      code: held.some((item) => item.legalHold) ? 'legal_hold' : 'held_back',
      heldBack: held,
    });
  };

  /** Publish the document with its cascade (a correction appends its public note first). */
  const publishWithCascade = async ({ root, ct, input, actor }: TransitionStep, decision: Decision) => {
    const correctionsField = ct.correctionsField;
    if (decision.rule.action === 'publish_correction' && input.kind !== 'update' && correctionsField && input.correction?.text) {
      const note = { date: input.correction.date, text: input.correction.text };
      await runInWorkflowScope([root], () => appendCorrection(root.uid, root.documentId, correctionsField, note));
    }
    const plan = await cascade().plan(root.uid, root.documentId);
    await refuseHeldInPlan(plan, decision);
    // Owned documents (quotes) public with the live version but no longer part of the story: unpublished with it.
    const removed = await quotePolicy().removedFromPlan(root.uid, root.documentId, plan);
    const published = await runInWorkflowScope([...plan, ...removed], async () => {
      for (const ref of removed) await documents(strapi, ref.uid).unpublish({ documentId: ref.documentId });
      let rootResult: DocumentResult | null = null;
      for (const item of plan) {
        const result = await documents(strapi, item.uid).publish({ documentId: item.documentId });
        if (item.reason === 'root') rootResult = result;
      }
      return rootResult;
    });
    const followers: Follower[] = [];
    for (const item of plan.filter((entry) => entry.underWorkflow && entry.reason !== 'root')) {
      followers.push({ ref: item, entry: await followAlong(item, decision.rule.action === 'publish' ? 'publish' : 'publish_correction', 'published', actor, root) });
    }
    for (const ref of removed.filter((entry) => settings().isUnderWorkflow(entry.uid))) {
      const comment = `removed from ${root.uid} ${root.documentId} in a correction: unpublished with it`;
      followers.push({ ref, entry: await followAlong(ref, 'publish_correction', 'withdrawn', actor, root, comment) });
    }
    return { published, followers };
  };

  /** Withdraw the document and unpublish every owned document public with it (an article's quotes). */
  const withdrawWithOwned = async ({ root, actor }: TransitionStep) => {
    const owned = await quotePolicy().publicOwned(root.uid, root.documentId);
    await runInWorkflowScope([root, ...owned], async () => {
      await documents(strapi, root.uid).unpublish({ documentId: root.documentId });
      for (const ref of owned) await documents(strapi, ref.uid).unpublish({ documentId: ref.documentId });
    });
    const followers: Follower[] = [];
    for (const ref of owned.filter((entry) => settings().isUnderWorkflow(entry.uid))) {
      followers.push({ ref, entry: await followAlong(ref, 'withdraw', 'withdrawn', actor, root) });
    }
    return { published: null, followers };
  };

  /** Apply: what the transition does to the live documents (most transitions change the state only). */
  const applyEffect = async (step: TransitionStep, decision: Decision): Promise<{ published: DocumentResult | null; followers: Follower[] }> => {
    if (decision.rule.effect === 'publish') return publishWithCascade(step, decision);
    if (decision.rule.effect === 'unpublish') return withdrawWithOwned(step);
    return { published: null, followers: [] };
  };

  /** The history row's details: correction kind and note, schedule, overridden publish checks. */
  const transitionDetails = (decision: Decision, input: TransitionInput): Record<string, unknown> | null => {
    const details: Record<string, unknown> = {};
    if (decision.rule.action === 'publish_correction') details.kind = input.kind ?? 'correction';
    if (input.correction?.text) details.correction = { date: input.correction.date ?? null, text: input.correction.text };
    if (decision.scheduledAt) details.scheduledAt = decision.scheduledAt;
    if (decision.rule.requiresNotice && input.notice) details.notice = input.notice.trim();
    if (decision.overridden.length) details.override = { reason: input.overrideReason?.trim() ?? '', blockers: decision.overridden };
    return Object.keys(details).length ? details : null;
  };

  /** Record: one history row for the transition (a correction's content version is the draft after its note). */
  const recordTransition = async ({ root, snapshot, input, actor }: TransitionStep, decision: Decision, revision: number) => {
    const contentVersion =
      decision.rule.action === 'publish_correction'
        ? isoOrNull((await query(strapi, root.uid).findOne({ where: { documentId: root.documentId, publishedAt: null }, select: ['updatedAt'] }))?.updatedAt)
        : snapshot.contentVersion;
    return history().record({
      uid: root.uid,
      documentId: root.documentId,
      action: decision.rule.action,
      from: decision.from,
      to: decision.to,
      actor,
      comment: input.comment?.trim() || null,
      details: transitionDetails(decision, input),
      contentVersion,
      revision,
    });
  };

  const service: WorkflowService = {
    async snapshot(uid, documentId) {
      return snapshotWith(uid, documentId, settings().require(uid));
    },

    async stateOf(uid, documentId) {
      const row = await findRow(uid, documentId);
      if (row && isState(row.state)) return row.state;
      return inferredState({ hasPublished: await cascade().hasPublishedVersion(uid, documentId) });
    },

    async describe(uid, documentId, caller) {
      const actor = await actors().resolve(caller);
      const snapshot = await service.snapshot(uid, documentId);
      const row = await findRow(uid, documentId);
      if (!snapshot.exists && !row) throw new errors.NotFoundError(MESSAGES.documentNotFound(uid, documentId));
      return statusOf(uid, documentId, row, snapshot, actor);
    },

    async transition(uid, documentId, input, caller, options = {}) {
      const actor = await actors().resolve(caller);
      const ct = settings().require(uid);
      const snapshot = await snapshotWith(uid, documentId, ct);
      if (!snapshot.exists) throw new errors.NotFoundError(MESSAGES.documentNotFound(uid, documentId));
      await ensureRow(uid, documentId, snapshot);
      const step: TransitionStep = { root: { uid, documentId }, ct, snapshot, input, actor, now: options.now ?? new Date() };

      const outcome = await strapi.db.transaction(async ({ onCommit }) => {
        const { row, revision, decision } = await planTransition(step);
        await claimRow(step, row, revision, decision);
        const { published, followers } = await applyEffect(step, decision);
        const entry = await recordTransition(step, decision, revision + 1);
        // Webhooks only for what is committed (after the outermost transaction, when nested).
        onCommit(() => {
          emitTransition(step.root, entry, actor);
          for (const follower of followers) emitTransition(follower.ref, follower.entry, actor);
        });
        return { entry, published };
      });

      const status = await statusOf(uid, documentId, await findRow(uid, documentId), await snapshotWith(uid, documentId, ct), actor);
      return { status, history: outcome.entry, published: outcome.published };
    },

    async check(uid, documentId, input, caller, options = {}) {
      const actor = await actors().resolve(caller);
      const ct = settings().require(uid);
      const snapshot = await snapshotWith(uid, documentId, ct);
      if (!snapshot.exists) throw new errors.NotFoundError(MESSAGES.documentNotFound(uid, documentId));
      const step: TransitionStep = { root: { uid, documentId }, ct, snapshot, input, actor, now: options.now ?? new Date() };
      return evaluate(input, await gatherFacts(step, await findRow(uid, documentId)), actor, {
        fourEyes: ct.fourEyes,
        correctionsSupported: !!ct.correctionsField,
        publishedWithParent: quotePolicy().publishedWithParent(uid),
        now: step.now,
      });
    },

    async statesOf(uid, documentIds) {
      settings().require(uid);
      const ids = [...new Set(documentIds)].filter(Boolean);
      if (!ids.length) return {};
      const rows = await states().findMany({ where: { targetUid: uid, targetDocumentId: { $in: ids } } });
      const byId = new Map(rows.map((row) => [String(row.targetDocumentId), row]));
      const missing = ids.filter((id) => !byId.has(id));
      const published = missing.length
        ? new Set(
            (await query(strapi, uid).findMany({ where: { documentId: { $in: missing }, publishedAt: { $notNull: true } }, select: ['documentId'] })).map(
              (row) => row.documentId,
            ),
          )
        : new Set<string>();
      return Object.fromEntries(
        ids.map((id) => {
          const row = byId.get(id) ?? null;
          return [
            id,
            {
              state: stateOfRow(row, { hasPublished: published.has(id) }),
              legalHold: row?.legalHold === true || row?.legalHold === 1,
              assigneeId: (row?.assigneeId as number | null | undefined) ?? null,
              dueDate: isoOrNull(row?.dueDate),
            },
          ];
        }),
      );
    },

    async assign(uid, documentId, input, actor) {
      const ct = settings().require(uid);
      if (!effectiveRoles(actor.roles).has('editor')) {
        throw forbidden('Assigning a document needs the Editor role.', { code: 'forbidden_role' });
      }
      const snapshot = await snapshotWith(uid, documentId, ct);
      if (!snapshot.exists) throw new errors.NotFoundError(MESSAGES.documentNotFound(uid, documentId));
      if (input.assigneeId !== null) {
        const user = await query(strapi, 'admin::user').findOne({ where: { id: input.assigneeId, isActive: true }, select: ['id'] });
        if (!user) throw new errors.ValidationError(MESSAGES.assigneeUnknown(input.assigneeId), { assigneeId: input.assigneeId });
      }
      const row = await ensureRow(uid, documentId, snapshot);
      const dueDate = input.dueDate === undefined ? (row.dueDate ?? null) : input.dueDate ? new Date(input.dueDate) : null;
      await strapi.db.transaction(async () => {
        await states().update({ where: { id: row.id }, data: { assigneeId: input.assigneeId, dueDate } });
        const state = stateOfRow(row, snapshot);
        await history().record({
          uid,
          documentId,
          action: 'assign',
          from: state,
          to: state,
          actor,
          comment: null,
          details: { assigneeId: input.assigneeId, dueDate: isoOrNull(dueDate) },
          contentVersion: snapshot.contentVersion,
          revision: (row.revision as number | undefined) ?? 0,
        });
      });
      return statusOf(uid, documentId, await findRow(uid, documentId), snapshot, actor);
    },

    async assignedTo(adminUserId, uid) {
      if (uid) settings().require(uid);
      const rows = await states().findMany({
        where: { assigneeId: adminUserId, ...(uid ? { targetUid: uid } : { targetUid: { $in: settings().uids() } }) },
        orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
      });
      return rows.map((row) => ({
        uid: String(row.targetUid),
        documentId: String(row.targetDocumentId),
        state: isState(row.state) ? row.state : INITIAL_STATE,
        dueDate: isoOrNull(row.dueDate),
        legalHold: row.legalHold === true || row.legalHold === 1,
      }));
    },

    async getWithdrawal(uid, slugOrDocumentId) {
      // Withdrawn, or reinstated into review but not public yet: the notice still stands.
      const row = await states().findOne({
        where: { targetUid: uid, withdrawnAt: { $notNull: true }, $or: [{ targetDocumentId: slugOrDocumentId }, { targetSlug: slugOrDocumentId }] },
        orderBy: [{ withdrawnAt: 'desc' }],
      });
      if (!row) return null;
      // A document (this one, or a new one with the same slug) that is public again is not gone.
      const slugField = settings().get().contentTypes[uid]?.slugField ?? null;
      const live = await query(strapi, uid).count({
        where: {
          publishedAt: { $notNull: true },
          $or: [{ documentId: row.targetDocumentId }, ...(slugField && row.targetSlug ? [{ [slugField]: row.targetSlug }] : [])],
        },
      });
      if (live > 0) return null;
      return {
        uid,
        documentId: String(row.targetDocumentId),
        slug: str(row.targetSlug),
        notice: str(row.withdrawalNotice),
        withdrawnAt: isoOrNull(row.withdrawnAt),
      };
    },

    withGateBypass(fn) {
      if (strapi.requestContext.get()) {
        throw forbidden('The publish gate cannot be bypassed while serving a request.');
      }
      return runWithGateBypass(fn);
    },

    async recordContentSave(uid, documentId, change, caller) {
      // One person, however they save (admin login or any of their tokens): four-eyes compares these keys.
      const actor = await actors().resolve(caller);
      const ct = settings().require(uid);
      return strapi.db.transaction(async ({ onCommit }) => {
        const snapshot = await snapshotWith(uid, documentId, ct);
        const row = await findRow(uid, documentId);
        const from = stateOfRow(row, snapshot);
        if (change.via && !REVIEW_STATES.includes(from)) return { returnedToReview: false };
        const returnedToReview = row !== null && from === 'approved';
        let revision = (row?.revision as number | undefined) ?? 0;
        if (row && returnedToReview) {
          const { count } = await states().updateMany({
            where: { id: row.id, revision },
            data: { state: 'in_review', revision: revision + 1, approvedBy: null, approvedByName: null, scheduledPublishAt: null, scheduledBy: null, scheduledByName: null },
          });
          if (count !== 1) throw new ConflictError(MESSAGES.concurrentTransition, { code: 'concurrent_transition' });
          revision += 1;
        }
        const entry = await history().record({
          uid,
          documentId,
          action: 'edit',
          from,
          to: returnedToReview ? 'in_review' : from,
          actor,
          comment: returnedToReview ? MESSAGES.contentChangedAfterApproval : null,
          details: { fields: change.fields, before: change.before, ...(change.via ? { via: change.via } : {}), ...(returnedToReview ? { returnedToReview: true } : {}) },
          contentVersion: snapshot.contentVersion,
          revision: row ? revision : null,
        });
        if (returnedToReview) onCommit(() => emitTransition({ uid, documentId }, entry, actor));
        return { returnedToReview };
      });
    },

    async publishDue(now = new Date()) {
      const due = await states().findMany({
        where: {
          state: 'approved',
          legalHold: false,
          scheduledPublishAt: { $notNull: true, $lte: now },
          targetUid: { $in: settings().uids() },
        },
        orderBy: [{ scheduledPublishAt: 'asc' }],
      });
      const published: DocumentRef[] = [];
      const failed: (DocumentRef & { error: string })[] = [];
      for (const row of due) {
        const ref = { uid: String(row.targetUid), documentId: String(row.targetDocumentId) };
        const scheduler: Actor = {
          kind: 'system',
          id: null,
          key: SCHEDULER_KEY,
          name: `Scheduler (scheduled by ${str(row.scheduledByName) ?? str(row.scheduledBy) ?? 'an editor'})`,
          roles: ['editor'],
        };
        try {
          // Claimed in the database, so two instances' schedulers publish it once (services/scheduler.ts).
          const publish = () => service.transition(ref.uid, ref.documentId, { action: 'publish', comment: 'Scheduled publication' }, scheduler, { now });
          if (await claimScheduled(strapi, row.id, now, publish)) published.push(ref);
        } catch (error) {
          failed.push({ ...ref, error: error instanceof Error ? error.message : String(error) });
          strapi.log.warn(`[editorial-workflow] scheduled publication of ${ref.uid} ${ref.documentId} failed: ${failed[failed.length - 1].error}`);
        }
      }
      return { published, failed };
    },
  };
  return service;
};
