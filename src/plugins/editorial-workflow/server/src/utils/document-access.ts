import type { Core } from '@strapi/strapi';
import { CONTENT_MANAGER_ACTIONS } from '../constants';
import { forbidden } from './errors';
import { query } from './db';

type PermissionChecker = {
  can: { read(entity?: unknown): boolean };
  requiresEntity: { read(): boolean };
};
type PermissionsManager = { getQuery(action: string): Record<string, unknown> | null | undefined };
type PermissionService = { createPermissionsManager(options: { ability: unknown; model: string }): PermissionsManager };

/**
 * What an admin user may read of a type in the content manager, as a query filter
 * (`where` of the query engine): `null` nothing, `{}` everything, else the row-level
 * conditions of their role (an Author: her stories) — the filter the content
 * manager's own list applies (permissionChecker.sanitizedQuery.read).
 */
export const readFilter = (strapi: Core.Strapi, userAbility: unknown, uid: string): Record<string, unknown> | null => {
  const checker = (
    strapi.plugin('content-manager').service('permission-checker') as { create(options: { userAbility: unknown; model: string }): PermissionChecker }
  ).create({ userAbility, model: uid });
  if (!checker.can.read()) return null;
  if (!checker.requiresEntity.read()) return {};
  const manager = (strapi.service('admin::permission') as unknown as PermissionService).createPermissionsManager({ ability: userAbility, model: uid });
  return manager.getQuery(CONTENT_MANAGER_ACTIONS.read) ?? null;
};

/**
 * Whether an admin user may read one document in the content manager — with the
 * conditions of their role (an Author: her stories only), exactly as the
 * content manager decides it. A document that does not exist is left to the
 * route (404).
 */
export const canReadDocument = async (strapi: Core.Strapi, userAbility: unknown, uid: string, documentId: string): Promise<boolean> =>
  (await unreadableAmong(strapi, userAbility, uid, [documentId])).size === 0;

/**
 * The documentIds among `documentIds` that exist but that the user may not read
 * (two queries: which exist, which of those the user's filter lets through; none
 * for a role without row-level conditions). Ids of no document are not in it:
 * the routes answer those 404 as before.
 */
export const unreadableAmong = async (strapi: Core.Strapi, userAbility: unknown, uid: string, documentIds: readonly string[]): Promise<Set<string>> => {
  const filter = readFilter(strapi, userAbility, uid);
  if (filter && !Object.keys(filter).length) return new Set();
  const ids = [...new Set(documentIds)];
  if (!ids.length) return new Set();
  const existing = await query(strapi, uid).findMany({ where: { documentId: { $in: ids } }, select: ['documentId'] });
  const readable = filter
    ? new Set((await query(strapi, uid).findMany({ where: { $and: [filter, { documentId: { $in: ids } }] }, select: ['documentId'] })).map((row) => row.documentId))
    : new Set<string>();
  return new Set(existing.map((row) => row.documentId).filter((id) => !readable.has(id)));
};

/** The refusal for a document the user may not read: no state, assignee or allowed action in it. */
export const unreadableError = (uid: string, documentId: string): Error =>
  forbidden(`You cannot read ${uid} "${documentId}": it is neither yours nor assigned to you.`, { code: 'not_readable' });
