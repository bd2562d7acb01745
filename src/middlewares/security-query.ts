import type { Core } from '@strapi/strapi';
import { restQueryLimits } from '../security/rest-query-limits';
import type { SecuritySettings } from '../security/settings';

/** REST populate and filter caps, on the query as strapi::query parsed it (config/middlewares.ts). */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const settings = strapi.config.get('server.security') as SecuritySettings;
  const prefix = String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/$/, '');
  return restQueryLimits(settings.restQuery, prefix);
};
