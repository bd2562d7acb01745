import type { Core } from '@strapi/strapi';
import { UID } from '../domain/constants';
import { markChanged } from './purge';

/**
 * Media edits purge the pages that show them. The media library writes
 * `plugin::upload.file` rows with the query engine (no document service), so
 * a database lifecycle is the one hook: after a file's update (alt text,
 * caption, replaced file) or deletion, every article whose lead image is that
 * file is versioned and purged — in one transaction, hence one purge event.
 */
const FILE_UID = 'plugin::upload.file';

const articlesShowingFile = async (strapi: Core.Strapi, fileId: number): Promise<string[]> => {
  const rows = (await strapi.db.query(UID.article).findMany({
    where: { leadImage: { image: { id: fileId } } },
    select: ['documentId'],
  })) as Array<{ documentId: string }>;
  return [...new Set(rows.map((row) => row.documentId))];
};

export const purgeArticlesShowingFile = async (strapi: Core.Strapi, fileId: number): Promise<string[]> => {
  const articles = await articlesShowingFile(strapi, fileId);
  if (!articles.length) return [];
  await strapi.db.transaction(async () => {
    for (const documentId of articles) await markChanged(strapi, UID.article, documentId, 'media');
  });
  return articles;
};

type FileEvent = { result?: { id?: number } | null; params?: { where?: { id?: number } } };
/** Article documentIds found before a delete (the link is gone afterwards). */
const pendingDeletes = new WeakMap<object, string[]>();

export const registerMediaPurge = (strapi: Core.Strapi): void => {
  const log = (error: Error) => strapi.log.error(`[delivery] media purge failed: ${error.message}`);
  strapi.db.lifecycles.subscribe({
    models: [FILE_UID],
    async afterUpdate(event: FileEvent) {
      const id = event.result?.id ?? event.params?.where?.id;
      if (typeof id === 'number') await purgeArticlesShowingFile(strapi, id).catch(log);
    },
    async beforeDelete(event: FileEvent) {
      const id = event.params?.where?.id;
      if (typeof id === 'number') pendingDeletes.set(event as object, await articlesShowingFile(strapi, id).catch(() => []));
    },
    async afterDelete(event: FileEvent) {
      const articles = pendingDeletes.get(event as object) ?? [];
      if (!articles.length) return;
      await strapi.db
        .transaction(async () => {
          for (const documentId of articles) await markChanged(strapi, UID.article, documentId, 'media');
        })
        .catch(log);
    },
  } as never);
};
