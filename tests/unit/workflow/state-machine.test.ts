import { ACTIONS, STATES, type Action, type Role, type State } from '../../../src/plugins/editorial-workflow/server/src/constants';
import {
  TRANSITIONS,
  allowedActions,
  blockedActions,
  effectiveRoles,
  evaluate,
  type DocumentFacts,
  type TransitionInput,
  type WorkflowActor,
  type WorkflowOptions,
} from '../../../src/plugins/editorial-workflow/server/src/state-machine';

/** The pure state machine: the transition table, roles, and the rules on top of it. */

const NOW = new Date('2026-11-27T12:00:00.000Z');
const options = (over: Partial<WorkflowOptions> = {}): WorkflowOptions => ({ fourEyes: true, correctionsSupported: true, now: NOW, ...over });

const actor = (key: string, ...roles: Role[]): WorkflowActor => ({ key, name: key, roles });
const author = actor('admin:1', 'author');
const editorA = actor('admin:2', 'editor');
const editorB = actor('admin:3', 'editor');
const legal = actor('admin:4', 'legal');
const superAdmin = actor('admin:5', 'super_admin');

const facts = (state: State, over: Partial<DocumentFacts> = {}): DocumentFacts => ({
  state,
  legalHold: false,
  createdBy: 'admin:1',
  submittedBy: null,
  correctionStartedBy: null,
  embargoedUntil: null,
  scheduledPublishAt: null,
  ...over,
});

/** A request that satisfies every input rule of the action. */
const validInput = (action: Action): TransitionInput => ({
  action,
  comment: 'because',
  notice: 'This story has been withdrawn.',
  correction: { text: 'An earlier version was wrong.' },
  scheduledAt: '2026-11-28T00:00:00.000Z',
});

/** The table from the issue, written out independently of the implementation. */
const TABLE: Record<Action, { from: State[]; to: State | null; allowed: WorkflowActor; refused: WorkflowActor }> = {
  submit: { from: ['draft', 'changes_requested'], to: 'in_review', allowed: author, refused: legal },
  request_changes: { from: ['in_review'], to: 'changes_requested', allowed: editorB, refused: author },
  approve: { from: ['in_review'], to: 'approved', allowed: editorB, refused: author },
  publish: { from: ['approved'], to: 'published', allowed: editorB, refused: author },
  schedule: { from: ['approved'], to: null, allowed: editorB, refused: legal },
  unschedule: { from: ['approved'], to: null, allowed: editorB, refused: author },
  start_correction: { from: ['published'], to: 'correcting', allowed: editorB, refused: author },
  publish_correction: { from: ['correcting'], to: 'published', allowed: editorB, refused: author },
  withdraw: { from: ['published', 'correcting'], to: 'withdrawn', allowed: editorA, refused: author },
  reinstate: { from: ['withdrawn'], to: 'in_review', allowed: editorB, refused: legal },
  legal_hold: { from: [...STATES], to: null, allowed: legal, refused: editorA },
  release_hold: { from: [...STATES], to: null, allowed: legal, refused: editorA },
};

/** Facts in which the action's own preconditions (hold, schedule) hold. */
const factsFor = (action: Action, state: State): DocumentFacts =>
  facts(state, {
    legalHold: action === 'release_hold',
    scheduledPublishAt: action === 'unschedule' ? '2026-11-28T00:00:00.000Z' : null,
    submittedBy: 'admin:2',
    correctionStartedBy: 'admin:2',
  });

describe('Given the transition table of the issue', () => {
  it('when compared with the implementation, then every action has the same from-states and result', () => {
    for (const action of ACTIONS) {
      expect({ action, from: [...TRANSITIONS[action].from].sort(), to: TRANSITIONS[action].to }).toEqual({
        action,
        from: [...TABLE[action].from].sort(),
        to: TABLE[action].to,
      });
    }
  });

  it.each(ACTIONS)('when the right role does "%s" from each allowed state, then it is allowed and lands in the right state', (action) => {
    for (const state of TABLE[action].from) {
      const decision = evaluate(validInput(action), factsFor(action, state), TABLE[action].allowed, options());
      expect(decision).toMatchObject({ ok: true, from: state, to: TABLE[action].to ?? state });
    }
  });

  it.each(ACTIONS)('when the wrong role does "%s", then it is refused with 403 naming the needed role', (action) => {
    const decision = evaluate(validInput(action), factsFor(action, TABLE[action].from[0]), TABLE[action].refused, options());
    expect(decision).toMatchObject({ ok: false, status: 403, code: 'forbidden_role' });
    expect(!decision.ok && decision.message).toContain('needed role');
  });

  it.each(ACTIONS.filter((action) => TABLE[action].from.length < STATES.length))('when "%s" is done from every other state, then it is refused with 409 naming current and needed state', (action) => {
    for (const state of STATES.filter((candidate) => !TABLE[action].from.includes(candidate))) {
      const decision = evaluate(validInput(action), factsFor(action, state), TABLE[action].allowed, options());
      expect(decision).toMatchObject({ ok: false, status: 409, code: 'wrong_state' });
      expect(!decision.ok && decision.message).toContain(`Current state: "${state}"`);
      expect(!decision.ok && decision.message).toContain('needed state');
    }
  });
});

