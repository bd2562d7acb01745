import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { forbidden } from '../utils/errors';
import { CONTENT_MANAGER_ACTIONS, MESSAGES } from '../constants';
import { getService } from '../utils/db';
import type { SettingsService } from '../services/settings';

type Ability = { can: (action: string, subject?: string) => boolean };
type KoaLike = {
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  state: { userAbility?: Ability; auth?: { strategy?: { name?: string } } };
};

/**
 * Route middleware for every route naming a content type (`:uid` or `?uid=`):
 * the type must be under the workflow (404), and an admin user must be allowed
 * to read it in the content manager (403). API tokens are checked by Strapi's
 * content-API auth (the route's own permission) before this runs.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: KoaLike, next: () => Promise<unknown>) => {
    const uid = ctx.params.uid ?? (typeof ctx.query.uid === 'string' ? ctx.query.uid : undefined);
    if (!uid) return next();
    const settings = getService<SettingsService>(strapi, 'settings');
    if (!settings.isUnderWorkflow(uid)) throw new errors.NotFoundError(MESSAGES.notUnderWorkflow(uid));
    if (ctx.state.auth?.strategy?.name === 'admin') {
      if (!ctx.state.userAbility?.can(CONTENT_MANAGER_ACTIONS.read, uid)) {
        throw forbidden(`You cannot read ${uid} in the content manager.`);
      }
    }
    return next();
  };
