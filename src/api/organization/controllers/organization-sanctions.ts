import type { Core } from '@strapi/strapi';
import { deliver } from '../../../delivery/http';
import { ORGANIZATION_SANCTIONS_FORMATS, parsePage, renderOrganizationSanctions } from '../../../delivery/sanctions';

/**
 * GET /api/organizations/:id/sanctions?page=&pageSize= — the published sanction
 * records of one organization, paginated (a relation too long to populate).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    const documentId = String(ctx.params.id);
    const maxPageSize = Number(strapi.config.get('api.rest.maxLimit', 100)) || 100;
    const request = parsePage(ctx.query ?? {}, maxPageSize);
    if (typeof request === 'string') {
      ctx.set('Cache-Control', 'no-store');
      ctx.status = 400;
      ctx.body = { data: null, error: { status: 400, name: 'ValidationError', message: request, details: {} } };
      return;
    }
    await deliver(strapi, ctx, {
      cacheKey: `organization-sanctions:${documentId}:${request.page}:${request.pageSize}`,
      supported: ORGANIZATION_SANCTIONS_FORMATS,
      fallback: 'json',
      notFoundMessage: `No published organization "${documentId}"`,
      render: (format) => renderOrganizationSanctions(strapi, documentId, request, format, ctx.state?.auth),
    });
  },
});
