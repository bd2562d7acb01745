import type { Core } from '@strapi/strapi';
import { forbidden } from '../utils/errors';
import { canReadDocument } from '../utils/document-access';

type KoaLike = {
  params: Record<string, string | undefined>;
  state: { userAbility?: unknown; auth?: { strategy?: { name?: string } } };
};

/**
 * Route middleware for reads of one document's workflow content (history, notes),
 * after workflow-target: an admin user must be allowed to read that document in
 * the content manager, with their role's row-level conditions — an Author reads
 * the history and notes of her own and assigned stories only.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: KoaLike, next: () => Promise<unknown>) => {
    const { uid, documentId } = ctx.params;
    if (ctx.state.auth?.strategy?.name === 'admin' && uid && documentId && !(await canReadDocument(strapi, ctx.state.userAbility, uid, documentId))) {
      throw forbidden(`You cannot read ${uid} "${documentId}": it is neither yours nor assigned to you.`);
    }
    return next();
  };
