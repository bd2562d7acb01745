import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID, type NewsroomUid } from '../domain/constants';
import type { DocumentMiddleware } from '../document-middlewares/types';
import { documentKey, isNewsroomUid, listKey } from './cache-tags';
import { recordChange, type ChangeAction } from './change-log';
import { nextSeq, stampKeys } from './content-version';
import { articlesShowing, publishedNeighbors } from './graph';
import { rewriteStoredPages } from './page-store';
import { pagesOf, type PageRef } from './page-urls';

export const PURGE_EVENT = 'delivery.purge';

export type PurgeChange = { uid: string; documentId: string; action: string };

/**
 * One event per committed transaction: a workflow publication that writes the
 * article, its quotes and the people they name is one purge, not one per row.
 */
export type PurgeEvent = {
  /** Cache keys to purge (the same values as the Cache-Tag / Surrogate-Key headers). */
  keys: string[];
  /** The first change of the transaction (an article's, if any). */
  uid: string;
  documentId: string | null;
  /** publish | unpublish | delete | update | create | … or a caller's reason (e.g. workflow:correcting). */
  action: string;
  /** Every document write of the transaction, in order. */
  changes: PurgeChange[];
  /** The documentIds of the articles whose page showed or now shows a changed document. */
  articles: string[];
  /** Those article pages with their slug, site path and URL (for CDNs that purge by URL). */
  pages: PageRef[];
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

type Pending = { keys: Set<string>; changes: PurgeChange[]; articles: Set<string>; pages: Map<string, PageRef> };
const pendingByTransaction = new WeakMap<object, Pending>();

/**
 * Add a change to the purge of the current (outermost) transaction; the first
 * change registers the one emission after commit. Nested `strapi.db.transaction`
 * calls share the outer transaction object, which identifies the batch.
 */
const queuePurge = async (
  strapi: Core.Strapi,
  trx: object,
  onCommit: (cb: () => void) => void,
  change: PurgeChange,
  keys: readonly string[],
  articles: readonly string[],
): Promise<void> => {
  let pending = pendingByTransaction.get(trx);
  if (!pending) {
    const batch: Pending = { keys: new Set(), changes: [], articles: new Set(), pages: new Map() };
    pending = batch;
    pendingByTransaction.set(trx, batch);
    onCommit(() => {
      pendingByTransaction.delete(trx);
      const first = batch.changes.find((c) => c.uid === UID.article) ?? batch.changes[0];
      emitPurge(strapi, {
        keys: [...batch.keys],
        uid: first.uid,
        documentId: first.documentId,
        action: first.action,
        changes: batch.changes,
        articles: [...batch.articles],
        pages: [...batch.pages.values()],
      });
    });
  }
  pending.changes.push(change);
  keys.forEach((key) => pending.keys.add(key));
  const unseen = articles.filter((id) => !pending.articles.has(id));
  unseen.forEach((id) => pending.articles.add(id));
  for (const page of await pagesOf(strapi, unseen)) pending.pages.set(page.documentId, page);
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
  // Any article page change can change an article list or feed.
  if (articles.length) keys.push(listKey(UID.article));
  return { keys: [...new Set(keys)], articles };
};

const hasPublishedVersion = async (strapi: Core.Strapi, uid: NewsroomUid, documentId: string | null): Promise<boolean> =>
  !!documentId && !!(await strapi.db.query(uid).findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: ['id'] }));

/** The change-feed action of an article write, or null when the published state did not change. */
const changeAction = (action: string, hadPublished: boolean): ChangeAction | null => {
  if (action === 'unpublish' || action === 'delete') return hadPublished ? (action as ChangeAction) : null;
  return 'publish';
};

/**
 * Document-service middleware: for every write that changes published
 * content of a newsroom type, inside the write's own transaction, takes the
 * next content version, stamps the keys of the written document, of the
 * documents whose published links to it changed, of the articles that show it
 * and of the lists; rewrites the stored page graph of those articles
 * (src/delivery/page-store.ts); records article publications and withdrawals
 * in the change log (the ninjs change feed); after commit, emits ONE
 * `delivery.purge` for the whole transaction. Draft-only saves change no published read and are left alone.
 */
export const deliveryInvalidation = (strapi: Core.Strapi): DocumentMiddleware => async (ctx, next) => {
  if (!isNewsroomUid(ctx.uid) || !affectsPublished(ctx.action, ctx.params)) return next();
  const uid = ctx.uid;

  return strapi.db.transaction(async ({ trx, onCommit }) => {
    // First: the counter row lock, so concurrent publishers queue here rather than deadlock later.
    const seq = await nextSeq(trx as unknown as Knex);
    const given = (ctx.params?.documentId as string | undefined) ?? null;
    const before = await snapshot(strapi, uid, given);
    const hadPublished = uid === UID.article ? await hasPublishedVersion(strapi, uid, given) : false;
    const result = await next();
    const documentId = given ?? ((result as { documentId?: string } | null)?.documentId ?? null);
    if (!documentId) return result;
    const after = await snapshot(strapi, uid, documentId);
    const { keys, articles } = changedKeys(uid, documentId, before, after);
    await stampKeys(trx as unknown as Knex, keys, seq);
    await rewriteStoredPages(strapi, trx as unknown as Knex, articles);
    const logged = uid === UID.article ? changeAction(ctx.action, hadPublished) : null;
    if (logged) await recordChange(trx as unknown as Knex, { uid, documentId, action: logged });
    await queuePurge(strapi, trx as object, onCommit, { uid, documentId, action: ctx.action }, keys, articles);
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
): Promise<{ keys: string[]; articles: string[] } | null> => {
  if (!isNewsroomUid(uid)) return null;
  return strapi.db.transaction(async ({ trx, onCommit }) => {
    const seq = await nextSeq(trx as unknown as Knex);
    const now = await snapshot(strapi, uid, documentId);
    const { keys, articles } = changedKeys(uid, documentId, now, now);
    const all = [...new Set([...keys, ...now.neighbors])];
    await stampKeys(trx as unknown as Knex, all, seq);
    await rewriteStoredPages(strapi, trx as unknown as Knex, articles);
    await queuePurge(strapi, trx as object, onCommit, { uid, documentId, action }, all, articles);
    return { keys: all, articles };
  });
};
