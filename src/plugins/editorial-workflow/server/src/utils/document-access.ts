import type { Core } from '@strapi/strapi';
import { query } from './db';

type PermissionChecker = {
  can: { read(entity?: unknown): boolean };
  requiresEntity: { read(): boolean };
};

/**
 * Whether an admin user may read one document in the content manager — with the
 * conditions of their role (an Author: her stories only), exactly as the
 * content manager decides it. A document that does not exist is left to the
 * route (404).
 */
export const canReadDocument = async (strapi: Core.Strapi, userAbility: unknown, uid: string, documentId: string): Promise<boolean> => {
  const checker = (
    strapi.plugin('content-manager').service('permission-checker') as { create(options: { userAbility: unknown; model: string }): PermissionChecker }
  ).create({ userAbility, model: uid });
  if (!checker.requiresEntity.read()) return checker.can.read();
  const versions = await query(strapi, uid).findMany({ where: { documentId }, populate: { createdBy: { select: ['id'] } } });
  return versions.length === 0 || versions.some((version) => checker.can.read(version));
};
