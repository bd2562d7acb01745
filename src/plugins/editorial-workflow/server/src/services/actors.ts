import type { Core } from '@strapi/strapi';
import { ADMIN_ROLE_NAMES, SUPER_ADMIN_CODE, TOKEN_AUTHOR_ACTION, TOKEN_EDITOR_ACTION, type Role } from '../constants';
import type { WorkflowActor } from '../state-machine';
import { getService } from '../utils/db';
import type { TokenOwnersService } from './token-owners';

/** Who is acting: an admin user, an API token, or the system (scheduler). */
export type Actor = WorkflowActor & {
  kind: 'admin' | 'api-token' | 'system';
  /** Admin user id or API token id; null for the system. */
  id: number | null;
};

type AdminUser = {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  email?: string | null;
  roles?: { code?: string; name?: string }[];
};

type ApiToken = { id: number; name?: string; type?: string; permissions?: unknown[] };

export type RequestLike = {
  state?: {
    user?: unknown;
    auth?: { strategy?: { name?: string }; credentials?: unknown };
  };
};

export const adminDisplayName = (user: AdminUser): string =>
  [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || user.email || `admin #${user.id}`;

/** Workflow roles of an admin user, from their Strapi admin roles (Super Admin by code, the others by name). */
export const rolesOfAdmin = (user: AdminUser): Role[] => {
  const roles = new Set<Role>();
  for (const role of user.roles ?? []) {
    if (role.code === SUPER_ADMIN_CODE) roles.add('super_admin');
    if (role.name === ADMIN_ROLE_NAMES.editor) roles.add('editor');
    if (role.name === ADMIN_ROLE_NAMES.author) roles.add('author');
    if (role.name === ADMIN_ROLE_NAMES.legal) roles.add('legal');
  }
  return [...roles];
};

export const adminActor = (user: AdminUser): Actor => ({
  kind: 'admin',
  id: user.id,
  key: `admin:${user.id}`,
  name: adminDisplayName(user),
  roles: rolesOfAdmin(user),
});

const permissionActions = (token: ApiToken): string[] =>
  (token.permissions ?? []).map((permission) =>
    typeof permission === 'string' ? permission : String((permission as { action?: unknown })?.action ?? ''),
  );

/**
 * API tokens never hold Legal or Super Admin rights (holds and withdrawals are
 * human decisions). A full-access token, or a custom token granted the
 * `integration.actAsEditor` permission, acts as an Editor; a custom token with
 * only `integration.transition` acts as an Author of documents no admin user
 * created. Four-eyes is keyed on the token: one token cannot approve what it submitted.
 */
export const rolesOfToken = (token: ApiToken): Role[] => {
  if (token.type === 'full-access') return ['editor'];
  if (token.type !== 'custom') return [];
  const actions = permissionActions(token);
  if (actions.includes(TOKEN_EDITOR_ACTION)) return ['editor'];
  if (actions.includes(TOKEN_AUTHOR_ACTION)) return ['author'];
  return [];
};

export const tokenActor = (token: ApiToken): Actor => ({
  kind: 'api-token',
  id: token.id,
  key: `api-token:${token.id}`,
  name: `API token "${token.name ?? token.id}"`,
  roles: rolesOfToken(token),
  ownsUnattributed: true,
  viaToken: true,
});

export const systemActor = (name: string, roles: Role[] = [], key = 'system'): Actor => ({ kind: 'system', id: null, key, name, roles });

/** The actor of a Koa request: admin user (admin routes) or API token (content API); null otherwise. */
export const actorFromRequest = (ctx: RequestLike | undefined | null): Actor | null => {
  const strategy = ctx?.state?.auth?.strategy?.name;
  if (strategy === 'admin' && ctx?.state?.user) return adminActor(ctx.state.user as AdminUser);
  if (strategy === 'content-api-token' && ctx?.state?.auth?.credentials) return tokenActor(ctx.state.auth.credentials as ApiToken);
  return null;
};

export type ActorsService = {
  fromRequest(ctx: RequestLike): Actor | null;
  /** The actor of the request being served right now (document middlewares), if any. */
  current(): Actor | null;
  /**
   * The person behind the actor, for four-eyes and ownership: an API token an
   * admin user created counts as that user (`admin:<id>`), so one person holding
   * two tokens, or a token and an admin login, is one person. Rights stay the token's.
   */
  resolve(actor: Actor): Promise<Actor>;
};

export default ({ strapi }: { strapi: Core.Strapi }): ActorsService => ({
  fromRequest: (ctx) => actorFromRequest(ctx),
  current: () => actorFromRequest(strapi.requestContext.get() as RequestLike | undefined),
  async resolve(actor) {
    if (actor.kind !== 'api-token' || !actor.id) return actor;
    const ownerId = await getService<TokenOwnersService>(strapi, 'tokenOwners').ownerOf(actor.id);
    if (!ownerId) return actor;
    const owner = (await strapi.db.query('admin::user').findOne({ where: { id: ownerId }, select: ['id', 'firstname', 'lastname', 'username', 'email'] })) as AdminUser | null;
    return { ...actor, key: `admin:${ownerId}`, name: `${actor.name} of ${owner ? adminDisplayName(owner) : `admin #${ownerId}`}` };
  },
});
