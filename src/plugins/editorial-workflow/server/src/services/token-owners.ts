import type { Core } from '@strapi/strapi';
import { TOKEN_OWNER_UID } from '../constants';
import { query } from '../utils/db';

type LifecycleEvent = { result?: { id?: number; kind?: string } | null };
type RequestState = { state?: { user?: { id?: number }; auth?: { strategy?: { name?: string } } } };

export type TokenOwnersService = {
  /** Record, for every content-API token an admin user creates, who created it. */
  register(): void;
  /** The admin user id that created the token, or null (created by a script, or before this was recorded). */
  ownerOf(tokenId: number): Promise<number | null>;
};

/**
 * Content-API tokens carry no creator in Strapi, so the plugin records one when
 * a token is created from the admin panel (POST /admin/api-tokens): a database
 * lifecycle on admin::api-token reads the admin user of the request being served.
 */
export default ({ strapi }: { strapi: Core.Strapi }): TokenOwnersService => ({
  register() {
    strapi.db.lifecycles.subscribe({
      models: ['admin::api-token'],
      afterCreate: async (event: LifecycleEvent) => {
        const tokenId = event.result?.id;
        if (!tokenId || event.result?.kind === 'admin') return;
        const request = strapi.requestContext.get() as RequestState | undefined;
        const adminUserId = request?.state?.auth?.strategy?.name === 'admin' ? request.state.user?.id : undefined;
        if (!adminUserId) return;
        await query(strapi, TOKEN_OWNER_UID).create({ data: { tokenId, adminUserId } });
      },
      afterDelete: async (event: LifecycleEvent) => {
        const tokenId = event.result?.id;
        if (tokenId) await strapi.db.query(TOKEN_OWNER_UID as never).deleteMany({ where: { tokenId } });
      },
    } as unknown as Parameters<typeof strapi.db.lifecycles.subscribe>[0]);
  },

  async ownerOf(tokenId) {
    const row = await query(strapi, TOKEN_OWNER_UID).findOne({ where: { tokenId }, select: ['adminUserId'] });
    const id = row?.adminUserId;
    return typeof id === 'number' && id > 0 ? id : null;
  },
});