describe('Given the roles', () => {
  it('when expanded, then an Editor is also an Author and the Super Admin holds every role', () => {
    expect([...effectiveRoles(['editor'])].sort()).toEqual(['author', 'editor']);
    expect([...effectiveRoles(['super_admin'])].sort()).toEqual(['author', 'editor', 'legal', 'super_admin']);
    expect([...effectiveRoles(['legal'])]).toEqual(['legal']);
  });

  it('when an Author submits a draft they did not create, then 403; an Editor may; a token may submit a draft no admin created', () => {
    expect(evaluate({ action: 'submit' }, facts('draft', { createdBy: 'admin:9' }), author, options())).toMatchObject({ ok: false, status: 403, code: 'not_own' });
    expect(evaluate({ action: 'submit' }, facts('draft', { createdBy: 'admin:9' }), editorA, options())).toMatchObject({ ok: true });
    const token: WorkflowActor = { key: 'api-token:1', name: 'token', roles: ['author'], ownsUnattributed: true };
    expect(evaluate({ action: 'submit' }, facts('draft', { createdBy: null }), token, options())).toMatchObject({ ok: true });
    expect(evaluate({ action: 'submit' }, facts('draft', { createdBy: 'admin:9' }), token, options())).toMatchObject({ ok: false, code: 'not_own' });
  });
});

describe('Given a story assigned to an Author', () => {
  it('when the Author submits a draft they did not create but are assigned, then it is allowed; another assignee does not count', () => {
    const assigned = facts('draft', { createdBy: null, assignee: author.key });
    expect(evaluate({ action: 'submit' }, assigned, author, options())).toMatchObject({ ok: true });
    const someoneElse = facts('draft', { createdBy: 'admin:9', assignee: 'admin:9' });
    expect(evaluate({ action: 'submit' }, someoneElse, author, options())).toMatchObject({ ok: false, status: 403, code: 'not_own' });
  });
});

describe('Given four-eyes', () => {
  it('when the submitter approves, then 403; another Editor may; with four-eyes off, the submitter may', () => {
    const submitted = facts('in_review', { submittedBy: editorA.key });
    expect(evaluate({ action: 'approve' }, submitted, editorA, options())).toMatchObject({ ok: false, status: 403, code: 'four_eyes' });
    expect(evaluate({ action: 'approve' }, submitted, editorB, options())).toMatchObject({ ok: true });
    expect(evaluate({ action: 'approve' }, submitted, editorA, options({ fourEyes: false }))).toMatchObject({ ok: true });
  });

  it('when the Editor who started a correction publishes it, then 403; another Editor may', () => {
    const correcting = facts('correcting', { correctionStartedBy: editorA.key });
    const input = { action: 'publish_correction', correction: { text: 'fixed' } };
    expect(evaluate(input, correcting, editorA, options())).toMatchObject({ ok: false, status: 403, code: 'four_eyes' });
    expect(evaluate(input, correcting, editorB, options())).toMatchObject({ ok: true, to: 'published' });
  });
});

