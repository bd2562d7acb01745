import type { UID } from '@strapi/strapi';
import { validateYupSchema } from '@strapi/utils';
import { NEWSROOM_UIDS, type NewsroomUid } from '../domain/constants';
import { DOMAIN_SCHEMAS, RULE_RELATIONS } from '../domain/schemas';
import { afterDisconnect, toOneChange, type RelationRef } from '../domain/relation-input';
import type { DocumentMiddlewareFactory } from './types';

/** Writes that produce a document state: `clone` copies a stored document and overlays `data`. */
const WRITE_ACTIONS = new Set(['create', 'update', 'clone']);

const isNewsroomUid = (uid: string): uid is NewsroomUid => (NEWSROOM_UIDS as readonly string[]).includes(uid);

/**
 * Validates every create/update/clone of the five newsroom types against the
 * domain rules before anything is written: a create is checked with the
 * schema defaults Strapi will apply, an update or clone with the stored draft
 * overlaid by the incoming data. A refusal is Strapi's ValidationError
 * (400 with `details.errors[].path`), and because it is thrown before `next()`
 * nothing reaches the database.
 */
export const domainValidation: DocumentMiddlewareFactory = (strapi) => {
  const documentIdOf = async (uid: UID.Schema, ref: RelationRef | null): Promise<string | null> => {
    if (!ref) return null;
    if (ref.documentId) return ref.documentId;
    const row = await strapi.db.query(uid).findOne({ where: { id: ref.id }, select: ['documentId'] });
    // An unknown id is kept as a distinct, non-empty identity so presence rules still apply;
    // Strapi itself refuses the dangling relation afterwards.
    return (row?.documentId as string | undefined) ?? `id:${String(ref.id)}`;
  };

  /**
   * The stored draft an update/clone starts from, or null when there is none.
   * Read through the query engine, not `strapi.documents()`: document-service
   * reads made during a Content API request are pinned to `published` by the
   * public-read middleware, and the rules must see the draft being changed.
   */
  const loadStored = async (uid: NewsroomUid, params: Record<string, any>, relations: readonly string[]) => {
    if (!params.documentId) return null;
    const attributes = strapi.getModel(uid).attributes as Record<string, unknown>;
    const where: Record<string, unknown> = { documentId: params.documentId, publishedAt: null };
    if (params.locale && 'locale' in attributes) where.locale = params.locale;
    const populate = Object.fromEntries(relations.map((name) => [name, { select: ['id', 'documentId'] }]));
    const stored = await strapi.db.query(uid).findOne({ where, populate });
    return (stored ?? null) as Record<string, any> | null;
  };

  /** Schema defaults Strapi applies to a new entry (e.g. listingStatus "active"), so the rules see them too. */
  const defaultsOf = (uid: NewsroomUid): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(strapi.getModel(uid).attributes as Record<string, { default?: unknown }>)
        .filter(([, attribute]) => attribute.default !== undefined && typeof attribute.default !== 'function')
        .map(([name, attribute]) => [name, attribute.default]),
    );

  const defined = (data: Record<string, unknown>) => Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));

  return async (ctx, next) => {
    if (!WRITE_ACTIONS.has(ctx.action) || !isNewsroomUid(ctx.uid)) return next();

    const uid = ctx.uid;
    const data: Record<string, any> = ctx.params.data ?? {};
    const relations = RULE_RELATIONS[uid];
    let stored: Record<string, any> = {};
    if (ctx.action !== 'create') {
      const found = await loadStored(uid, ctx.params, relations);
      // Nothing to update or clone: let Strapi answer as it does for an unknown document (null → 404).
      if (!found) return next();
      stored = found;
    }
    const target = (name: string) => (strapi.getModel(uid).attributes as Record<string, { target?: UID.Schema }>)[name]?.target as UID.Schema;

    const base = ctx.action === 'create' ? defaultsOf(uid) : stored;
    const merged: Record<string, unknown> = { ...base, ...defined(data) };
    for (const name of relations) {
      const change = toOneChange(data[name]);
      const current = (stored[name] as { id?: number; documentId?: string } | null | undefined) ?? null;
      if (change.kind === 'set') merged[name] = await documentIdOf(target(name), change.ref);
      else merged[name] = (change.kind === 'disconnect' ? afterDisconnect(current, change.refs) : current)?.documentId ?? null;
    }

    await validateYupSchema(DOMAIN_SCHEMAS[uid], { strict: false, abortEarly: false })(merged);
    return next();
  };
};
