import type { Core } from '@strapi/strapi';
import { UID } from '../domain/constants';
import { absoluteMediaUrl, apiBaseUrl } from './config';
import { loadArticlePage } from './page-graph';
import { previewHtml } from './preview-html';
import { signPreviewToken, verifyPreviewToken } from './preview-token';
import type { ArticlePage } from './types';

/**
 * GET /api/preview/articles/:documentId?token=… — the DRAFT page graph, for
 * the admin's Preview panel (HTML, default) and for a frontend's draft mode
 * (`?format=json` or `Accept: application/json`: the slug route's JSON shape).
 * The only way to read a draft without an API token: a signed, expiring token
 * for exactly this document. No token → 404 (nothing says a draft exists);
 * a forged, malformed or expired token → 401. Never cached anywhere.
 */
export type PreviewSettings = { secret: string; ttlSeconds: number };

export const previewSettings = (strapi: Core.Strapi): PreviewSettings => {
  const raw = (strapi.config.get('delivery.preview') ?? {}) as Partial<PreviewSettings>;
  const ttl = Number(raw.ttlSeconds);
  if (!raw.secret) throw new Error('delivery.preview.secret is missing (PREVIEW_SECRET)');
  return { secret: raw.secret, ttlSeconds: Number.isFinite(ttl) && ttl > 0 ? ttl : 3600 };
};

export const PREVIEW_PATH = '/preview/articles';

/** The preview URL the admin's Preview button opens (config/admin.ts → preview.config.handler). */
export const previewUrlFor = (strapi: Core.Strapi, documentId: string, now: Date = new Date()): string => {
  const { secret, ttlSeconds } = previewSettings(strapi);
  const token = signPreviewToken(secret, { uid: UID.article, documentId }, ttlSeconds, now);
  const prefix = String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/$/, '');
  const base = strapi.config.get('server.url') ? apiBaseUrl(strapi) : '';
  return `${base}${prefix}${PREVIEW_PATH}/${encodeURIComponent(documentId)}?token=${encodeURIComponent(token)}`;
};

type Ctx = {
  params: Record<string, string>;
  query: Record<string, unknown>;
  status: number;
  body: unknown;
  get: (name: string) => string;
  set: (name: string, value: string) => void;
  state: { auth?: unknown };
};

const error = (ctx: Ctx, status: number, name: string, message: string) => {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details: {} } };
};

const wantsJson = (ctx: Ctx): boolean => {
  if (ctx.query.format === 'json') return true;
  if (ctx.query.format === 'html') return false;
  const accept = ctx.get('accept') ?? '';
  return /application\/json/i.test(accept) && !/text\/html/i.test(accept);
};

/**
 * The draft read runs outside the request context on purpose: the public-read
 * document middleware pins every Content-API read to `published` for callers
 * without an API token. This read is authorised by the verified preview token
 * instead, for one document, and its output is still sanitised as a public read.
 */
type Run = <T>(store: undefined, cb: () => Promise<T>) => Promise<T>;
const readDraft = (strapi: Core.Strapi, documentId: string) =>
  (strapi.requestContext.run as unknown as Run)(undefined, () => loadArticlePage(strapi, { documentId }, 'draft'));

export const previewHandlers = (strapi: Core.Strapi) => ({
  async article(ctx: Ctx) {
    ctx.set('Cache-Control', 'private, no-store');
    ctx.set('X-Robots-Tag', 'noindex, nofollow');
    ctx.set('Vary', 'Accept');
    const documentId = String(ctx.params.documentId ?? '');
    const token = typeof ctx.query.token === 'string' ? ctx.query.token : ctx.get('x-preview-token');
    if (!token) return error(ctx, 404, 'NotFoundError', 'Not Found');

    const { secret } = previewSettings(strapi);
    const check = verifyPreviewToken(secret, token, { uid: UID.article, documentId });
    if (!check.ok) return error(ctx, 401, 'UnauthorizedError', `Invalid preview token (${check.reason})`);

    const graph = await readDraft(strapi, documentId);
    if (!graph) return error(ctx, 404, 'NotFoundError', `No article ${documentId}`);
    const article = (await strapi.contentAPI.sanitize.output(graph, strapi.getModel(UID.article), { auth: ctx.state.auth as never })) as ArticlePage;

    if (wantsJson(ctx)) {
      // The slug route's JSON shape (Strapi 5's response envelope).
      ctx.status = 200;
      ctx.body = { data: article, meta: {} };
      return;
    }
    const expiresAt = new Date(Number(token.split('.')[0]) * 1000);
    ctx.set('Content-Type', 'text/html; charset=utf-8');
    // The admin shows this page in an iframe of its own origin; nothing in it runs code or loads from elsewhere.
    ctx.set('Content-Security-Policy', "default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; frame-ancestors 'self' " + allowedOrigins(strapi).join(' '));
    ctx.status = 200;
    ctx.body = previewHtml(article, { mediaUrl: (url) => absoluteMediaUrl(strapi, url), expiresAt });
  },
});

/** Origins allowed to frame the preview (the admin): config admin.preview.config.allowedOrigins. */
const allowedOrigins = (strapi: Core.Strapi): string[] => {
  const list = strapi.config.get('admin.preview.config.allowedOrigins', []) as unknown;
  return (Array.isArray(list) ? list : [list]).filter((origin): origin is string => typeof origin === 'string' && /^https?:\/\/[^\s;']+$/.test(origin));
};