describe('Given a legal hold', () => {
  it('when approve, publish, schedule or publish_correction is attempted, then 409; other actions are not blocked', () => {
    const blocked: [Action, State][] = [
      ['approve', 'in_review'],
      ['publish', 'approved'],
      ['schedule', 'approved'],
      ['publish_correction', 'correcting'],
    ];
    for (const [action, state] of blocked) {
      expect(evaluate(validInput(action), facts(state, { legalHold: true, legalHoldReason: 'court order' }), editorB, options())).toMatchObject({
        ok: false,
        status: 409,
        code: 'legal_hold',
      });
    }
    expect(evaluate({ action: 'submit' }, facts('draft', { legalHold: true }), author, options())).toMatchObject({ ok: true });
    expect(evaluate({ action: 'withdraw', comment: 'x', notice: 'y' }, facts('published', { legalHold: true }), superAdmin, options())).toMatchObject({ ok: true });
  });

  it('when a hold is placed twice or released when there is none, then 409', () => {
    expect(evaluate({ action: 'legal_hold', comment: 'x' }, facts('draft', { legalHold: true }), legal, options())).toMatchObject({ status: 409 });
    expect(evaluate({ action: 'release_hold' }, facts('draft'), legal, options())).toMatchObject({ status: 409 });
  });
});

describe('Given an embargo', () => {
  const embargoed = facts('approved', { embargoedUntil: '2026-11-27T18:00:00.000Z' });

  it('when published before it, then 409 naming the embargo; after it, then allowed', () => {
    const before = evaluate({ action: 'publish' }, embargoed, editorB, options());
    expect(before).toMatchObject({ ok: false, status: 409, code: 'embargo' });
    expect(!before.ok && before.message).toContain('2026-11-27T18:00:00.000Z');
    expect(evaluate({ action: 'publish' }, embargoed, editorB, options({ now: new Date('2026-11-27T18:00:01.000Z') }))).toMatchObject({ ok: true });
  });

  it('when scheduled without a time, then it defaults to the embargo; before the embargo or in the past, then 400', () => {
    expect(evaluate({ action: 'schedule' }, embargoed, editorB, options())).toMatchObject({ ok: true, scheduledAt: '2026-11-27T18:00:00.000Z' });
    expect(evaluate({ action: 'schedule', scheduledAt: '2026-11-27T17:00:00.000Z' }, embargoed, editorB, options())).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(evaluate({ action: 'schedule', scheduledAt: '2026-11-27T11:00:00.000Z' }, facts('approved'), editorB, options())).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(evaluate({ action: 'schedule' }, facts('approved'), editorB, options())).toMatchObject({ ok: false, status: 400 });
  });

  it('when nothing is scheduled, then unschedule is refused with 409', () => {
    expect(evaluate({ action: 'unschedule' }, facts('approved'), editorB, options())).toMatchObject({ ok: false, status: 409, code: 'not_scheduled' });
  });
});

describe('Given the request content', () => {
  it('when request_changes, withdraw or legal_hold come without a comment, then 400', () => {
    expect(evaluate({ action: 'request_changes', comment: '  ' }, facts('in_review'), editorB, options())).toMatchObject({ status: 400, code: 'comment_required' });
    expect(evaluate({ action: 'withdraw', notice: 'Withdrawn.' }, facts('published'), superAdmin, options())).toMatchObject({ status: 400, code: 'comment_required' });
    expect(evaluate({ action: 'legal_hold' }, facts('draft'), legal, options())).toMatchObject({ status: 400, code: 'comment_required' });
  });

  it('when withdraw has a reason but no public notice, then 400 (the reason is never used as the notice)', () => {
    expect(evaluate({ action: 'withdraw', comment: 'internal' }, facts('published'), editorA, options())).toMatchObject({ status: 400, code: 'notice_required' });
    expect(evaluate({ action: 'withdraw', comment: 'internal', notice: '  ' }, facts('published'), legal, options())).toMatchObject({ status: 400, code: 'notice_required' });
    expect(evaluate({ action: 'withdraw', comment: 'internal', notice: 'Withdrawn.' }, facts('correcting'), legal, options())).toMatchObject({ ok: true, to: 'withdrawn' });
  });

  it('when publish_correction has no correction note, then 400 — unless the type keeps no corrections list', () => {
    const correcting = facts('correcting', { correctionStartedBy: editorA.key });
    expect(evaluate({ action: 'publish_correction' }, correcting, editorB, options())).toMatchObject({ status: 400, code: 'correction_required' });
    expect(evaluate({ action: 'publish_correction' }, correcting, editorB, options({ correctionsSupported: false }))).toMatchObject({ ok: true });
  });

  it('when the action is unknown, then 400', () => {
    expect(evaluate({ action: 'teleport' }, facts('draft'), superAdmin, options())).toMatchObject({ ok: false, status: 400, code: 'unknown_action' });
  });
});

