/**
 * The editorial workflow as a pure function of (state, actor, document facts,
 * request): no Strapi, no database, no clock of its own. Services load the
 * facts, ask `evaluate`, and perform what it allows.
 */
import { ACTIONS, MESSAGES, STATES, type Action, type Role, type State } from './constants';

export type TransitionRule = {
  action: Action;
  /** States the action starts from. */
  from: readonly State[];
  /** Resulting state; `null` leaves the state as it is (holds, scheduling). */
  to: State | null;
  /** Roles allowed (Editors can do Author things; Super Admin can do everything). */
  roles: readonly Role[];
  requiresComment: boolean;
  /** A correction note {date?, text} (only where the content type keeps corrections, and not for `kind: 'update'`). */
  requiresCorrection: boolean;
  /** A public notice (withdraw: the 410 body), separate from the internal reason in `comment`. */
  requiresNotice: boolean;
  /** A human decision: refused to API tokens even when they act as Editors (withdraw, reinstate). */
  humansOnly: boolean;
  /** An Author (without Editor rights) may only act on documents they created. */
  authorsOwnOnly: boolean;
  /** Four-eyes: refused for the actor recorded in this field. */
  fourEyesAgainst: 'submittedBy' | 'correctionStartedBy' | null;
  blockedByLegalHold: boolean;
  /** Refused before the document's embargo passes. */
  respectsEmbargo: boolean;
  /** Open import flags and a missing publication date block it unless an Editor overrides them with a reason. */
  publishChecks: boolean;
  /** The document's live version changes: the gate lets the workflow publish / unpublish. */
  effect: 'publish' | 'unpublish' | null;
};

const ALL_STATES: readonly State[] = STATES;

const rule = (action: Action, partial: Partial<TransitionRule> & Pick<TransitionRule, 'from' | 'to' | 'roles'>): TransitionRule => ({
  action,
  requiresComment: false,
  requiresCorrection: false,
  requiresNotice: false,
  humansOnly: false,
  authorsOwnOnly: false,
  fourEyesAgainst: null,
  blockedByLegalHold: false,
  respectsEmbargo: false,
  publishChecks: false,
  effect: null,
  ...partial,
});

export const TRANSITIONS: Record<Action, TransitionRule> = {
  submit: rule('submit', { from: ['draft', 'changes_requested'], to: 'in_review', roles: ['author'], authorsOwnOnly: true }),
  request_changes: rule('request_changes', { from: ['in_review'], to: 'changes_requested', roles: ['editor'], requiresComment: true }),
  approve: rule('approve', {
    from: ['in_review'],
    to: 'approved',
    roles: ['editor'],
    fourEyesAgainst: 'submittedBy',
    blockedByLegalHold: true,
  }),
  publish: rule('publish', {
    from: ['approved'],
    to: 'published',
    roles: ['editor'],
    blockedByLegalHold: true,
    respectsEmbargo: true,
    publishChecks: true,
    effect: 'publish',
  }),
  schedule: rule('schedule', { from: ['approved'], to: null, roles: ['editor'], blockedByLegalHold: true, publishChecks: true }),
  unschedule: rule('unschedule', { from: ['approved'], to: null, roles: ['editor'] }),
  start_correction: rule('start_correction', { from: ['published'], to: 'correcting', roles: ['editor'] }),
  publish_correction: rule('publish_correction', {
    from: ['correcting'],
    to: 'published',
    roles: ['editor'],
    requiresCorrection: true,
    fourEyesAgainst: 'correctionStartedBy',
    blockedByLegalHold: true,
    respectsEmbargo: true,
    effect: 'publish',
  }),
  // Taking a story down is urgent: any Editor or Legal. The reason (comment) stays in history; the notice is public.
  withdraw: rule('withdraw', {
    from: ['published', 'correcting'],
    to: 'withdrawn',
    roles: ['editor', 'legal'],
    requiresComment: true,
    requiresNotice: true,
    humansOnly: true,
    effect: 'unpublish',
  }),
  // Back into review, with the reinstating Editor recorded as the submitter: four-eyes makes another Editor approve it.
  reinstate: rule('reinstate', { from: ['withdrawn'], to: 'in_review', roles: ['editor'], requiresComment: true, humansOnly: true }),
  legal_hold: rule('legal_hold', { from: ALL_STATES, to: null, roles: ['legal'], requiresComment: true }),
  release_hold: rule('release_hold', { from: ALL_STATES, to: null, roles: ['legal'] }),
};

