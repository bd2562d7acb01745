'use strict';

/**
 * The stored article page graph (src/delivery/page-store.ts): one row per
 * published article, written in the transaction of every change its page
 * shows, read by the slug route and GraphQL `articleBySlug`. Rows are filled
 * by the next publish, or by the first read of an article published before
 * this table existed. Idempotent (re-run after the schema sync, see
 * src/bootstrap/migrations-after-sync.ts); bootstrap ensures it too.
 */
const TABLE = 'newsroom_page_graphs';

module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable(TABLE)) return;
    // The layout of src/delivery/page-store.ts (createPageTable): summary before the large graph, list indexes
    // with the document id as tie-break. A table of an older layout is rebuilt at bootstrap (ensurePageTable).
    await knex.schema.createTable(TABLE, (table) => {
      table.string('document_id', 255).primary();
      table.string('slug', 255).notNullable();
      table.string('section', 255);
      table.bigInteger('published_ms').notNullable().defaultTo(0);
      table.bigInteger('embargo_ms');
      table.text('summary').notNullable().defaultTo('{}');
      table.timestamp('written_at', { useTz: true }).notNullable();
      table.text('graph', 'longtext').notNullable();
      table.index(['slug'], `${TABLE}_slug_idx`);
      table.index(['section', 'published_ms', 'document_id'], `${TABLE}_section_newest_idx`);
      table.index(['published_ms', 'document_id'], `${TABLE}_newest_idx`);
    });
  },

  async down() {},
};
