import { NEWSROOM_UIDS } from '../domain/constants';
import type { DocumentMiddlewareFactory } from './types';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

// Strategies whose callers may read drafts over the Content API (preview tokens).
// Strapi 5.54 names the Content API token strategy `content-api-token`; earlier 5.x named it `api-token`.
export const DRAFT_READERS = new Set(['content-api-token', 'api-token']);

/**
 * Strapi 5's Content API honours `?status=draft` (and GraphQL `status: DRAFT`)
 * for anyone with `find` permission. Readers that are not API tokens — the
 * Public role and end users — must only ever see published content, so every
 * read they cause is pinned to `published` here, below REST, GraphQL and
 * relation population alike.
 */
export const publicRead: DocumentMiddlewareFactory = (strapi) => async (ctx, next) => {
  if (!READ_ACTIONS.has(ctx.action) || !(NEWSROOM_UIDS as readonly string[]).includes(ctx.uid)) return next();

  const request = strapi.requestContext.get() as
    | { state?: { route?: { info?: { type?: string } }; auth?: { strategy?: { name?: string } } }; path?: string }
    | undefined;
  if (!request) return next();

  const routeType = request.state?.route?.info?.type;
  const isContentApi = routeType === 'content-api' || request.path?.startsWith('/graphql') === true;
  if (!isContentApi) return next();

  const strategy = request.state?.auth?.strategy?.name;
  if (strategy && DRAFT_READERS.has(strategy)) return next();

  ctx.params = { ...ctx.params, status: 'published' };
  return next();
};
