import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import { UID } from '../domain/constants';
import { listKey } from './cache-tags';
import { changesSince } from './change-log';
import { absoluteMediaUrl, apiBaseUrl, deliveryConfig } from './config';
import { feedArticles } from './feed-source';
import { toAtom, toJsonFeed, toRss, type FeedContext } from './feeds';
import { deliverResource, type Rendered } from './http';
import { toNinjs } from './ninjs';
import { canceledNinjs, parseCursor } from './ninjs-feed';
import { loadArticlePage } from './page-graph';
import { renderContext } from './article-page';
import { articleUrl } from './page-urls';
import { toNewsSitemap, toSitemap } from './sitemaps';
import type { ArticlePage } from './types';
import { withdrawalOf, workflowState } from './workflow-adapter';

/**
 * The feed and sitemap routes. Every response is built from the published
 * state, cached and purged like the article page: it depends on `list:article`,
 * which every change of a published article (publication, correction, update,
 * withdrawal, or an edit of anything an article shows) stamps and purges.
 */
type Ctx = Parameters<typeof deliverResource>[1] & { state: Record<string, any> };

const LIST_KEYS = [listKey(UID.article)];
const NEWS_WINDOW_MS = 48 * 3600 * 1000;
const CHANGE_PAGE_DEFAULT = 25;
const CHANGE_PAGE_MAX = 100;

const invalid = (path: string, message: string) =>
  new errors.ValidationError(`${path}: ${message}`, { errors: [{ path: [path], message, name: 'ValidationError' }] });

/** `?section=`: optional, one value, at most 100 characters (the field's length). */
const sectionOf = (query: Record<string, unknown>): string | undefined => {
  const value = query.section;
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 100) throw invalid('section', 'must be one section name of at most 100 characters');
  return value;
};

const feedContext = (strapi: Core.Strapi, section?: string): FeedContext => {
  const config = deliveryConfig(strapi);
  const base = apiBaseUrl(strapi);
  const prefix = String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/$/, '');
  return {
    feedUrl: `${base}${prefix}/feeds/articles`,
    siteUrl: config.siteUrl,
    siteName: config.siteName,
    copyright: `© ${config.copyrightHolder}`,
    section,
    articleUrl: (slug) => articleUrl(strapi, slug),
    mediaUrl: (url) => absoluteMediaUrl(strapi, url),
  };
};

const listed = (body: string): Rendered => ({ body, keys: LIST_KEYS, validityKeys: LIST_KEYS });

export const feedHandlers = (strapi: Core.Strapi) => {
  const syndication = (kind: 'rss' | 'atom' | 'json') => async (ctx: Ctx) => {
    const section = sectionOf(ctx.query);
    const contentType = { rss: 'application/rss+xml; charset=utf-8', atom: 'application/atom+xml; charset=utf-8', json: 'application/feed+json; charset=utf-8' }[kind];
    await deliverResource(strapi, ctx, {
      cacheKey: `feed:${kind}|${section ?? ''}`,
      contentType,
      render: async () => {
        const articles = await feedArticles(strapi, { section });
        const fc = feedContext(strapi, section);
        const body = kind === 'rss' ? toRss(articles, fc) : kind === 'atom' ? toAtom(articles, fc) : JSON.stringify(toJsonFeed(articles, fc));
        return listed(body);
      },
    });
  };

  return {
    rss: syndication('rss'),
    atom: syndication('atom'),
    json: syndication('json'),

    async sitemap(ctx: Ctx) {
      await deliverResource(strapi, ctx, {
        cacheKey: 'sitemap',
        contentType: 'application/xml; charset=utf-8',
        render: async () => listed(await toSitemap(await feedArticles(strapi, { limit: 50_000 }), (slug) => articleUrl(strapi, slug))),
      });
    },

    async newsSitemap(ctx: Ctx) {
      // The 48-hour window moves with the clock: the cache key carries the minute so an entry ages out.
      const now = new Date();
      await deliverResource(strapi, ctx, {
        cacheKey: `news-sitemap|${now.toISOString().slice(0, 16)}`,
        contentType: 'application/xml; charset=utf-8',
        render: async () => {
          const articles = await feedArticles(strapi, { since: new Date(now.getTime() - NEWS_WINDOW_MS), limit: 1000, now });
          return listed(await toNewsSitemap(articles, (slug) => articleUrl(strapi, slug), deliveryConfig(strapi).siteName));
        },
      });
    },

    /**
     * ninjs 3.1 change feed: every article whose published state changed after
     * the cursor (publication, correction, update: `usable`; withdrawal: `canceled`),
     * each once in its current state, ordered by its latest change; `next` is the
     * cursor for the following page.
     */
    async ninjs(ctx: Ctx) {
      const since = parseCursor(ctx.query.since);
      if (since === null) throw invalid('since', 'must be a cursor returned as "next" by this feed (digits)');
      const rawLimit = ctx.query.limit;
      const limit = rawLimit === undefined || rawLimit === '' ? CHANGE_PAGE_DEFAULT : Number(rawLimit);
      if (!Number.isInteger(limit) || limit < 1 || limit > CHANGE_PAGE_MAX) throw invalid('limit', `must be an integer from 1 to ${CHANGE_PAGE_MAX}`);

      await deliverResource(strapi, ctx, {
        cacheKey: `feed:ninjs|${since}|${limit}`,
        contentType: 'application/json; charset=utf-8',
        render: async () => {
          const knex = strapi.db.connection as unknown as Knex;
          const changes = await changesSince(knex, UID.article, since, limit + 1);
          const page = changes.slice(0, limit);
          const { publicUrl } = deliveryConfig(strapi);
          const items: Record<string, unknown>[] = [];
          for (const change of page) {
            if (change.action === 'publish') {
              const graph = await loadArticlePage(strapi, { documentId: change.documentId }, 'deliverable');
              // Not deliverable any more without a later change: only an embargo set by a bypass. Left out.
              if (!graph) continue;
              const article = (await strapi.contentAPI.sanitize.output(graph, strapi.getModel(UID.article), { auth: ctx.state.auth })) as ArticlePage;
              const state = await workflowState(strapi, UID.article, article.documentId, { published: true });
              items.push(toNinjs(article, { ...renderContext(strapi, article), workflowState: state }));
            } else {
              const row = (await strapi.db
                .query(UID.article)
                .findOne({ where: { documentId: change.documentId }, select: ['documentId', 'uri', 'slug'] })) as { documentId: string; uri?: string; slug?: string } | null;
              const withdrawal = await withdrawalOf(strapi, UID.article, change.documentId);
              items.push(
                canceledNinjs(row ?? { documentId: change.documentId }, { publicUrl, at: withdrawal?.withdrawnAt ?? change.occurredAt, notice: withdrawal?.notice, version: String(change.seq) }),
              );
            }
          }
          const next = page.length ? page[page.length - 1].seq : since;
          return { ...listed(JSON.stringify({ items, next: String(next), hasMore: changes.length > limit })) };
        },
      });
    },
  };
};
