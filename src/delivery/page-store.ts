import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../domain/constants';
import { currentSeq, newestSeqOf, nextSeq } from './content-version';
import { documentKey } from './cache-tags';
import { loadArticlePage } from './page-graph';
import { modificationDate, publicationDate } from './types';

/**
 * The stored page graph (issue 14): one row per published article holding the
 * graph `loadArticlePage` builds (unsanitised, with the FtM extras), keyed by
 * documentId and looked up by slug.
 *
 * Written by the delivery document middleware (src/delivery/purge.ts) inside
 * the transaction of every write that changes what a page shows — the
 * article's own publication, correction, update and withdrawal, and any
 * published edit of a document the page shows (the same lookup that drives
 * purges). A withdrawn or deleted article has no row, so the slug route answers
 * as before (410 with the notice, or 404). So a committed write and its rows
 * are seen together on every instance, and a cold read is one indexed
 * statement instead of the populate's twenty.
 *
 * Rows are never trusted past the read policy: an embargo still in force and a
 * legal hold (the workflow's state table, checked in the same statement) make
 * the row count as absent, and the read falls back to the full read-policy path.
 */
export const PAGE_TABLE = 'newsroom_page_graphs';

const WORKFLOW_STATE_UID = 'plugin::editorial-workflow.workflow-state';

/**
 * The table's layout. `summary` comes before `graph`: SQLite keeps a row's columns in order and a ~27 KB graph
 * spills into overflow pages, so a list reading `summary` after it walked the overflow chain of every row (the
 * bench's front list at 3,000 articles ran at a twentieth of its 30-article speed). `newest_idx` serves the
 * fronts' order (newest first, document id as tie-break) so a list reads its page of rows, not every article.
 */
const createPageTable = (knex: Knex) =>
  knex.schema.createTable(PAGE_TABLE, (table) => {
    table.string('document_id', 255).primary();
    table.string('slug', 255).notNullable();
    // For lists (src/delivery/front-list.ts): section, newest-first key and embargo as epoch ms, the list item.
    table.string('section', 255);
    table.bigInteger('published_ms').notNullable().defaultTo(0);
    table.bigInteger('embargo_ms');
    table.text('summary').notNullable().defaultTo('{}');
    table.timestamp('written_at', { useTz: true }).notNullable();
    table.text('graph', 'longtext').notNullable();
    table.index(['slug'], `${PAGE_TABLE}_slug_idx`);
    table.index(['section', 'published_ms', 'document_id'], `${PAGE_TABLE}_section_newest_idx`);
    table.index(['published_ms', 'document_id'], `${PAGE_TABLE}_newest_idx`);
  });

/** A table created by the first layout (graph before summary, indexes without the tie-break). */
const outdatedLayout = async (knex: Knex): Promise<boolean> => {
  if ((knex.client as { dialect?: string }).dialect === 'postgresql') {
    const result = await knex.raw('SELECT 1 FROM pg_indexes WHERE tablename = ? AND indexname = ?', [PAGE_TABLE, `${PAGE_TABLE}_newest_idx`]);
    return rowsOf(result).length === 0;
  }
  const columns = rowsOf(await knex.raw(`PRAGMA table_info(${PAGE_TABLE})`)) as Array<{ name: string; cid: number }>;
  const at = (name: string) => columns.find((column) => column.name === name)?.cid ?? -1;
  return at('graph') < at('summary');
};

/**
 * Create the table, or bring an older layout up to date. The rows are derived data (every one can be rebuilt
 * from the published article), so an outdated table is dropped and recreated empty, and the backfill that
 * follows at bootstrap (backfillStoredPages) writes the rows again; until then reads build pages as before.
 */
export const ensurePageTable = async (knex: Knex): Promise<void> => {
  if (await knex.schema.hasTable(PAGE_TABLE)) {
    if (!(await outdatedLayout(knex))) return;
    await knex.schema.dropTable(PAGE_TABLE);
  }
  await createPageTable(knex);
};