describe('Given the allowed actions per role', () => {
  const names = (list: { action: string }[]) => list.map((item) => item.action);

  it('when each role looks at a document in each state, then they see exactly what they may do', () => {
    expect(names(allowedActions(facts('draft'), author, options()))).toEqual(['submit']);
    expect(names(allowedActions(facts('draft', { createdBy: 'admin:9' }), author, options()))).toEqual([]);
    expect(names(allowedActions(facts('in_review', { submittedBy: editorA.key }), editorA, options()))).toEqual(['request_changes']);
    expect(names(allowedActions(facts('in_review', { submittedBy: editorA.key }), editorB, options()))).toEqual(['request_changes', 'approve']);
    expect(names(allowedActions(facts('approved'), editorB, options()))).toEqual(['publish', 'schedule']);
    expect(names(allowedActions(facts('approved', { embargoedUntil: '2026-12-01T00:00:00.000Z' }), editorB, options()))).toEqual(['schedule']);
    expect(names(allowedActions(facts('published'), editorB, options()))).toEqual(['start_correction', 'withdraw']);
    expect(names(allowedActions(facts('published'), superAdmin, options()))).toEqual(['start_correction', 'withdraw', 'legal_hold']);
    expect(names(allowedActions(facts('published'), legal, options()))).toEqual(['withdraw', 'legal_hold']);
    expect(names(allowedActions(facts('published', { legalHold: true }), legal, options()))).toEqual(['withdraw', 'release_hold']);
    expect(names(allowedActions(facts('withdrawn'), editorB, options()))).toEqual(['reinstate']);
    expect(names(allowedActions(facts('withdrawn'), legal, options()))).toEqual(['legal_hold']);
  });

  it('when an action needs a comment or a correction, then the allowed action says so', () => {
    const [withdraw] = allowedActions(facts('published'), superAdmin, options()).filter((item) => item.action === 'withdraw');
    expect(withdraw).toEqual({ action: 'withdraw', requiresComment: true, requiresCorrection: false, requiresOverride: false, requiresNotice: true });
    const [correction] = allowedActions(facts('correcting', { correctionStartedBy: editorA.key }), editorB, options()).filter(
      (item) => item.action === 'publish_correction',
    );
    expect(correction).toEqual({ action: 'publish_correction', requiresComment: false, requiresCorrection: true, requiresOverride: false, requiresNotice: false });
  });
});

describe('Given a type published only with its parent (quotes of an article)', () => {
  const withParent = options({ publishedWithParent: true });
  const names = (list: { action: string }[]) => list.map((item) => item.action);

  it('when any action that would change its public version is tried on its own, then 409 pointing to the parent; review actions stay', () => {
    for (const action of ['publish', 'schedule', 'start_correction', 'publish_correction', 'withdraw', 'reinstate'] as const) {
      const decision = evaluate(validInput(action), factsFor(action, TABLE[action].from[0]), superAdmin, withParent);
      expect(decision).toMatchObject({ ok: false, status: 409, code: 'published_with_parent' });
    }
    expect(names(allowedActions(facts('approved'), editorB, withParent))).toEqual([]);
    expect(names(allowedActions(facts('in_review', { submittedBy: editorA.key }), editorB, withParent))).toEqual(['request_changes', 'approve']);
  });
});

describe('Given an API token acting as an Editor', () => {
  const token: WorkflowActor = { key: 'admin:7', name: 'token of admin 7', roles: ['editor'], ownsUnattributed: true, viaToken: true };

  it('when it withdraws or reinstates, then 403 (a decision for a person); publishing stays allowed', () => {
    expect(evaluate(validInput('withdraw'), facts('published'), token, options())).toMatchObject({ ok: false, status: 403 });
    expect(evaluate(validInput('reinstate'), facts('withdrawn'), token, options())).toMatchObject({ ok: false, status: 403 });
    expect(evaluate(validInput('publish'), facts('approved'), token, options())).toMatchObject({ ok: true });
  });
});

