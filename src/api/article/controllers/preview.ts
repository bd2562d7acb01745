import type { Core } from '@strapi/strapi';
import { previewHandlers } from '../../../delivery/preview-handlers';

/** Draft preview behind a signed, expiring token (src/delivery/preview-handlers.ts). */
export default ({ strapi }: { strapi: Core.Strapi }) => previewHandlers(strapi);
