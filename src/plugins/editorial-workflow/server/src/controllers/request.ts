import { errors } from '@strapi/utils';
import { forbidden } from '../utils/errors';
import { actorFromRequest, type Actor, type RequestLike } from '../services/actors';

/** The slice of Koa's context the controllers use. */
export type ControllerContext = RequestLike & {
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  body: unknown;
  status: number;
  state: RequestLike['state'] & { user?: { id?: number }; userAbility?: unknown };
};

export const requireActor = (ctx: ControllerContext): Actor => {
  const actor = actorFromRequest(ctx);
  if (!actor) throw forbidden('Only admin users and API tokens take part in the editorial workflow.');
  return actor;
};

export const param = (ctx: ControllerContext, name: string): string => {
  const value = ctx.params[name];
  if (!value) throw new errors.ValidationError(`Missing path parameter "${name}".`);
  return value;
};

/** The admin user's permissions (CASL ability), which the content manager's read checks take. */
export const abilityOf = (ctx: ControllerContext): unknown => ctx.state.userAbility;
