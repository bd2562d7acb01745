'use strict';

/**
 * The 100× corpus, by replication (a child process, knex only — no Strapi):
 *
 *   node bench/lib/replicate-corpus.js '<json task>'   task = { dbEnv, target, shiftMinutes? }
 *
 * Importing and publishing ~2,700 more stories through the workflow takes about
 * 25 minutes, so the bench grows the 10× database to `target` published
 * articles by copying what the read routes read, in ONE transaction:
 *
 *  - `articles`: published rows only (the copies have no draft row), each copy
 *    with a new id (autoincrement), document_id, slug (`<slug>--r<k>`), uri
 *    (`<uri>--r<k>`) and date_published (the original's, `k × shiftMinutes`
 *    earlier, so copies interleave with the originals in newest-first order);
 *    every other column as the original (embargo included);
 *  - `newsroom_page_graphs`: the original's stored graph and summary with
 *    documentId, slug, uri and datePublished rewritten (and the article `id`
 *    inside the graph), published_ms from the new date, embargo_ms as the original;
 *  - `editorial_workflow_states`: the original article's workflow-state row
 *    (if it has one), with its own new document_id and target_document_id /
 *    target_slug of the copy — so the legal-hold check's table grows too.
 *
 * Not copied: link tables, components, quotes, drafts, content-version rows.
 * The slug route, GraphQL articleBySlug and the fronts' list read the stored
 * page row joined with the live published `articles` row and the workflow-state
 * table only, so for them a copy is a real article; stock populate reads (S2,
 * the S3 stock list) would see copies without relations, so at 100× S2 runs
 * over the original articles only.
 *
 * Result (last stdout line): { copies, originals, seconds, articles: [{ slug, documentId }] (all published), … }.
 */
const knexFactory = require('knex');

const ARTICLE_UID = 'api::article.article';
const PAGE_TABLE = 'newsroom_page_graphs';
const STATE_TABLE = 'editorial_workflow_states';
const QUOTE_PROBE = /^bench-q\d+-/;

const knexFor = (env) =>
  env.DATABASE_CLIENT === 'postgres'
    ? knexFactory({
        client: 'pg',
        connection: { host: env.DATABASE_HOST, port: Number(env.DATABASE_PORT), database: env.DATABASE_NAME, user: env.DATABASE_USERNAME, password: env.DATABASE_PASSWORD },
        pool: { min: 0, max: 1 },
      })
    : knexFactory({ client: 'better-sqlite3', connection: { filename: env.DATABASE_FILENAME }, useNullAsDefault: true, pool: { min: 0, max: 1 } });

/** A 24-character document id of the same alphabet as Strapi's, unique per (kind, k, j). */
const copyId = (kind, k, j) => `${kind}${String(k).padStart(3, '0')}${String(j).padStart(7, '0')}`.padEnd(24, 'r');

/** Same representation as the original column value (ISO string, epoch ms or Date), shifted. */
const shiftDate = (value, ms) => {
  if (value === null || value === undefined) return value;
  if (value instanceof Date) return new Date(value.getTime() - ms);
  if (typeof value === 'number') return value - ms;
  const time = new Date(value).getTime();
  return Number.isFinite(time) ? new Date(time - ms).toISOString() : value;
};

/** PostgreSQL json/jsonb values come back parsed: send them back as JSON text. */
const forInsert = (row) =>
  Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value !== null && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value) ? JSON.stringify(value) : value]));

const idOf = (inserted) => {
  const first = Array.isArray(inserted) ? inserted[0] : inserted;
  return typeof first === 'object' && first !== null ? first.id : first;
};

