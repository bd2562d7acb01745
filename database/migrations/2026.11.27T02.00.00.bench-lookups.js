'use strict';

/**
 * Indexes for lookups the public routes run on every request, found with
 * EXPLAIN QUERY PLAN by `npm run bench` (bench/lib/explain.js):
 *
 *  - the withdrawal check of GET /api/articles/slug/:slug
 *    (`target_uid = ? AND state = 'withdrawn' AND (target_document_id = ? OR
 *    target_slug = ?) ORDER BY withdrawn_at DESC`): without it SQLite walks
 *    every workflow-state row of the content type and sorts them (the same
 *    (target_uid, state) prefix serves the scheduler's "approved and due" tick);
 *  - the newest-first article list (`published_at IS NOT NULL ORDER BY
 *    date_published DESC, id ASC LIMIT n`): without it every published article
 *    is sorted per request; with it the scan stops after n rows.
 *
 * Idempotent (IF NOT EXISTS; table and column guards): Strapi runs user
 * migrations before it creates the tables, so on a fresh database this runs
 * again right after the schema sync (src/bootstrap/migrations-after-sync.ts).
 * Plain SQL that PostgreSQL accepts as well.
 */
const INDEXES = [
  {
    table: 'editorial_workflow_states',
    name: 'editorial_workflow_states_withdrawn_idx',
    columns: ['target_uid', 'state', 'withdrawn_at'],
    definition: '(target_uid, state, withdrawn_at)',
  },
  {
    table: 'articles',
    name: 'articles_published_newest_idx',
    columns: ['date_published', 'id', 'published_at'],
    definition: '(date_published DESC, id) WHERE published_at IS NOT NULL',
  },
];

module.exports = {
  async up(knex) {
    for (const { table, name, columns, definition } of INDEXES) {
      if (!(await knex.schema.hasTable(table))) continue;
      let complete = true;
      for (const column of columns) complete = complete && (await knex.schema.hasColumn(table, column));
      if (!complete) continue;
      await knex.raw(`CREATE INDEX IF NOT EXISTS ${name} ON ${table} ${definition}`);
    }
  },

  async down() {},
};