describe('four-eyes covers content', () => {
  const reviewed = (over: Partial<DocumentFacts> = {}) => facts('in_review', { submittedBy: author.key, contentEditors: [editorA.key], ...over });

  it('when an Editor saved content changes since the submission, then that Editor may not approve, and the refusal says why', () => {
    const refusal = evaluate({ action: 'approve' }, reviewed(), editorA, options());
    expect(refusal).toMatchObject({ ok: false, status: 403, code: 'four_eyes' });
    expect(refusal.ok ? '' : refusal.message).toContain('saved content changes since it was submitted');
    expect(evaluate({ action: 'approve' }, reviewed(), editorB, options()).ok).toBe(true);
  });

  it('when an Editor edited during a correction, then that Editor may not publish it, in either kind', () => {
    const correcting = facts('correcting', { correctionStartedBy: editorB.key, contentEditors: [editorA.key] });
    for (const kind of ['correction', 'update'] as const) {
      const input: TransitionInput = { action: 'publish_correction', kind, correction: kind === 'correction' ? { text: 'Fixed' } : null };
      expect(evaluate(input, correcting, editorA, options())).toMatchObject({ ok: false, code: 'four_eyes' });
      expect(evaluate(input, correcting, editorB, options())).toMatchObject({ ok: false, code: 'four_eyes' });
      expect(evaluate(input, facts('correcting', { correctionStartedBy: editorB.key }), editorA, options()).ok).toBe(true);
    }
  });

  it('when four-eyes is off for the type, then content editors may approve', () => {
    expect(evaluate({ action: 'approve' }, reviewed(), editorA, options({ fourEyes: false })).ok).toBe(true);
  });

  it('then blockedActions lists approve with the four-eyes reason, and allowedActions leaves it out', () => {
    expect(blockedActions(reviewed(), editorA, options())).toEqual([expect.objectContaining({ action: 'approve', code: 'four_eyes', status: 403 })]);
    expect(allowedActions(reviewed(), editorA, options()).map((item) => item.action)).not.toContain('approve');
    // Actions the role or the state rule out are not "blocked": they are simply not offered.
    expect(blockedActions(reviewed(), author, options())).toEqual([]);
  });
});

describe('publishing checks', () => {
  const blockers = [
    { code: 'open_import_flags' as const, count: 29, message: '29 open import flags' },
    { code: 'missing_date_published' as const, count: 1, message: 'no publication date' },
  ];
  const approved = facts('approved', { publishBlockers: blockers });

  it('when something blocks, then publish and schedule are refused (409) with the blockers, unless an override reason is given', () => {
    for (const action of ['publish', 'schedule'] as const) {
      const refusal = evaluate({ action, scheduledAt: '2026-11-28T00:00:00.000Z' }, approved, editorB, options());
      expect(refusal).toMatchObject({ ok: false, status: 409, code: 'publish_checks', blockers });
      const decision = evaluate({ action, scheduledAt: '2026-11-28T00:00:00.000Z', overrideReason: 'Checked by the desk' }, approved, editorB, options());
      expect(decision).toMatchObject({ ok: true, overridden: blockers });
    }
  });

  it('when nothing blocks, then publish needs no override and nothing is overridden', () => {
    expect(evaluate({ action: 'publish' }, facts('approved'), editorB, options())).toMatchObject({ ok: true, overridden: [] });
  });

  it('then the allowed publish says it needs an override', () => {
    const [publish] = allowedActions(approved, editorB, options()).filter((item) => item.action === 'publish');
    expect(publish).toMatchObject({ requiresOverride: true });
  });

  it('then a blank override reason does not count', () => {
    expect(evaluate({ action: 'publish', overrideReason: '   ' }, approved, editorB, options())).toMatchObject({ ok: false, code: 'publish_checks' });
  });
});

describe('corrections and updates', () => {
  const correcting = facts('correcting', { correctionStartedBy: editorA.key });

  it('when the kind is update, then no public note is needed, and one is refused', () => {
    expect(evaluate({ action: 'publish_correction', kind: 'update' }, correcting, editorB, options()).ok).toBe(true);
    expect(evaluate({ action: 'publish_correction', kind: 'update', correction: { text: 'Public note' } }, correcting, editorB, options())).toMatchObject({
      ok: false,
      status: 400,
      code: 'correction_not_allowed',
    });
  });

  it('when the kind is correction (the default), then the public note is required', () => {
    expect(evaluate({ action: 'publish_correction' }, correcting, editorB, options())).toMatchObject({ ok: false, code: 'correction_required' });
    expect(evaluate({ action: 'publish_correction', kind: 'correction' }, correcting, editorB, options())).toMatchObject({ ok: false, code: 'correction_required' });
  });
});
