import type { Core } from '@strapi/strapi';
import type { GetAssigneesResponse } from '../../../shared/contracts/assignees';
import type { AssigneesService } from '../services/assignees';
import { effectiveRoles } from '../state-machine';
import { getService } from '../utils/db';
import { forbidden } from '../utils/errors';
import { requireActor, type ControllerContext } from './request';

/** GET /editorial-workflow/assignees: the assignment picker's list (Editors and Super Admins only, as assigning is). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: ControllerContext) {
    const actor = requireActor(ctx);
    if (!effectiveRoles(actor.roles).has('editor')) {
      throw forbidden('Listing assignees needs the Editor role (only Editors assign stories).', { code: 'forbidden_role' });
    }
    const body: GetAssigneesResponse = { data: await getService<AssigneesService>(strapi, 'assignees').list() };
    ctx.body = body;
  },
});
