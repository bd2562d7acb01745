import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * Least privilege for API tokens on internal data. Strapi's read-only token
 * type grants every `find`/`findOne` of the Content API — end users
 * (/api/users, with their e-mails), roles, and the editorial workflow's
 * documents route (legal-hold reasons, editor names, history). Here only a
 * full-access token reaches users and roles, and the workflow route also a
 * custom token granted one of the workflow's integration actions; every other
 * token gets 403. (End users and the Public are handled by their roles.)
 */
const INTERNAL_PREFIXES = (prefix: string) => [`${prefix}/users`, `${prefix}/users-permissions`, `${prefix}/editorial-workflow`];
const WORKFLOW_ACTIONS = ['plugin::editorial-workflow.integration.actAsEditor', 'plugin::editorial-workflow.integration.transition'];

type ApiToken = { type?: string; kind?: string | null; permissions?: (string | { action?: string })[] };
type TokenService = { hash: (key: string) => string; getByAccessKey: (hash: string) => Promise<ApiToken | null> };

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

export const tokenMayReach = (token: ApiToken, path: string, prefix: string): boolean => {
  if (token.type === 'full-access') return true;
  if (token.type !== 'custom' || !isUnder(path, `${prefix}/editorial-workflow`)) return false;
  const actions = (token.permissions ?? []).map((permission) => (typeof permission === 'string' ? permission : String(permission.action ?? '')));
  return actions.some((action) => WORKFLOW_ACTIONS.includes(action));
};

export const tokenScope = (strapi: Core.Strapi, prefix: string) => {
  const prefixes = INTERNAL_PREFIXES(prefix);
  return async (ctx: { path: string; get: (name: string) => string }, next: () => Promise<unknown>) => {
    if (!prefixes.some((internal) => isUnder(ctx.path, internal))) return next();
    const match = /^Bearer\s+(\S+)/i.exec(ctx.get('authorization'));
    if (!match) return next();
    const service = strapi.service('admin::api-token-content-api') as unknown as TokenService;
    const token = await service.getByAccessKey(service.hash(match[1]));
    // Not an API token (an end user's JWT): users-permissions decides.
    if (!token || (token.kind !== 'content-api' && token.kind !== null && token.kind !== undefined)) return next();
    if (!tokenMayReach(token, ctx.path, prefix)) {
      throw new errors.ForbiddenError('This API token may not read users, roles or the editorial workflow’s internal data.');
    }
    return next();
  };
};