type Page = Record<string, unknown>;

const knexOf = (strapi: Core.Strapi): Knex => strapi.db.connection as unknown as Knex;

/** Epoch ms of an ISO date, or null. */
const msOf = (value: unknown): number | null => {
  const ms = typeof value === 'string' ? new Date(value).getTime() : NaN;
  return Number.isFinite(ms) ? ms : null;
};

/** What a list (a front) shows of an article: no body, no quotes. */
export const summaryOf = (page: Page): Record<string, unknown> => {
  const image = (page.leadImage as { image?: Record<string, unknown> | null } | null | undefined)?.image;
  return {
    documentId: page.documentId,
    headline: page.headline,
    slug: page.slug,
    uri: page.uri ?? null,
    standfirst: page.standfirst ?? null,
    section: page.section ?? null,
    byline: page.byline ?? null,
    language: page.language ?? null,
    datePublished: publicationDate(page as never),
    dateModified: modificationDate(page as never),
    leadImage: image ? { url: image.url ?? null, alternativeText: image.alternativeText ?? null, width: image.width ?? null, height: image.height ?? null } : null,
  };
};

const upsertPage = async (trx: Knex, page: Page): Promise<void> => {
  await trx(PAGE_TABLE)
    .insert({
      document_id: page.documentId,
      slug: page.slug,
      graph: JSON.stringify(page),
      section: page.section ?? null,
      published_ms: msOf(publicationDate(page as never)) ?? 0,
      embargo_ms: msOf(page.embargoedUntil),
      summary: JSON.stringify(summaryOf(page)),
      written_at: new Date(),
    })
    .onConflict('document_id')
    .merge();
};

/**
 * Rewrite (or remove) the rows of these articles from their published version.
 * Call inside the write's transaction (`trx`): the graph is read through the
 * document service, which joins it.
 */
export const rewriteStoredPages = async (strapi: Core.Strapi, trx: Knex, articleIds: readonly string[]): Promise<void> => {
  for (const documentId of new Set(articleIds)) {
    const page = await loadArticlePage(strapi, { documentId }, 'published');
    if (page) await upsertPage(trx, page);
    else await trx(PAGE_TABLE).where({ document_id: documentId }).del();
  }
};

/** `AND NOT EXISTS (legal hold on the article of row p)`, when the workflow plugin's table exists. */
export const notHeld = (strapi: Core.Strapi): { sql: string; bindings: unknown[] } => {
  // metadata.has, not strapi.contentTypes: that getter copies the whole registry on every read
  if (!strapi.db.metadata.has(WORKFLOW_STATE_UID)) return { sql: '', bindings: [] };
  const meta = strapi.db.metadata.get(WORKFLOW_STATE_UID) as unknown as { tableName: string; attributes: Record<string, { columnName?: string }> };
  const column = (name: string) => meta.attributes[name]?.columnName ?? name;
  const held = strapi.db.dialect.client === 'postgres' ? true : 1;
  return {
    sql: ` AND NOT EXISTS (SELECT 1 FROM ${meta.tableName} w WHERE w.${column('targetUid')} = ? AND w.${column('targetDocumentId')} = p.document_id AND w.${column('legalHold')} = ?)`,
    bindings: [UID.article, held],
  };
};

export const rowsOf = (result: any): any[] => (Array.isArray(result) ? result : (result?.rows ?? []));

/**
 * The stored graph for a slug unless held, with the embargo of the live
 * published row — one statement. The embargo and the existence of a published
 * version are read from the article table itself, not from the graph: a
 * security property must not depend on every writer having rewritten the row.
 */