const replicate = async (task) => {
  const knex = knexFor(task.dbEnv);
  const shiftMs = (task.shiftMinutes ?? 13 * 60) * 60_000;
  const started = process.hrtime.bigint();
  try {
    const published = await knex('articles').whereNotNull('published_at').orderBy('id');
    const originals = published.filter((row) => !QUOTE_PROBE.test(row.slug) && !/--r\d+$/.test(row.slug));
    const missing = task.target - published.length;
    let copies = 0;
    let states = 0;
    if (missing > 0 && originals.length) {
      const stateColumns = (await knex.schema.hasTable(STATE_TABLE)) ? Object.keys(await knex(STATE_TABLE).columnInfo()) : [];
      await knex.transaction(async (trx) => {
        const pages = new Map((await trx(PAGE_TABLE).whereIn('document_id', originals.map((row) => row.document_id))).map((row) => [row.document_id, row]));
        const stateRows = stateColumns.length
          ? new Map((await trx(STATE_TABLE).where('target_uid', ARTICLE_UID).whereIn('target_document_id', originals.map((row) => row.document_id))).map((row) => [row.target_document_id, row]))
          : new Map();
        for (let n = 0; n < missing; n += 1) {
          const j = n % originals.length;
          const k = 1 + Math.floor(n / originals.length);
          const original = originals[j];
          const page = pages.get(original.document_id);
          if (!page) throw new Error(`replicate: article ${original.document_id} (${original.slug}) has no stored page graph`);
          const documentId = copyId('brep', k, j);
          const slug = `${original.slug}--r${k}`;
          const uri = original.uri ? `${original.uri}--r${k}` : original.uri;
          const offset = k * shiftMs;
          const { id: _id, ...columns } = original;
          const row = { ...columns, document_id: documentId, slug, uri };
          if ('date_published' in row) row.date_published = shiftDate(original.date_published, offset);
          const id = idOf(await trx('articles').insert(forInsert(row)).returning('id'));

          const graph = JSON.parse(page.graph);
          const datePublished = graph.datePublished ? shiftDate(graph.datePublished, offset) : graph.datePublished;
          Object.assign(graph, { documentId, slug, uri: graph.uri ? uri : graph.uri, datePublished, ...('id' in graph ? { id } : {}) });
          const summary = JSON.parse(page.summary);
          const publishedIso = datePublished ?? graph.publishedAt ?? null;
          const modified = summary.dateModified && publishedIso && new Date(summary.dateModified) >= new Date(publishedIso) ? summary.dateModified : publishedIso;
          Object.assign(summary, { documentId, slug, uri: summary.uri ? uri : summary.uri, datePublished: publishedIso, dateModified: modified });
          await trx(PAGE_TABLE).insert({
            document_id: documentId,
            slug,
            graph: JSON.stringify(graph),
            section: page.section,
            published_ms: Number(page.published_ms) - offset,
            embargo_ms: page.embargo_ms,
            summary: JSON.stringify(summary),
            written_at: new Date(),
          });

          const state = stateRows.get(original.document_id);
          if (state) {
            const { id: _stateId, ...stateData } = state;
            const copy = { ...stateData, target_document_id: documentId };
            if ('document_id' in copy) copy.document_id = copyId('bwfs', k, j);
            if ('target_slug' in copy && copy.target_slug) copy.target_slug = slug;
            await trx(STATE_TABLE).insert(forInsert(copy));
            states += 1;
          }
          copies += 1;
        }
      });
    }
    const all = await knex('articles').whereNotNull('published_at').orderBy('id').select('slug', 'document_id');
    const pageRows = Number(
      (await knex(PAGE_TABLE).join('articles', function joinPublished() {
        this.on('articles.document_id', '=', `${PAGE_TABLE}.document_id`).andOnNotNull('articles.published_at');
      }).count({ n: '*' }))[0].n,
    );
    return {
      target: task.target,
      before: published.length,
      originals: originals.length,
      copies,
      workflowStates: states,
      publishedArticles: all.length,
      pageRows,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      articles: all.map((row) => ({ slug: row.slug, documentId: row.document_id })),
    };
  } finally {
    await knex.destroy();
  }
};

replicate(JSON.parse(process.argv[2]))
  .then((result) => {
    // Exit once the line is flushed: stdout to a pipe is asynchronous, and the 100× result (every slug) is larger
    // than the pipe's buffer — exiting at once cut it (the 100× part of a full run failed with "no JSON result").
    process.stdout.write(`\n${JSON.stringify(result)}\n`, () => process.exit(0));
  })
  .catch((error) => {
    process.stderr.write(`replicate-corpus: ${error.stack ?? error}\n`);
    process.exit(1);
  });
