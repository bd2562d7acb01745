import { NEWSROOM_UIDS } from '../domain/constants';
import { errors } from '@strapi/utils';
import { timedOut } from '../security/request-deadline';
import { andFilters, mayReadDrafts, readerOf, restrictPopulate, visibilityFilters, type RequestState } from '../security/read-policy';
import type { DocumentMiddlewareFactory } from './types';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

type Request = { state?: RequestState & { route?: { info?: { type?: string } } }; path?: string };

/**
 * The read policy (src/security/read-policy.ts) applied below REST, GraphQL
 * root queries, custom routes, exports and feeds alike: a Content API reader
 * that may not read drafts gets published versions only (Strapi 5 honours
 * `?status=draft` for anyone with `find`), no embargoed or held article, and
 * no quote of one — also inside any REST `populate`, from either side.
 */
export const publicRead: DocumentMiddlewareFactory = (strapi) => async (ctx, next) => {
  if (!READ_ACTIONS.has(ctx.action) || !(NEWSROOM_UIDS as readonly string[]).includes(ctx.uid)) return next();

  const request = strapi.requestContext.get() as Request | undefined;
  if (!request) return next();
  // Answered by the time limit already: start no further query for it.
  if (timedOut(request.state as Record<string, unknown> | undefined)) throw new errors.ApplicationError('The request ran past its time limit.');

  const routeType = request.state?.route?.info?.type;
  const isContentApi = routeType === 'content-api' || request.path?.startsWith('/graphql') === true;
  if (!isContentApi || mayReadDrafts(readerOf(request.state))) return next();

  const filters = await visibilityFilters(strapi);
  const params: Record<string, unknown> = { ...ctx.params, status: 'published' };
  const own = filters[ctx.uid];
  if (own) params.filters = andFilters(params.filters, own);
  if (params.populate !== undefined) params.populate = restrictPopulate(strapi, ctx.uid, params.populate, filters);
  ctx.params = params;
  return next();
};