/**
 * Actions that change (or plan a change of) a document's public version on its own. A document published
 * only with its parent (e.g. a quote with its article) cannot take them: it goes public, is corrected and
 * is withdrawn only through its parent's publish, publish_correction and withdraw.
 */
export const OWN_PUBLICATION_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'publish',
  'schedule',
  'unschedule',
  'start_correction',
  'publish_correction',
  'withdraw',
  'reinstate',
]);

export const isAction = (value: unknown): value is Action => typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);
export const isState = (value: unknown): value is State => typeof value === 'string' && (STATES as readonly string[]).includes(value);

/** Role inclusion: Super Admin has every role, an Editor is also an Author. */
export const effectiveRoles = (roles: readonly Role[]): Set<Role> => {
  const result = new Set<Role>(roles);
  if (result.has('super_admin')) ['author', 'editor', 'legal'].forEach((role) => result.add(role as Role));
  if (result.has('editor')) result.add('author');
  return result;
};

export type WorkflowActor = {
  /** Stable identity for four-eyes and ownership: `admin:<id>`, `api-token:<id>`, `system`. */
  key: string;
  name: string;
  roles: readonly Role[];
  /** API tokens own documents that no admin user created (integrations submit what they import). */
  ownsUnattributed?: boolean;
  /** An API token (an integration), not a person signed in to the admin panel. */
  viaToken?: boolean;
};

export type DocumentFacts = {
  state: State;
  legalHold: boolean;
  legalHoldReason?: string | null;
  /** `admin:<id>` of the draft's creator, or null. */
  createdBy: string | null;
  /** `admin:<id>` of the assignee, or null: an Author works on stories assigned to them (e.g. an imported wire story). */
  assignee?: string | null;
  submittedBy: string | null;
  submittedByName?: string | null;
  correctionStartedBy: string | null;
  correctionStartedByName?: string | null;
  /**
   * Who saved content changes since the review began (the last submission) or,
   * while correcting, since the last publication: four-eyes refuses them too.
   */
  contentEditors?: readonly string[];
  /** What blocks publishing (open import flags, no publication date); empty or absent when nothing does. */
  publishBlockers?: readonly PublishBlocker[];
  /** ISO date-time, or null. */
  embargoedUntil: string | null;
  scheduledPublishAt: string | null;
};

/** Kinds of publish_correction: a public, append-only correction note, or an update without one. */
export const CORRECTION_KINDS = ['correction', 'update'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

export type PublishBlocker = { code: 'open_import_flags' | 'missing_date_published'; count: number; message: string };

export type TransitionInput = {
  action: string;
  /** An Editor's reason to publish despite the publish blockers. */
  overrideReason?: string | null;
  comment?: string | null;
  correction?: { text?: string | null; date?: string | null } | null;
  /** withdraw: the public notice (the 410 body). */
  notice?: string | null;
  /** publish_correction: `correction` (public note, the default) or `update` (no public note, e.g. a typo). */
  kind?: CorrectionKind | null;
  scheduledAt?: string | null;
};

export type WorkflowOptions = {
  fourEyes: boolean;
  /** The content type keeps a public corrections list (else a correction note is optional). */
  correctionsSupported: boolean;
  /** The type is published only with its parent (an owned cascade target, e.g. quotes of an article). */
  publishedWithParent?: boolean;
  now: Date;
};

export type RefusalCode =
  | 'unknown_action'
  | 'forbidden_role'
  | 'wrong_state'
  | 'not_own'
  | 'four_eyes'
  | 'legal_hold'
  | 'hold_state'
  | 'embargo'
  | 'not_scheduled'
  | 'comment_required'
  | 'correction_required'
  | 'notice_required'
  | 'published_with_parent'
  | 'correction_not_allowed'
  | 'invalid_schedule'
  | 'publish_checks'
  | 'override_forbidden';

export type Refusal = { ok: false; status: 400 | 403 | 409; code: RefusalCode; message: string; blockers?: readonly PublishBlocker[] };
export type Decision = {
  ok: true;
  rule: TransitionRule;
  from: State;
  to: State;
  scheduledAt: string | null;
  /** The publish blockers an Editor overrode (with `overrideReason`); empty when nothing blocked. */
  overridden: readonly PublishBlocker[];
};

const refuse = (status: Refusal['status'], code: RefusalCode, message: string, blockers?: readonly PublishBlocker[]): Refusal => ({
  ok: false,
  status,
  code,
  message,
  ...(blockers ? { blockers } : {}),
});

const hasText = (value: unknown): boolean => typeof value === 'string' && value.trim().length > 0;

const toTime = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const time = new Date(iso).getTime();
  return Number.isNaN(time) ? null : time;
};

