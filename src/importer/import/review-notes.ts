import type { Core } from '@strapi/strapi';
import { NOTE_UID, WEBHOOK_EVENTS } from '../../plugins/editorial-workflow/server/src/constants';
import { fingerprint, IMPORTER_ACTOR_KEY } from '../../plugins/editorial-workflow/server/src/services/notes';
import { validateSystemFlags } from '../../plugins/editorial-workflow/server/src/validation/notes';
import type { ImportFlag } from './input';

/**
 * A new article's review flags as the editorial-workflow plugin's system
 * notes, in one insert: the rows, fingerprints (its identity of a system note)
 * and `editorial.note` events its `addSystemNotes` writes one by one. Only for
 * an article this transaction created, which has no notes yet; an existing
 * article's flags go through `addSystemNotes`, which skips the ones it has.
 */
export const addNotesToNewArticle = async (strapi: Core.Strapi, uid: string, documentId: string, rawFlags: ImportFlag[]): Promise<{ created: number; unchanged: number }> => {
  (strapi.plugin('editorial-workflow').service('settings') as { require(uid: string): unknown }).require(uid);
  const flags = await validateSystemFlags(rawFlags);
  const seen = new Set<string>();
  const rows = flags.flatMap((flag) => {
    const print = fingerprint(flag);
    if (seen.has(print)) return [];
    seen.add(print);
    return [
      {
        targetUid: uid,
        targetDocumentId: documentId,
        body: flag.message,
        resolved: false,
        authorKey: IMPORTER_ACTOR_KEY,
        authorName: 'Importer',
        code: flag.code,
        path: flag.path ?? null,
        excerpt: flag.excerpt ?? null,
        fingerprint: print,
      },
    ];
  });
  if (!rows.length) return { created: 0, unchanged: flags.length };
  const { ids } = (await strapi.db.query(NOTE_UID as never).createMany({ data: rows.map((row) => ({ ...row, publishedAt: new Date() })) })) as { ids: number[] };

  await strapi.db.transaction(async ({ onCommit }) =>
    onCommit(() => {
      for (const [index, row] of rows.entries()) {
        const payload = {
          document: { uid, documentId },
          action: 'created',
          note: { id: ids[index], parentId: null, body: row.body, resolved: false, code: row.code, path: row.path },
          user: { id: null, kind: 'system', name: 'Importer' },
        };
        Promise.resolve(strapi.eventHub.emit(WEBHOOK_EVENTS.EDITORIAL_NOTE, payload)).catch((error: Error) =>
          strapi.log.error(`[importer] ${WEBHOOK_EVENTS.EDITORIAL_NOTE} listener failed: ${error.message}`),
        );
      }
    }),
  );
  return { created: rows.length, unchanged: flags.length - rows.length };
};
