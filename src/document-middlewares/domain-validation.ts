import { validateYupSchema } from '@strapi/utils';
import { NEWSROOM_UIDS, type NewsroomUid } from '../domain/constants';
import { DOMAIN_SCHEMAS, RULE_RELATIONS } from '../domain/schemas';
import { toOneChange, type RelationRef } from '../domain/relation-input';
import type { DocumentMiddlewareFactory } from './types';

const WRITE_ACTIONS = new Set(['create', 'update']);

const isNewsroomUid = (uid: string): uid is NewsroomUid => (NEWSROOM_UIDS as readonly string[]).includes(uid);

/**
 * Validates every create/update of the five newsroom types against the domain
 * rules before anything is written. A refusal is Strapi's ValidationError
 * (400 with `details.errors[].path`), and because it is thrown before `next()`
 * nothing reaches the database.
 */
export const domainValidation: DocumentMiddlewareFactory = (strapi) => {
  const documentIdOf = async (uid: string, ref: RelationRef | null): Promise<string | null> => {
    if (!ref) return null;
    if (ref.documentId) return ref.documentId;
    const row = await strapi.db.query(uid as any).findOne({ where: { id: ref.id }, select: ['documentId'] });
    // An unknown id is kept as a distinct, non-empty identity so presence rules still apply;
    // Strapi itself refuses the dangling relation afterwards.
    return (row?.documentId as string | undefined) ?? `id:${String(ref.id)}`;
  };

  const loadStored = async (uid: NewsroomUid, params: Record<string, any>, relations: readonly string[]) => {
    if (!params.documentId) return {};
    const populate = Object.fromEntries(relations.map((name) => [name, { fields: ['documentId'] }]));
    const stored = await strapi
      .documents(uid as any)
      .findOne({ documentId: params.documentId, locale: params.locale, status: 'draft', populate } as any);
    return (stored ?? {}) as Record<string, any>;
  };

  return async (ctx, next) => {
    if (!WRITE_ACTIONS.has(ctx.action) || !isNewsroomUid(ctx.uid)) return next();

    const uid = ctx.uid;
    const data: Record<string, any> = ctx.params.data ?? {};
    const relations = RULE_RELATIONS[uid];
    const stored = ctx.action === 'update' ? await loadStored(uid, ctx.params, relations) : {};
    const target = (name: string) => (strapi.getModel(uid as any).attributes as Record<string, any>)[name]?.target as string;

    const merged: Record<string, unknown> = { ...stored, ...data };
    for (const name of relations) {
      const change = toOneChange(data[name]);
      merged[name] =
        change.kind === 'unchanged'
          ? ((stored[name] as { documentId?: string } | null | undefined)?.documentId ?? null)
          : await documentIdOf(target(name), change.ref);
    }

    await validateYupSchema(DOMAIN_SCHEMAS[uid], { strict: false, abortEarly: false })(merged);
    return next();
  };
};
