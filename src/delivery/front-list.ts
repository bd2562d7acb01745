import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../domain/constants';
import { embargoed, notHeld, PAGE_TABLE, rowsOf } from './page-store';

/**
 * The article list for fronts: newest first by the editorial publication date,
 * optionally one section, from the summaries stored with each page graph
 * (src/delivery/page-store.ts) — one indexed statement, whatever the size of
 * the pages listed. Embargoed and held articles are left out like everywhere
 * else public.
 */
export const FRONT_DEFAULT_LIMIT = 25;
export const FRONT_MAX_LIMIT = 100;

export type FrontQuery = { section: string | null; limit: number };

export type FrontItem = Record<string, unknown> & { documentId: string };

export const frontSummaries = async (strapi: Core.Strapi, query: FrontQuery, now: Date = new Date()): Promise<FrontItem[]> => {
  const held = notHeld(strapi);
  const { tableName } = strapi.db.metadata.get(UID.article) as unknown as { tableName: string };
  const conditions = ['(p.embargo_ms IS NULL OR p.embargo_ms <= ?)'];
  const bindings: unknown[] = [now.getTime()];
  if (query.section !== null) {
    conditions.push('p.section = ?');
    bindings.push(query.section);
  }
  // The live published row is checked too, as for the page (src/delivery/page-store.ts): a row whose article was
  // embargoed or unpublished behind the writers' back is left out. It is asked per row (EXISTS and a scalar
  // subquery) rather than joined, so the planner walks the stored rows in list order (newest_idx) and stops at the
  // limit instead of reading every published article and sorting them.
  const live = `FROM ${tableName} a WHERE a.document_id = p.document_id AND a.published_at IS NOT NULL`;
  const result = await (strapi.db.connection as unknown as Knex).raw(
    `SELECT p.summary, (SELECT a.embargoed_until ${live} LIMIT 1) AS embargoed_until
     FROM ${PAGE_TABLE} p
     WHERE ${conditions.join(' AND ')} AND EXISTS (SELECT 1 ${live})${held.sql}
     ORDER BY p.published_ms DESC, p.document_id DESC LIMIT ?`,
    [...bindings, ...held.bindings, query.limit],
  );
  return rowsOf(result)
    .filter((row: { embargoed_until: unknown }) => !embargoed(row.embargoed_until, now))
    .map((row: { summary: string }) => JSON.parse(row.summary) as FrontItem);
};

/** The response cache's key of a front (the route fills it, the pre-router fast path reads it). */
export const frontCacheKey = ({ section, limit }: FrontQuery): string => `articles-front|${section ?? ''}|${limit}`;

type QueryError = { path: string[]; message: string };

/** `?section=&limit=` checked: a bad value is a 400 naming the parameter, never a 500. */
export const parseFrontQuery = (query: Record<string, unknown>): { ok: true; value: FrontQuery } | { ok: false; error: QueryError } => {
  const { section, limit } = query;
  if (section !== undefined && (typeof section !== 'string' || section.length === 0 || section.length > 255)) {
    return { ok: false, error: { path: ['section'], message: 'section must be a non-empty string of at most 255 characters' } };
  }
  let size = FRONT_DEFAULT_LIMIT;
  if (limit !== undefined) {
    size = typeof limit === 'string' && /^\d+$/.test(limit) ? Number(limit) : NaN;
    if (!Number.isInteger(size) || size < 1 || size > FRONT_MAX_LIMIT) {
      return { ok: false, error: { path: ['limit'], message: `limit must be an integer from 1 to ${FRONT_MAX_LIMIT}` } };
    }
  }
  return { ok: true, value: { section: (section as string | undefined) ?? null, limit: size } };
};
