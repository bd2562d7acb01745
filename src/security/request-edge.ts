import { errors } from '@strapi/utils';

/**
 * Checks that run on every request before anything else reads it (the
 * response cache included), so no unknown value reaches a cache key and no
 * malformed input reaches code that would throw a 500.
 */
type EdgeCtx = {
  path: string;
  get: (name: string) => string;
  headers: Record<string, string | string[] | undefined>;
  request: { headers: Record<string, string | string[] | undefined> };
};

/** Values of `Strapi-Response-Format` that Strapi understands (absent = the v5 format). */
export const RESPONSE_FORMATS = new Set(['', 'v4']);

/** A path whose percent-encoding cannot be decoded (`/api/articles/slug/%`, `%E0%A4%A`) is a bad request. */
export const assertDecodablePath = (path: string): void => {
  try {
    decodeURIComponent(path);
  } catch {
    throw new errors.ValidationError('Malformed percent-encoding in the request path.', { path });
  }
};

/** Unknown values would each make a new response-cache entry (and evict real pages). */
export const assertKnownResponseFormat = (value: string): void => {
  if (!RESPONSE_FORMATS.has(value)) {
    throw new errors.ValidationError('Unknown Strapi-Response-Format: use "v4" or leave the header out.', {
      header: 'Strapi-Response-Format',
      allowed: ['v4'],
    });
  }
};

/**
 * Only `Authorization: Bearer …` is a credential here. Anything else (Basic
 * from a staging proxy, junk) is dropped so every layer — auth, the response
 * cache, Cache-Control — treats the request as the Public, consistently.
 */
export const dropNonBearerAuthorization = (ctx: EdgeCtx): void => {
  const value = ctx.get('authorization');
  if (value && !/^Bearer\s+\S/i.test(value)) delete ctx.request.headers.authorization;
};

export const requestEdge = () => async (ctx: EdgeCtx, next: () => Promise<unknown>) => {
  assertDecodablePath(ctx.path);
  assertKnownResponseFormat(ctx.get('strapi-response-format'));
  dropNonBearerAuthorization(ctx);
  return next();
};
