import type { Core } from '@strapi/strapi';
import { deliver } from '../../../delivery/http';
import { SANCTION_EXPORT_FORMATS, renderSanctionExport } from '../../../delivery/sanctions';

/** GET /api/sanction-records/export — every published sanction record as FollowTheMoney JSON lines. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    await deliver(strapi, ctx, {
      cacheKey: 'sanction-export',
      supported: SANCTION_EXPORT_FORMATS,
      fallback: 'ftm',
      notFoundMessage: 'No sanction export',
      render: async () => renderSanctionExport(strapi, ctx.state?.auth),
    });
  },
});
