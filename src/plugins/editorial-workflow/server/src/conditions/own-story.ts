import type { Core } from '@strapi/strapi';
import type { OwnershipService } from '../services/ownership';

/** Id Strapi gives the condition below (`plugin::<plugin>.<name>`): what role permissions store. */
export const OWN_STORY_CONDITION = 'plugin::editorial-workflow.is-own-story';

/** What the permission engine passes to a condition handler: the admin user, with the permission being evaluated. */
type HandlerInput = { id: number; permission?: { subject?: string | null } };

/**
 * "Is creator or assignee": an admin permission condition (Strapi's condition
 * provider) for the stories of a reporter. The handler returns a query filter,
 * which the content manager applies to lists, counts, relation pickers and the
 * edit view alike: documents the user created, documents assigned to them in the
 * workflow, and documents owned by either (the quotes of their article).
 */
export const ownStoryCondition = (strapi: Core.Strapi) => {
  // The engine evaluates a condition once per permission while it builds one
  // request's ability, always with the same user object: remember the lookups per
  // (user object, type), so a request costs one round of queries per type.
  const seen = new WeakMap<object, Map<string, Promise<string[]>>>();
  const sharedWith = (user: HandlerInput, uid: string): Promise<string[]> => {
    const perUser = seen.get(user) ?? new Map<string, Promise<string[]>>();
    seen.set(user, perUser);
    let ids = perUser.get(uid);
    if (!ids) {
      ids = (strapi.plugin('editorial-workflow').service('ownership') as OwnershipService).sharedWith(user.id, uid);
      perUser.set(uid, ids);
    }
    return ids;
  };

  return {
    displayName: 'Is creator or assignee',
    name: 'is-own-story',
    plugin: 'editorial-workflow',
    category: 'editorial workflow',
    async handler(user: HandlerInput) {
      const uid = user.permission?.subject;
      const shared = uid ? await sharedWith(user, uid) : [];
      return { $or: [{ 'createdBy.id': user.id }, { documentId: { $in: shared } }] };
    },
  };
};
