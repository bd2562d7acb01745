import type { Core } from '@strapi/strapi';
import { NEWSROOM_UIDS, PUBLIC_READ_ACTIONS } from '../domain/constants';

/** Extra read actions the Public role gets beyond the core find/findOne. */
const EXTRA_PUBLIC_ACTIONS = ['api::article.article.findBySlug'];

/**
 * The Public role reads published content and nothing else. Idempotent: only
 * missing permissions are created, so it is safe on every boot; an operator's
 * extra grants are left alone.
 */
export const ensurePublicPermissions = async (strapi: Core.Strapi): Promise<void> => {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) return;

  const wanted = [
    ...NEWSROOM_UIDS.flatMap((uid) => PUBLIC_READ_ACTIONS.map((action) => `${uid}.${action}`)),
    ...EXTRA_PUBLIC_ACTIONS,
  ];
  const existing = await strapi.db
    .query('plugin::users-permissions.permission')
    .findMany({ where: { role: role.id, action: { $in: wanted } }, select: ['action'] });
  const have = new Set(existing.map((permission: { action: string }) => permission.action));

  for (const action of wanted.filter((name) => !have.has(name))) {
    await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
  }
};
