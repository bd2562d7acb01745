import type { Core } from '@strapi/strapi';
import type { TestApp } from './strapi';

/**
 * Admin users with Strapi admin roles, logged in through the real
 * POST /admin/login (so requests carry a genuine admin JWT), and API tokens.
 */
export type AdminUser = { id: number; email: string; password: string; token: string; name: string };

type Role = { id: number; name: string; code: string };

let counter = 0;

/** Strapi admin role by name ("Editor", "Author", "Legal") or Super Admin by its code. */
export const findRole = async (strapi: Core.Strapi, nameOrCode: string): Promise<Role> => {
  const role = (await strapi.db
    .query('admin::role')
    .findOne({ where: { $or: [{ name: nameOrCode }, { code: nameOrCode }] } })) as Role | null;
  if (!role) throw new Error(`No admin role "${nameOrCode}"`);
  return role;
};

export const login = async (app: TestApp, email: string, password: string): Promise<string> => {
  const res = await app.http().post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token as string;
};

/** Create an active admin user holding the given roles (names, or `strapi-super-admin`) and log them in. */
export const createAdmin = async (app: TestApp, roles: string[], firstname = 'User'): Promise<AdminUser> => {
  counter += 1;
  const email = `${firstname.toLowerCase().replace(/\W+/g, '')}-${process.pid}-${counter}@newsroom.test`;
  const password = `Passw0rd-${counter}-Aa!`;
  const roleIds = await Promise.all(roles.map(async (role) => (await findRole(app.strapi, role)).id));
  const user = (await app.strapi.service('admin::user').create({
    email,
    firstname,
    lastname: `#${counter}`,
    password,
    isActive: true,
    registrationToken: null,
    roles: roleIds,
  })) as { id: number };
  return { id: user.id, email, password, token: await login(app, email, password), name: `${firstname} #${counter}` };
};

export type ApiTokenType = 'full-access' | 'read-only' | 'custom';

/** A content-API token; `permissions` only for custom tokens (route actions, e.g. `api::article.article.find`). */
export const createApiToken = async (strapi: Core.Strapi, type: ApiTokenType, permissions: string[] = []): Promise<{ id: number; accessKey: string }> => {
  counter += 1;
  const token = (await strapi.service('admin::api-token-content-api').create({
    name: `test-token-${process.pid}-${counter}`,
    description: 'test',
    type,
    kind: 'content-api',
    lifespan: null,
    ...(type === 'custom' ? { permissions } : {}),
  })) as { id: number; accessKey: string };
  return { id: token.id, accessKey: token.accessKey };
};

/** `Authorization: Bearer …` header for an admin user or a token. */
export const bearer = (who: { token: string } | { accessKey: string }): Record<string, string> => ({
  Authorization: `Bearer ${'token' in who ? who.token : who.accessKey}`,
});
