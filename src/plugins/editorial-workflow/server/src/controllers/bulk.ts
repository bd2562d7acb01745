import type { Core } from '@strapi/strapi';
import type { BulkService } from '../services/bulk';
import { getService } from '../utils/db';
import { validateBulkBody } from '../validation/bulk';
import { param, requireActor, type ControllerContext } from './request';

/** POST /editorial-workflow/bulk/:uid/transitions: bulk submit / approve / publish from the list view. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async transition(ctx: ControllerContext) {
    const actor = requireActor(ctx);
    const body = await validateBulkBody(ctx.request.body);
    ctx.body = { data: await getService<BulkService>(strapi, 'bulk').run(param(ctx, 'uid'), body, actor) };
  },
});