const storedRow = async (strapi: Core.Strapi, slug: string): Promise<{ page: Page; embargoedUntil: unknown } | undefined> => {
  const held = notHeld(strapi);
  const { tableName } = strapi.db.metadata.get(UID.article) as unknown as { tableName: string };
  const result = await knexOf(strapi).raw(
    `SELECT p.graph, a.embargoed_until FROM ${PAGE_TABLE} p
     JOIN ${tableName} a ON a.document_id = p.document_id AND a.published_at IS NOT NULL
     WHERE p.slug = ?${held.sql} LIMIT 1`,
    [slug, ...held.bindings],
  );
  const row = rowsOf(result)[0] as { graph: string; embargoed_until: unknown } | undefined;
  return row ? { page: JSON.parse(row.graph) as Page, embargoedUntil: row.embargoed_until } : undefined;
};

/** An embargo date (ISO string, epoch ms or Date, as each database returns it) still in force at `now`. */
export const embargoed = (until: unknown, now: Date): boolean => {
  if (until === null || until === undefined) return false;
  const ms = new Date(until as string | number | Date).getTime();
  return Number.isFinite(ms) && ms > now.getTime();
};

/**
 * Store a graph built by a reader for an article that had no row (a database
 * published before the stored graph existed). Under the writers' lock (the
 * content-version counter row) and only if no write touched the article since
 * `notedSeq`: a reader must never put back a version a withdrawal removed.
 */
const storeFallback = async (strapi: Core.Strapi, page: Page, notedSeq: number): Promise<void> => {
  if (strapi.db.inTransaction()) return;
  try {
    await strapi.db.transaction(async ({ trx }) => {
      const knex = trx as unknown as Knex;
      await nextSeq(knex);
      if ((await newestSeqOf(knex, [documentKey(UID.article, String(page.documentId))])) > notedSeq) return;
      await upsertPage(knex, page);
    });
  } catch (error) {
    strapi.log.warn(`[delivery] could not store the page graph of ${String(page.documentId)}: ${(error as Error).message}`);
  }
};

/**
 * The page graph the public may read for a slug — published, past any
 * embargo, not held — or null. From the stored row when there is one; else
 * built by the read-policy path (and stored for the next read).
 */
export const deliverablePage = async (strapi: Core.Strapi, slug: string, now: Date = new Date()): Promise<Page | null> => {
  const stored = await storedRow(strapi, slug);
  if (stored) return embargoed(stored.embargoedUntil, now) ? null : stored.page;
  const notedSeq = await currentSeq(knexOf(strapi));
  const built = await loadArticlePage(strapi, { slug }, 'deliverable', now);
  if (!built) return null;
  const page = JSON.parse(JSON.stringify(built)) as Page;
  await storeFallback(strapi, page, notedSeq);
  return page;
};

/** The stored row of an article, parsed (tests and diagnostics). */
export const storedPageOf = async (knex: Knex, documentId: string): Promise<Page | null> => {
  const row = (await knex(PAGE_TABLE).where({ document_id: documentId }).first('graph')) as { graph: string } | undefined;
  return row ? (JSON.parse(row.graph) as Page) : null;
};

/**
 * Rows for published articles that have none (a database published before
 * the stored graph existed): fronts list stored rows only. Each row is written
 * under the writers' lock, like a publication. Runs at bootstrap; a no-op once done.
 */
export const backfillStoredPages = async (strapi: Core.Strapi): Promise<number> => {
  const knex = knexOf(strapi);
  const { tableName } = strapi.db.metadata.get(UID.article) as unknown as { tableName: string };
  const missing = (await knex(tableName)
    .whereNotNull('published_at')
    .whereNotIn('document_id', knex(PAGE_TABLE).select('document_id'))
    .distinct('document_id')) as Array<{ document_id: string }>;
  for (const { document_id: documentId } of missing) {
    await strapi.db.transaction(async ({ trx }) => {
      await nextSeq(trx as unknown as Knex);
      await rewriteStoredPages(strapi, trx as unknown as Knex, [documentId]);
    });
  }
  if (missing.length) strapi.log.info(`[delivery] stored the page graph of ${missing.length} published article(s)`);
  return missing.length;
};
