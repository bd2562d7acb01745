import type { Core } from '@strapi/strapi';
import { canReadDocument, unreadableError } from '../utils/document-access';

type KoaLike = {
  params: Record<string, string | undefined>;
  state: { userAbility?: unknown; auth?: { strategy?: { name?: string } } };
};

/**
 * Route middleware for every admin route naming one document (after
 * workflow-target): an admin user must be allowed to read that document in the
 * content manager, with their role's row-level conditions. An Author who may not
 * read a story gets one 403 (`not_readable`) before the workflow looks at it, so
 * no state, assignee or allowed action of someone else's story reaches her; the
 * workflow's own refusals (role, state, four-eyes) are for stories she may read.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: KoaLike, next: () => Promise<unknown>) => {
    const { uid, documentId } = ctx.params;
    if (ctx.state.auth?.strategy?.name === 'admin' && uid && documentId && !(await canReadDocument(strapi, ctx.state.userAbility, uid, documentId))) {
      throw unreadableError(uid, documentId);
    }
    return next();
  };
