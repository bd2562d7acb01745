import type { Core } from '@strapi/strapi';
import { apiBaseUrl } from '../../../delivery/config';
import { deliverResource } from '../../../delivery/http';
import { openApiDocument } from '../../../delivery/openapi';

/** GET /api/openapi.json — the OpenAPI 3.1 description of the public routes (src/delivery/openapi.ts). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async document(ctx: Parameters<typeof deliverResource>[1]) {
    await deliverResource(strapi, ctx, {
      cacheKey: 'openapi',
      contentType: 'application/json; charset=utf-8',
      render: async () => ({ body: JSON.stringify(openApiDocument(apiBaseUrl(strapi))), keys: ['openapi'] }),
    });
  },
});
