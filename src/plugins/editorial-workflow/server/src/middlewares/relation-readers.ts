import type { Core } from '@strapi/strapi';
import { readFilter, unreadableAmong } from '../utils/document-access';

/** The content manager's "existing relations" route: the related documents an edit view lists. */
const FIND_EXISTING = '/content-manager/relations/:model/:id/:targetField';
const FIND_EXISTING_PATH = /^\/content-manager\/relations\/([^/]+)\/([^/]+)\/([^/]+)\/?$/;

type Related = { id: number; documentId: string };
type RelationsBody = { results?: Related[]; pagination?: { total?: number } };
type KoaLike = {
  method: string;
  path: string;
  status: number;
  body: unknown;
  query: Record<string, unknown>;
  state: { userAbility?: unknown; auth?: { strategy?: { name?: string } } };
};
type Attribute = { type?: string; target?: string };
type SourceModel = { modelType?: string; options?: { draftAndPublish?: boolean }; attributes: Record<string, Attribute> };
type Loader = { load(entity: { id: number }, field: string, params: Record<string, unknown>): Promise<Related[] | Related | null> };

/**
 * Strapi 5's content manager answers an edit view's existing relations with the
 * union of what the user may read (with its label) and *every* related id (a
 * bare documentId where the role's conditions forbid the target), and counts
 * them all (controllers/relations.js `findExisting`, "only the ids of the
 * relations are returned"). For a reporter that lists — and counts — other
 * reporters' stories on an Expert or Organization. This router middleware
 * (the way @strapi/i18n extends content-manager routes) drops, after the
 * content manager answered, the related documents the admin user may not read
 * and counts only the readable ones. The page keeps the content manager's page
 * numbers (a page may come back shorter), so "load more" still reaches them all.
 */
export const registerRelationReaders = (strapi: Core.Strapi): void => {
  const router = strapi.server.router as unknown as { use(path: string, middleware: (ctx: KoaLike, next: () => Promise<unknown>) => Promise<void>): void };
  router.use(FIND_EXISTING, async (ctx, next) => {
    await next();
    const match = ctx.method === 'GET' && ctx.status === 200 ? FIND_EXISTING_PATH.exec(ctx.path) : null;
    const body = ctx.body as RelationsBody | null;
    if (!match || ctx.state.auth?.strategy?.name !== 'admin' || !Array.isArray(body?.results)) return;
    const [model, id, field] = match.slice(1).map(decodeURIComponent);
    const source = strapi.getModel(model as never) as unknown as SourceModel | undefined;
    const target = source?.attributes[field]?.target;
    if (!source || source.modelType !== 'contentType' || !target) return;
    const ability = ctx.state.userAbility;
    const filter = readFilter(strapi, ability, target);
    if (filter && !Object.keys(filter).length) return; // reads every document of the target type

    const hidden = await unreadableAmong(strapi, ability, target, body.results.map((item) => item.documentId));
    body.results = body.results.filter((item) => !hidden.has(item.documentId));
    if (body.pagination && typeof body.pagination.total === 'number') {
      // The count over every page: the related documents of this version of the source, minus the unreadable ones.
      const version = source.options?.draftAndPublish ? { publishedAt: ctx.query.status === 'published' ? { $notNull: true } : null } : {};
      const entry = await strapi.db.query(model as never).findOne({ where: { documentId: id, ...version }, select: ['id'] });
      if (!entry) return;
      const related = await (strapi.db.query(model as never) as unknown as Loader).load({ id: (entry as { id: number }).id }, field, { select: ['id', 'documentId'] });
      const all = Array.isArray(related) ? related : related ? [related] : [];
      const unreadable = await unreadableAmong(strapi, ability, target, all.map((item) => item.documentId));
      body.pagination.total = new Set(all.map((item) => item.documentId).filter((documentId) => !unreadable.has(documentId))).size;
    }
  });
};
