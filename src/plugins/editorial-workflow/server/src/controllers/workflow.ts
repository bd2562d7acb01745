import type { Core } from '@strapi/strapi';
import { ACTIONS, ROLE_LABELS, STATE_META, STATES } from '../constants';
import { TRANSITIONS } from '../state-machine';
import type { HistoryService } from '../services/history';
import type { StateListsService } from '../services/state-lists';
import type { SettingsService } from '../services/settings';
import type { VersionsService } from '../services/versions';
import type { WorkflowService } from '../services/workflow';
import { getService } from '../utils/db';
import { readFilter, unreadableAmong } from '../utils/document-access';
import { forbidden } from '../utils/errors';
import { validateAssignmentBody, validateDocumentsInStateQuery, validateStatesQuery, validateTransitionBody } from '../validation/transitions';
import { validateCompareQuery } from '../validation/versions';
import { abilityOf, param, requireActor, type ControllerContext } from './request';

/** Admin routes (/editorial-workflow/...): what the admin panel's workflow UI calls. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const workflow = () => getService<WorkflowService>(strapi, 'workflow');
  const versions = () => getService<VersionsService>(strapi, 'versions');

  return {
    async config(ctx: ControllerContext) {
      const { contentTypes } = getService<SettingsService>(strapi, 'settings').get();
      ctx.body = {
        data: {
          contentTypes: Object.values(contentTypes),
          states: STATES.map((state) => ({ state, ...STATE_META[state] })),
          actions: ACTIONS.map((action) => {
            const rule = TRANSITIONS[action];
            return {
              action,
              from: rule.from,
              to: rule.to,
              roles: rule.roles.map((role) => ROLE_LABELS[role]),
              requiresComment: rule.requiresComment,
              requiresCorrection: rule.requiresCorrection,
              fourEyes: rule.fourEyesAgainst !== null,
              blockedByLegalHold: rule.blockedByLegalHold,
            };
          }),
        },
      };
    },

    async findOne(ctx: ControllerContext) {
      ctx.body = { data: await workflow().describe(param(ctx, 'uid'), param(ctx, 'documentId'), requireActor(ctx)) };
    },

    async transition(ctx: ControllerContext) {
      const actor = requireActor(ctx);
      const body = await validateTransitionBody(ctx.request.body);
      const result = await workflow().transition(param(ctx, 'uid'), param(ctx, 'documentId'), body, actor);
      ctx.body = { data: { ...result.status, transition: result.history } };
    },

    async history(ctx: ControllerContext) {
      const uid = param(ctx, 'uid');
      const documentId = param(ctx, 'documentId');
      ctx.body = { data: await getService<HistoryService>(strapi, 'history').list(uid, documentId) };
    },

    async versions(ctx: ControllerContext) {
      ctx.body = { data: await versions().list(param(ctx, 'uid'), param(ctx, 'documentId')) };
    },

    async compare(ctx: ControllerContext) {
      const { from, to } = await validateCompareQuery(ctx.query);
      ctx.body = { data: await versions().compare(param(ctx, 'uid'), param(ctx, 'documentId'), from, to) };
    },

    /** The draft against the live version: what the approve and publish-correction dialogs show. */
    async diff(ctx: ControllerContext) {
      ctx.body = { data: await versions().diffLive(param(ctx, 'uid'), param(ctx, 'documentId')) };
    },

    async assign(ctx: ControllerContext) {
      const actor = requireActor(ctx);
      const body = await validateAssignmentBody(ctx.request.body);
      ctx.body = { data: await workflow().assign(param(ctx, 'uid'), param(ctx, 'documentId'), body, actor) };
    },

    /** The caller's queue: what is assigned to her and she may read (a role without read on a type sees none of it). */
    async assignedToMe(ctx: ControllerContext) {
      const actor = requireActor(ctx);
      const uid = typeof ctx.query.uid === 'string' && ctx.query.uid ? ctx.query.uid : undefined;
      const items = actor.kind === 'admin' && actor.id ? await workflow().assignedTo(actor.id, uid) : [];
      const hidden = new Set<string>();
      for (const type of new Set(items.map((item) => item.uid))) {
        const ids = items.filter((item) => item.uid === type).map((item) => item.documentId);
        for (const id of await unreadableAmong(strapi, abilityOf(ctx), type, ids)) hidden.add(`${type}|${id}`);
      }
      ctx.body = { data: items.filter((item) => !hidden.has(`${item.uid}|${item.documentId}`)) };
    },

    /** States of the list's rows: documents the caller may not read are left out (no state, assignee or due date of them). */
    async states(ctx: ControllerContext) {
      const { uid, documentIds } = await validateStatesQuery(ctx.query);
      const ids = documentIds.split(',').map((id) => id.trim()).filter(Boolean).slice(0, 200);
      const hidden = await unreadableAmong(strapi, abilityOf(ctx), uid, ids);
      ctx.body = { data: await workflow().statesOf(uid, ids.filter((id) => !hidden.has(id))) };
    },

    /** One page of the documents in a state, among those the caller may read (the list's workflow-state filter). */
    async documentsInState(ctx: ControllerContext) {
      const uid = param(ctx, 'uid');
      const { state, page, pageSize } = await validateDocumentsInStateQuery(ctx.query);
      const filter = readFilter(strapi, abilityOf(ctx), uid);
      if (!filter) throw forbidden(`You cannot read ${uid} in the content manager.`);
      const found = await getService<StateListsService>(strapi, 'stateLists').inState(uid, state, filter, page, pageSize);
      ctx.body = { data: found.results, meta: { pagination: found.pagination } };
    },
  };
};
