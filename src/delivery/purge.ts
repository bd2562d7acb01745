import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID, type NewsroomUid } from '../domain/constants';
import type { DocumentMiddleware } from '../document-middlewares/types';
import { documentKey, isNewsroomUid, listKey } from './cache-tags';
import { nextSeq, stampKeys } from './content-version';
import { articlesShowing, publishedNeighbors } from './graph';

export const PURGE_EVENT = 'delivery.purge';

export type PurgeEvent = {
  /** Cache keys to purge (the same values as the Cache-Tag / Surrogate-Key headers). */
  keys: string[];
  uid: string;
  documentId: string | null;
  /** publish | unpublish | delete | update | create | … or a caller's reason (e.g. withdrawal). */
  action: string;
  /** The documentIds of the articles whose page showed or now shows the document. */
  articles: string[];
};

/** Write actions that change what published reads return. */
const PUBLISHING_ACTIONS = new Set(['publish', 'unpublish', 'delete']);
const affectsPublished = (action: string, params: Record<string, any> | undefined): boolean =>
  PUBLISHING_ACTIONS.has(action) || (['create', 'update', 'clone'].includes(action) && params?.status === 'published');

const emitPurge = (strapi: Core.Strapi, event: PurgeEvent): void => {
  Promise.resolve(strapi.eventHub.emit(PURGE_EVENT, event)).catch((error: Error) =>
    strapi.log.error(`[delivery] ${PURGE_EVENT} listener failed: ${error.message}`),
  );
};

type Snapshot = { neighbors: Set<string>; articles: string[] };

const snapshot = async (strapi: Core.Strapi, uid: NewsroomUid, documentId: string | null | undefined): Promise<Snapshot> =>
  documentId
    ? { neighbors: await publishedNeighbors(strapi, uid, documentId), articles: await articlesShowing(strapi, uid, documentId) }
    : { neighbors: new Set(), articles: [] };

const changedKeys = (
  uid: NewsroomUid,
  documentId: string,
  before: Snapshot,
  after: Snapshot,
): { keys: string[]; articles: string[] } => {
  const linkChanges = [...before.neighbors].filter((k) => !after.neighbors.has(k)).concat([...after.neighbors].filter((k) => !before.neighbors.has(k)));
  const articles = [...new Set([...before.articles, ...after.articles])];
  const keys = [
    documentKey(uid, documentId),
    listKey(uid),
    ...linkChanges,
    ...articles.map((id) => documentKey(UID.article, id)),
  ];
  return { keys: [...new Set(keys)], articles };
};

/**
 * Document-service middleware: for every write that changes published
 * content of a newsroom type, inside the write's own transaction, takes the
 * next content version, stamps the keys of the written document, of the
 * documents whose published links to it changed, of the articles that show it
 * and of its type's list; after commit, emits `delivery.purge` with those keys.
 * Draft-only saves change no published read and are left alone.
 */
export const deliveryInvalidation = (strapi: Core.Strapi): DocumentMiddleware => async (ctx, next) => {
  if (!isNewsroomUid(ctx.uid) || !affectsPublished(ctx.action, ctx.params)) return next();
  const uid = ctx.uid;

  return strapi.db.transaction(async ({ trx, onCommit }) => {
    // First: the counter row lock, so concurrent publishers queue here rather than deadlock later.
    const seq = await nextSeq(trx as unknown as Knex);
    const given = (ctx.params?.documentId as string | undefined) ?? null;
    const before = await snapshot(strapi, uid, given);
    const result = await next();
    const documentId = given ?? ((result as { documentId?: string } | null)?.documentId ?? null);
    if (!documentId) return result;
    const after = await snapshot(strapi, uid, documentId);
    const { keys, articles } = changedKeys(uid, documentId, before, after);
    await stampKeys(trx as unknown as Knex, keys, seq);
    onCommit(() => emitPurge(strapi, { keys, uid, documentId, action: ctx.action, articles }));
    return result;
  });
};

/**
 * For changes that do not go through the document service (e.g. a workflow
 * state change such as a withdrawal kept in a plugin table): bump and purge
 * the document, the articles that show it and its list. Joins the caller's
 * transaction if there is one — call it inside the transaction of the change.
 */
export const markChanged = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  action = 'change',
): Promise<PurgeEvent | null> => {
  if (!isNewsroomUid(uid)) return null;
  return strapi.db.transaction(async ({ trx, onCommit }) => {
    const seq = await nextSeq(trx as unknown as Knex);
    const now = await snapshot(strapi, uid, documentId);
    const { keys, articles } = changedKeys(uid, documentId, now, now);
    await stampKeys(trx as unknown as Knex, [...keys, ...now.neighbors], seq);
    const event: PurgeEvent = { keys: [...new Set([...keys, ...now.neighbors])], uid, documentId, action, articles };
    onCommit(() => emitPurge(strapi, event));
    return event;
  });
};
