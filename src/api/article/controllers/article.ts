import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_FORMATS, renderArticle } from '../../../delivery/article-page';
import { collectDocumentKeys, documentKey, keysOfFacts, listKey } from '../../../delivery/cache-tags';
import { sanitizeGraphOutput } from '../../../delivery/public-output';
import { frontCacheKey, frontSummaries, parseFrontQuery } from '../../../delivery/front-list';
import { deliver, deliverResource, VARY_FIXED, VARY_NEGOTIATED } from '../../../delivery/http';
import { UID } from '../../../domain/constants';
import { deliveryConfig } from '../../../delivery/config';
import { MEDIA_TYPES } from '../../../delivery/negotiate';
import { canceledNinjs } from '../../../delivery/ninjs-feed';
import { withNewestFirst } from '../../../delivery/list-sort';
import type { ArticlePage } from '../../../delivery/types';
import { withdrawalOf } from '../../../delivery/workflow-adapter';

export default factories.createCoreController('api::article.article', ({ strapi }) => ({
  /**
   * GET /api/articles — Strapi's list, newest first by the editorial
   * `datePublished` unless `sort` is given. Lists are JSON only: `?format=`
   * is refused (the feeds under /api/feeds serve the other formats).
   */
  async find(ctx) {
    if (ctx.query.format !== undefined) {
      throw new errors.ValidationError('Lists are served as JSON only: remove "format", or use /api/feeds/articles.{rss,atom,json,ninjs}', {
        errors: [{ path: ['format'], message: 'not available on lists', name: 'ValidationError' }],
      });
    }
    ctx.query = withNewestFirst(ctx.query);
    // Cached, tagged and validated like every published read: ETag/304, Cache-Control, `list:article` + the documents shown.
    const envelope = ctx.get('strapi-response-format');
    await deliverResource(strapi, ctx as never, {
      cacheKey: `articles-list|${ctx.querystring}|${envelope}`,
      contentType: 'application/json; charset=utf-8',
      vary: VARY_NEGOTIATED,
      render: async () => {
        const result = (await super.find(ctx)) as { data: unknown };
        return { body: JSON.stringify(result), keys: [listKey(UID.article), ...collectDocumentKeys(strapi, UID.article, result.data)] };
      },
    });
  },

  /**
   * GET /api/fronts/articles?section=&limit= — the list a front shows, newest
   * first, from the stored page summaries (one statement): cached, ETag/304,
   * tagged `list:article` and each article shown, valid until any article page changes.
   */
  async front(ctx) {
    const parsed = parseFrontQuery(ctx.query as Record<string, unknown>);
    if (!parsed.ok) {
      throw new errors.ValidationError(parsed.error.message, { errors: [{ ...parsed.error, name: 'ValidationError' }] });
    }
    const { section, limit } = parsed.value;
    await deliverResource(strapi, ctx as never, {
      cacheKey: frontCacheKey(parsed.value),
      contentType: 'application/json; charset=utf-8',
      vary: VARY_FIXED,
      render: async () => {
        const items = await frontSummaries(strapi, { section, limit });
        const list = listKey(UID.article);
        return {
          body: JSON.stringify({ data: items, meta: { section, limit } }),
          keys: [list, ...items.map((item) => documentKey(UID.article, item.documentId))],
          // Every article page change stamps `list:article`: one key to check.
          validityKeys: [list],
        };
      },
    });
  },

  /**
   * GET /api/articles/slug/:slug — the whole article page in one request, as
   * Strapi JSON, JSON-LD, ninjs or FollowTheMoney (`Accept` or `?format=`).
   * Published and past embargo only (else 404; withdrawn: 410 with the notice); strong ETag / 304,
   * Cache-Control, Cache-Tag / Surrogate-Key; served from the response cache
   * while the database says it is current.
   */
  async findBySlug(ctx) {
    const slug = String(ctx.params.slug);
    await deliver(strapi, ctx, {
      cacheKey: `article-slug:${slug}`,
      supported: ARTICLE_FORMATS,
      fallback: 'json',
      notFoundMessage: `No published article with slug "${slug}"`,
      render: async (format) => {
        const article = await strapi.service('api::article.article').findDeliverableBySlug(slug);
        if (!article) return null;
        const { data, facts } = await sanitizeGraphOutput(strapi, UID.article, article as ArticlePage, ctx.state.auth);
        return renderArticle(strapi, data, format, (page) => this.transformResponse!(page), keysOfFacts(facts));
      },
      // Withdrawn by the editorial workflow (and not public again): 410 Gone with the notice.
      onNotFound: async (format) => {
        const withdrawal = await withdrawalOf(strapi, 'api::article.article', slug);
        if (!withdrawal) return null;
        if (format === 'ninjs' && withdrawal.documentId) {
          // Every ninjs response says what partners need: the story is canceled (a kill notice).
          const row = (await strapi.db
            .query(UID.article)
            .findOne({ where: { documentId: withdrawal.documentId }, select: ['documentId', 'uri', 'slug'] })) as { documentId: string; uri?: string; slug?: string } | null;
          const at = withdrawal.withdrawnAt ?? new Date().toISOString();
          return {
            status: 410,
            headers: { 'Content-Type': `${MEDIA_TYPES.ninjs}; charset=utf-8` },
            body: JSON.stringify(canceledNinjs(row ?? { documentId: withdrawal.documentId, slug }, { publicUrl: deliveryConfig(strapi).publicUrl, at, notice: withdrawal.notice })),
          };
        }
        return {
          status: 410,
          body: {
            data: null,
            error: {
              status: 410,
              name: 'GoneError',
              message: withdrawal.notice ?? `The article "${slug}" has been withdrawn`,
              details: { notice: withdrawal.notice, documentId: withdrawal.documentId, withdrawnAt: withdrawal.withdrawnAt },
            },
          },
        };
      },
    });
  },
}));