/**
 * Decide one transition. Order of checks: the action exists (400), the role
 * (403), the state (409), ownership and four-eyes (403), legal hold, embargo and
 * schedule preconditions (409), then the request's own content (400).
 * `checkInput: false` skips the last group (used to list allowed actions).
 */
export const evaluate = (
  input: TransitionInput,
  facts: DocumentFacts,
  actor: WorkflowActor,
  options: WorkflowOptions,
  checkInput = true,
): Decision | Refusal => {
  if (!isAction(input.action)) return refuse(400, 'unknown_action', MESSAGES.unknownAction(String(input.action)));
  const action = input.action;
  const transition = TRANSITIONS[action];
  if (options.publishedWithParent && OWN_PUBLICATION_ACTIONS.has(action)) {
    return refuse(409, 'published_with_parent', MESSAGES.publishedWithParent(action, facts.state));
  }
  const roles = effectiveRoles(actor.roles);
  const { state } = facts;

  if (transition.humansOnly && actor.viaToken) return refuse(403, 'forbidden_role', MESSAGES.humansOnly(action, state));
  if (!transition.roles.some((role) => roles.has(role))) {
    return refuse(403, 'forbidden_role', MESSAGES.forbiddenRole(action, state, transition.from, transition.roles));
  }
  if (!transition.from.includes(state)) {
    return refuse(409, 'wrong_state', MESSAGES.wrongState(action, state, transition.from, transition.roles));
  }

  if (transition.authorsOwnOnly && !roles.has('editor')) {
    const own =
      (facts.createdBy ? facts.createdBy === actor.key : actor.ownsUnattributed === true) ||
      (!!facts.assignee && facts.assignee === actor.key);
    if (!own) return refuse(403, 'not_own', MESSAGES.notOwn(action, state, transition.from, ['author', 'editor']));
  }

  if (options.fourEyes && transition.fourEyesAgainst) {
    const previous = facts[transition.fourEyesAgainst];
    if (previous && previous === actor.key) {
      const who =
        transition.fourEyesAgainst === 'submittedBy'
          ? `the person who submitted it (${facts.submittedByName ?? previous})`
          : `the person who started the correction (${facts.correctionStartedByName ?? previous})`;
      return refuse(403, 'four_eyes', MESSAGES.fourEyes(action, state, transition.from, who));
    }
    if (facts.contentEditors?.includes(actor.key)) {
      return refuse(403, 'four_eyes', MESSAGES.fourEyes(action, state, transition.from, MESSAGES.contentEditorsWho(transition.fourEyesAgainst)));
    }
  }

  if (action === 'legal_hold' && facts.legalHold) return refuse(409, 'hold_state', MESSAGES.alreadyHeld(state));
  if (action === 'release_hold' && !facts.legalHold) return refuse(409, 'hold_state', MESSAGES.notHeld(state));
  if (transition.blockedByLegalHold && facts.legalHold) {
    return refuse(409, 'legal_hold', MESSAGES.legalHold(action, state, facts.legalHoldReason ?? null));
  }

  const embargo = toTime(facts.embargoedUntil);
  if (transition.respectsEmbargo && embargo !== null && embargo > options.now.getTime()) {
    return refuse(409, 'embargo', MESSAGES.embargo(state, new Date(embargo).toISOString()));
  }
  if (action === 'unschedule' && !facts.scheduledPublishAt) return refuse(409, 'not_scheduled', MESSAGES.notScheduled(state));

  const blockers = transition.publishChecks ? (facts.publishBlockers ?? []) : [];
  let scheduledAt: string | null = null;
  if (checkInput) {
    if (blockers.length && !hasText(input.overrideReason)) return refuse(409, 'publish_checks', MESSAGES.publishChecks(action, state, blockers), blockers);
    if (blockers.length && !roles.has('editor')) return refuse(403, 'override_forbidden', MESSAGES.overrideForbidden(action), blockers);
    if (transition.requiresComment && !hasText(input.comment)) return refuse(400, 'comment_required', MESSAGES.commentRequired(action));
    const isUpdate = input.kind === 'update';
    if (transition.requiresCorrection && isUpdate && hasText(input.correction?.text)) {
      return refuse(400, 'correction_not_allowed', MESSAGES.updateHasNoNote);
    }
    if (transition.requiresCorrection && !isUpdate && options.correctionsSupported && !hasText(input.correction?.text)) {
      return refuse(400, 'correction_required', MESSAGES.correctionRequired(action));
    }
    if (transition.requiresNotice && !hasText(input.notice)) return refuse(400, 'notice_required', MESSAGES.noticeRequired(action));
    if (action === 'schedule') {
      const wanted = toTime(input.scheduledAt ?? null) ?? embargo;
      if (wanted === null) return refuse(400, 'invalid_schedule', MESSAGES.scheduleMissing);
      if (embargo !== null && wanted < embargo) {
        return refuse(400, 'invalid_schedule', MESSAGES.scheduleBeforeEmbargo(new Date(embargo).toISOString()));
      }
      if (wanted <= options.now.getTime()) return refuse(400, 'invalid_schedule', MESSAGES.scheduleInPast);
      scheduledAt = new Date(wanted).toISOString();
    }
  }

  return { ok: true, rule: transition, from: state, to: transition.to ?? state, scheduledAt, overridden: blockers };
};

