import type { Core } from '@strapi/strapi';
import { UID } from '../domain/constants';
import type { DocumentMiddleware } from '../document-middlewares/types';

/**
 * Dates as newsrooms mean them, on every write path (admin Publish, workflow
 * transitions, REST/GraphQL writes that publish, the importer, seeding):
 *
 * - `datePublished` — set by the FIRST publication when it is empty, and never
 *   moved afterwards: a re-publication (correction or update) keeps the live
 *   version's value even if the draft's was edited in between.
 * - `dateModified` — set by every re-publication (correction or update) to now,
 *   never earlier than `datePublished`.
 *
 * Strapi's own `publishedAt` is the time of the last publication (it moves on
 * every correction), so no format or sort uses it as the publication date.
 */
type DateRow = { id: number; datePublished: string | Date | null; dateModified: string | Date | null };

const toDate = (value: unknown): Date | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date;
};

const later = (a: Date, b: Date | null): Date => (b && b > a ? b : a);

/** What a publication of a document with these draft/live rows must write on the draft (which publish copies). */
export const publicationDates = (
  draft: Pick<DateRow, 'datePublished'> | null,
  live: Pick<DateRow, 'datePublished'> | null,
  now: Date,
): { datePublished?: Date; dateModified?: Date } => {
  const livePublished = toDate(live?.datePublished);
  if (live) {
    // Correction or update: the publication date stays; the modification date moves.
    const datePublished = livePublished ?? toDate(draft?.datePublished) ?? now;
    return { datePublished, dateModified: later(now, datePublished) };
  }
  const draftPublished = toDate(draft?.datePublished);
  return draftPublished ? {} : { datePublished: now };
};

const rowsOf = async (strapi: Core.Strapi, documentId: string) => {
  const rows = (await strapi.db.query(UID.article).findMany({
    where: { documentId },
    select: ['id', 'datePublished', 'dateModified', 'publishedAt'],
  })) as Array<DateRow & { publishedAt: unknown }>;
  return { draft: rows.find((row) => !row.publishedAt) ?? null, live: rows.find((row) => !!row.publishedAt) ?? null };
};

const same = (a: unknown, b: Date | undefined) => b === undefined || toDate(a)?.getTime() === b.getTime();

export const publicationDatesMiddleware = (strapi: Core.Strapi): DocumentMiddleware => async (ctx, next) => {
  if (ctx.uid !== UID.article) return next();
  const publishes = ctx.action === 'publish' || (['create', 'update'].includes(ctx.action) && ctx.params?.status === 'published');
  if (!publishes) return next();

  const now = new Date();
  if (ctx.action === 'create') {
    const data = { ...(ctx.params.data ?? {}) };
    if (!toDate(data.datePublished)) data.datePublished = now.toISOString();
    ctx.params = { ...ctx.params, data };
    return next();
  }

  const documentId = ctx.params?.documentId as string | undefined;
  if (!documentId) return next();

  return strapi.db.transaction(async () => {
    const { draft, live } = await rowsOf(strapi, documentId);
    if (ctx.action === 'update') {
      // The update writes the draft and then publishes it: put the dates in its data.
      const data = { ...(ctx.params.data ?? {}) };
      const dates = publicationDates(toDate(data.datePublished) && !live ? { datePublished: data.datePublished } : draft, live, now);
      if (dates.datePublished) data.datePublished = dates.datePublished.toISOString();
      if (dates.dateModified) data.dateModified = dates.dateModified.toISOString();
      ctx.params = { ...ctx.params, data };
      return next();
    }
    // publish: stamp the draft row (not through the document service, which would count as an
    // editorial content change); publish then copies it into the live version.
    const dates = publicationDates(draft, live, now);
    if (draft && (!same(draft.datePublished, dates.datePublished) || !same(draft.dateModified, dates.dateModified))) {
      await strapi.db.query(UID.article).update({ where: { id: draft.id }, data: dates });
    }
    return next();
  });
};
