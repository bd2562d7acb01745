/**
 * Article lists are newest first by the editorial publication date
 * (`datePublished`, which corrections never move) — not by Strapi's
 * `publishedAt`, which moves with every re-publication. A caller's own `sort` wins.
 */
export const NEWEST_FIRST = ['datePublished:desc', 'id:desc'];

export const withNewestFirst = <T extends Record<string, unknown>>(query: T): T =>
  query.sort === undefined || query.sort === '' ? { ...query, sort: NEWEST_FIRST } : query;