export type AllowedAction = { action: Action; requiresComment: boolean; requiresCorrection: boolean; requiresOverride: boolean; requiresNotice: boolean };

/** The actions this actor can take on this document now (what the admin UI offers). */
export const allowedActions = (facts: DocumentFacts, actor: WorkflowActor, options: WorkflowOptions): AllowedAction[] =>
  ACTIONS.filter((action) => evaluate({ action }, facts, actor, options, false).ok).map((action) => ({
    action,
    requiresComment: TRANSITIONS[action].requiresComment,
    requiresCorrection: TRANSITIONS[action].requiresCorrection && options.correctionsSupported,
    requiresOverride: TRANSITIONS[action].publishChecks && (facts.publishBlockers?.length ?? 0) > 0,
    requiresNotice: TRANSITIONS[action].requiresNotice,
  }));

/** Refusals that are about this document now, not about who the actor is or where the document stands. */
const SITUATIONAL: ReadonlySet<RefusalCode> = new Set<RefusalCode>(['not_own', 'four_eyes', 'legal_hold', 'embargo', 'not_scheduled']);

export type BlockedAction = { action: Action; status: Refusal['status']; code: RefusalCode; message: string };

/**
 * The actions this actor's role could take from this state but may not now,
 * with the reason (four-eyes, legal hold, embargo…): the panel shows them
 * disabled with the server's words instead of re-deriving the rules.
 */
export const blockedActions = (facts: DocumentFacts, actor: WorkflowActor, options: WorkflowOptions): BlockedAction[] =>
  ACTIONS.flatMap((action) => {
    const decision = evaluate({ action }, facts, actor, options, false);
    return !decision.ok && SITUATIONAL.has(decision.code) ? [{ action, status: decision.status, code: decision.code, message: decision.message }] : [];
  });
