import type { Core } from '@strapi/strapi';
import { STATE_UID } from '../constants';
import { query } from '../utils/db';
import type { SettingsService } from './settings';

/** A relation through which a workflow document owns documents of another type (article → quotes). */
type OwnerLink = { ownerUid: string; attribute: string };

export type OwnershipService = {
  /**
   * documentIds of `uid` that are a user's stories besides those they created:
   * documents assigned to them, and documents owned (cascade `owned`, e.g. the
   * quotes of an article) by a document they created or that is assigned to them.
   */
  sharedWith(userId: number, uid: string): Promise<string[]>;
};

export default ({ strapi }: { strapi: Core.Strapi }): OwnershipService => {
  const settings = () => strapi.plugin('editorial-workflow').service('settings') as SettingsService;

  const assignedTo = async (userId: number, uid: string): Promise<string[]> =>
    (await query(strapi, STATE_UID).findMany({ where: { targetUid: uid, assigneeId: userId }, select: ['targetDocumentId'] })).map((row) =>
      String(row.targetDocumentId),
    );

  /** The workflow types whose `owned` cascade step (a plain relation) points at `uid`. */
  const ownersOf = (uid: string): OwnerLink[] => {
    const { contentTypes, cascade } = settings().get();
    return Object.entries(cascade)
      .filter(([ownerUid]) => ownerUid !== uid && contentTypes[ownerUid] !== undefined)
      .flatMap(([ownerUid, steps]) =>
        steps.filter((step) => step.owned && step.component === null && step.target === uid).map((step) => ({ ownerUid, attribute: step.attribute })),
      );
  };

  return {
    async sharedWith(userId, uid) {
      const ids = new Set(await assignedTo(userId, uid));
      for (const { ownerUid, attribute } of ownersOf(uid)) {
        const ownerIds = await assignedTo(userId, ownerUid);
        const owners = await query(strapi, ownerUid).findMany({
          where: { $or: [{ createdBy: { id: userId } }, { documentId: { $in: ownerIds } }] },
          select: ['id'],
          populate: { [attribute]: { select: ['documentId'] } },
        });
        for (const owner of owners) {
          const owned = owner[attribute];
          for (const child of Array.isArray(owned) ? owned : owned ? [owned] : []) ids.add(String((child as { documentId: string }).documentId));
        }
      }
      return [...ids];
    },
  };
};
