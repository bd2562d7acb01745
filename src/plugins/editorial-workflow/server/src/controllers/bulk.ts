import type { Core } from '@strapi/strapi';
import type { BulkService } from '../services/bulk';
import { getService } from '../utils/db';
import { unreadableAmong } from '../utils/document-access';
import { validateBulkBody } from '../validation/bulk';
import { abilityOf, param, requireActor, type ControllerContext } from './request';

/** POST /editorial-workflow/bulk/:uid/transitions: bulk submit / approve / publish from the list view. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async transition(ctx: ControllerContext) {
    const actor = requireActor(ctx);
    const body = await validateBulkBody(ctx.request.body);
    const uid = param(ctx, 'uid');
    const unreadable = await unreadableAmong(strapi, abilityOf(ctx), uid, body.documentIds);
    ctx.body = { data: await getService<BulkService>(strapi, 'bulk').run(uid, body, actor, unreadable) };
  },
});
