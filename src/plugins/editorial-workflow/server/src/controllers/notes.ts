import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { NotesService } from '../services/notes';
import { getService } from '../utils/db';
import { canReadDocument, unreadableError } from '../utils/document-access';
import { validateNoteBody, validateResolveBody } from '../validation/notes';
import { abilityOf, param, requireActor, type ControllerContext } from './request';

/** Review notes (admin routes): threaded via parentId; resolvable by the note's author, the story's assignee or an Editor. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const notes = () => getService<NotesService>(strapi, 'notes');

  return {
    async find(ctx: ControllerContext) {
      ctx.body = { data: await notes().list(param(ctx, 'uid'), param(ctx, 'documentId')) };
    },

    async create(ctx: ControllerContext) {
      const actor = requireActor(ctx);
      const body = await validateNoteBody(ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await notes().create(param(ctx, 'uid'), param(ctx, 'documentId'), body, actor) };
    },

    async update(ctx: ControllerContext) {
      const actor = requireActor(ctx);
      const id = Number(param(ctx, 'id'));
      if (!Number.isInteger(id) || id <= 0) throw new errors.ValidationError('The note id must be a positive integer.');
      const { resolved } = await validateResolveBody(ctx.request.body);
      const note = await notes().findById(id);
      if (!note) throw new errors.NotFoundError(`No review note ${id}.`);
      // The note's story must be one the user may read (the rule of every route naming a document).
      if (!(await canReadDocument(strapi, abilityOf(ctx), note.document.uid, note.document.documentId))) {
        throw unreadableError(note.document.uid, note.document.documentId);
      }
      // Who may resolve or reopen (author, assignee, Editor) is the notes service's rule.
      ctx.body = { data: await notes().setResolved(id, resolved, actor) };
    },
  };
};
