import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { CreateNoteRequest, NoteRecord as ContractNoteRecord } from '../../../shared/contracts/notes';
import { MESSAGES, NOTE_UID, STATE_UID, WEBHOOK_EVENTS } from '../constants';
import { effectiveRoles } from '../state-machine';
import { getService, isoOrNull, query, type Row } from '../utils/db';
import { forbidden } from '../utils/errors';
import { validateSystemFlags, type SystemFlag } from '../validation/notes';
import { systemActor, type Actor } from './actors';
import type { SettingsService } from './settings';

/** A note as the routes return it (shared with the admin: shared/contracts/notes.ts). */
export type NoteRecord = ContractNoteRecord;

export type NotesService = {
  list(uid: string, documentId: string): Promise<NoteRecord[]>;
  findById(id: number): Promise<NoteRecord | null>;
  create(uid: string, documentId: string, input: CreateNoteRequest, actor: Actor): Promise<NoteRecord>;
  setResolved(id: number, resolved: boolean, actor: Actor): Promise<NoteRecord>;
  /**
   * Machine-generated flags (e.g. the importer's review flags) as notes, idempotent
   * by (document, code, path, excerpt): calling it again with the same flags adds nothing.
   */
  addSystemNotes(uid: string, documentId: string, flags: SystemFlag[]): Promise<{ created: number; unchanged: number }>;
};

/** Author key of the importer's review flags (open ones block publishing: services/publish-checks.ts). */
export const IMPORTER_ACTOR_KEY = 'system:importer';

export const fingerprint = (flag: Pick<SystemFlag, 'code' | 'path' | 'excerpt'>): string =>
  createHash('sha256')
    .update(JSON.stringify([flag.code, flag.path ?? null, flag.excerpt ?? null]))
    .digest('hex')
    .slice(0, 40);

const formatNote = (row: Row): NoteRecord => ({
  id: row.id,
  document: { uid: String(row.targetUid), documentId: String(row.targetDocumentId) },
  parentId: (row.parentId as number | null) ?? null,
  body: String(row.body),
  resolved: row.resolved === true || row.resolved === 1,
  resolvedBy: row.resolvedBy ? { key: String(row.resolvedBy), name: (row.resolvedByName as string | null) ?? null } : null,
  resolvedAt: isoOrNull(row.resolvedAt),
  author: { key: String(row.authorKey), name: (row.authorName as string | null) ?? null },
  code: (row.code as string | null) ?? null,
  path: (row.path as string | null) ?? null,
  excerpt: (row.excerpt as string | null) ?? null,
  createdAt: isoOrNull(row.createdAt),
});

