import type { Core } from '@strapi/strapi';
import type { HistoryService } from '../services/history';
import type { WorkflowService } from '../services/workflow';
import { getService } from '../utils/db';
import { validateTransitionBody } from '../validation/transitions';
import { param, requireActor, type ControllerContext } from './request';

/**
 * Content-API routes (/api/editorial-workflow/...) for integrations, guarded by
 * API tokens. Each handler is a permission an API token can be granted:
 * `findOne` (read-only tokens have it), `transition` (acts as an Author),
 * `actAsEditor` (acts as an Editor). Full-access tokens act as Editors.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async findOne(ctx: ControllerContext) {
    const uid = param(ctx, 'uid');
    const documentId = param(ctx, 'documentId');
    const status = await getService<WorkflowService>(strapi, 'workflow').describe(uid, documentId, requireActor(ctx));
    const history = await getService<HistoryService>(strapi, 'history').list(uid, documentId);
    ctx.body = { data: { ...status, history } };
  },

  async transition(ctx: ControllerContext) {
    const actor = requireActor(ctx);
    const body = await validateTransitionBody(ctx.request.body);
    const result = await getService<WorkflowService>(strapi, 'workflow').transition(param(ctx, 'uid'), param(ctx, 'documentId'), body, actor);
    ctx.body = { data: { ...result.status, transition: result.history } };
  },

  /** GET /api/editorial-workflow/whoami — which workflow roles this token holds. */
  async actAsEditor(ctx: ControllerContext) {
    const actor = requireActor(ctx);
    ctx.body = { data: { key: actor.key, name: actor.name, roles: actor.roles } };
  },
});
