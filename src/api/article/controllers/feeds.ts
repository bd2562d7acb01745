import type { Core } from '@strapi/strapi';
import { feedHandlers } from '../../../delivery/feed-handlers';

/** Feeds and sitemaps of the published articles (src/delivery/feed-handlers.ts). */
export default ({ strapi }: { strapi: Core.Strapi }) => feedHandlers(strapi);