export default ({ strapi }: { strapi: Core.Strapi }): NotesService => {
  const notes = () => query(strapi, NOTE_UID);
  const settings = () => getService<SettingsService>(strapi, 'settings');

  /** Emit editorial.note once the surrounding transaction commits. */
  const emitOnCommit = (onCommit: (fn: () => void) => void, action: 'created' | 'resolved' | 'reopened', note: NoteRecord, actor: Actor) =>
    onCommit(() => {
      const payload = {
        document: note.document,
        action,
        note: { id: note.id, parentId: note.parentId, body: note.body, resolved: note.resolved, code: note.code, path: note.path },
        user: { id: actor.id, kind: actor.kind, name: actor.name },
      };
      Promise.resolve(strapi.eventHub.emit(WEBHOOK_EVENTS.EDITORIAL_NOTE, payload)).catch((error: Error) =>
        strapi.log.error(`[editorial-workflow] ${WEBHOOK_EVENTS.EDITORIAL_NOTE} listener failed: ${error.message}`),
      );
    });

  /** Its author, the story's assignee or an Editor: nobody else closes or reopens someone's note. */
  const assertMayResolve = async (note: Row, actor: Actor) => {
    if (String(note.authorKey) === actor.key || effectiveRoles(actor.roles).has('editor')) return;
    const state = await query(strapi, STATE_UID).findOne({
      where: { targetUid: note.targetUid, targetDocumentId: note.targetDocumentId },
      select: ['id', 'assigneeId'],
    });
    if (state?.assigneeId && `admin:${String(state.assigneeId)}` === actor.key) return;
    throw forbidden(MESSAGES.noteResolveForbidden(resolvedWord(note)), { code: 'forbidden_role' });
  };
  const resolvedWord = (note: Row) => (note.resolved === true || note.resolved === 1 ? 'reopen' : 'resolve');

  const service: NotesService = {
    async list(uid, documentId) {
      settings().require(uid);
      const rows = await notes().findMany({
        where: { targetUid: uid, targetDocumentId: documentId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      return rows.map(formatNote);
    },

    async findById(id) {
      const row = await notes().findOne({ where: { id } });
      return row ? formatNote(row) : null;
    },

    async create(uid, documentId, input, actor) {
      settings().require(uid);
      // A note belongs to a story: the document must exist.
      if ((await query(strapi, uid).count({ where: { documentId } })) === 0) {
        throw new errors.NotFoundError(MESSAGES.documentNotFound(uid, documentId));
      }
      if (input.parentId !== undefined && input.parentId !== null) {
        const parent = await notes().findOne({ where: { id: input.parentId } });
        if (!parent || parent.targetUid !== uid || parent.targetDocumentId !== documentId) {
          throw new errors.ValidationError(MESSAGES.noteParent, { parentId: input.parentId });
        }
      }
      return strapi.db.transaction(async ({ onCommit }) => {
        const row = await notes().create({
          data: {
            targetUid: uid,
            targetDocumentId: documentId,
            parentId: input.parentId ?? null,
            body: input.body,
            resolved: false,
            authorKey: actor.key,
            authorName: actor.name,
          },
        });
        const note = formatNote(row);
        emitOnCommit(onCommit, 'created', note, actor);
        return note;
      });
    },

    async setResolved(id, resolved, actor) {
      const existing = await notes().findOne({ where: { id } });
      if (!existing) throw new errors.NotFoundError(`No review note ${id}.`);
      await assertMayResolve(existing, actor);
      return strapi.db.transaction(async ({ onCommit }) => {
        const row = await notes().update({
          where: { id },
          data: resolved
            ? { resolved: true, resolvedBy: actor.key, resolvedByName: actor.name, resolvedAt: new Date() }
            : { resolved: false, resolvedBy: null, resolvedByName: null, resolvedAt: null },
        });
        const note = formatNote(row ?? existing);
        emitOnCommit(onCommit, resolved ? 'resolved' : 'reopened', note, actor);
        return note;
      });
    },

    async addSystemNotes(uid, documentId, rawFlags) {
      settings().require(uid);
      const flags = await validateSystemFlags(rawFlags);
      const actor = systemActor('Importer', [], IMPORTER_ACTOR_KEY);
      // Joins the importer's transaction when there is one: notes (and their events) only if it commits.
      return strapi.db.transaction(async ({ onCommit }) => {
        const existing = await notes().findMany({
          where: { targetUid: uid, targetDocumentId: documentId, fingerprint: { $notNull: true } },
          select: ['fingerprint'],
        });
        const seen = new Set(existing.map((row) => String(row.fingerprint)));
        let created = 0;
        let unchanged = 0;
        for (const flag of flags) {
          const print = fingerprint(flag);
          if (seen.has(print)) {
            unchanged += 1;
            continue;
          }
          seen.add(print);
          const row = await notes().create({
            data: {
              targetUid: uid,
              targetDocumentId: documentId,
              body: flag.message,
              resolved: false,
              authorKey: actor.key,
              authorName: actor.name,
              code: flag.code,
              path: flag.path ?? null,
              excerpt: flag.excerpt ?? null,
              fingerprint: print,
            },
          });
          created += 1;
          emitOnCommit(onCommit, 'created', formatNote(row), actor);
        }
        return { created, unchanged };
      });
    },
  };
  return service;
};
