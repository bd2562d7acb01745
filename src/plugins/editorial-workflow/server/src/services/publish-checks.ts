import type { Core } from '@strapi/strapi';
import { MESSAGES, NOTE_UID } from '../constants';
import type { PublishBlocker } from '../state-machine';
import { query } from '../utils/db';
import { IMPORTER_ACTOR_KEY } from './notes';

/** The editorial publication date: its absence blocks the first publication (delivery sets it when overridden). */
const DATE_PUBLISHED = 'datePublished';

export type PublishChecksService = {
  /** What blocks publishing this document now: open import flags, a missing publication date. */
  blockers(uid: string, documentId: string): Promise<PublishBlocker[]>;
};

/**
 * Publishing checks (issue 9): the importer's review flags that nobody has
 * resolved, and a missing `datePublished` on types that have one. They block
 * `publish` and `schedule` unless an Editor gives an override reason; the
 * state machine decides, this service only counts.
 */
export default ({ strapi }: { strapi: Core.Strapi }): PublishChecksService => ({
  async blockers(uid, documentId) {
    const blockers: PublishBlocker[] = [];
    const flags = await query(strapi, NOTE_UID).count({
      where: { targetUid: uid, targetDocumentId: documentId, authorKey: IMPORTER_ACTOR_KEY, resolved: false },
    });
    if (flags > 0) blockers.push({ code: 'open_import_flags', count: flags, message: MESSAGES.openImportFlags(flags) });

    const model = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as { attributes: Record<string, unknown> } | undefined;
    if (model?.attributes[DATE_PUBLISHED]) {
      const draft = await query(strapi, uid).findOne({ where: { documentId, publishedAt: null }, select: ['id', DATE_PUBLISHED] });
      const live = draft ? null : await query(strapi, uid).findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: ['id', DATE_PUBLISHED] });
      const current = draft ?? live;
      if (current && !current[DATE_PUBLISHED]) blockers.push({ code: 'missing_date_published', count: 1, message: MESSAGES.missingDatePublished });
    }
    return blockers;
  },
});
