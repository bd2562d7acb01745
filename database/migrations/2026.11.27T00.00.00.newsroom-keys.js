'use strict';

/**
 * Real unique indexes for the import keys. Strapi's `unique: true` is checked by
 * Strapi only; two concurrent writers could both pass that check. These make the
 * database refuse the second row.
 *
 * Draft & Publish keeps a draft row and a published row per document, so each
 * key is unique among drafts and, separately, among published rows.
 *
 * Idempotent (IF NOT EXISTS, table guards): Strapi runs user migrations *before*
 * it creates the tables, so on a fresh database this runs again right after the
 * schema sync (see src/bootstrap/migrations-after-sync.ts).
 */
const UNIQUE_KEYS = [
  { table: 'articles', column: 'uri' },
  { table: 'articles', column: 'slug' },
  { table: 'experts', column: 'slug' },
  { table: 'organizations', column: 'slug' },
];

module.exports = {
  async up(knex) {
    for (const { table, column } of UNIQUE_KEYS) {
      if (!(await knex.schema.hasTable(table))) continue;
      await knex.raw(
        `CREATE UNIQUE INDEX IF NOT EXISTS ${table}_${column}_draft_uq ON ${table} (${column}) WHERE published_at IS NULL`,
      );
      await knex.raw(
        `CREATE UNIQUE INDEX IF NOT EXISTS ${table}_${column}_published_uq ON ${table} (${column}) WHERE published_at IS NOT NULL`,
      );
    }

    // Every name an organization is known by (name, alternate and previous names),
    // normalised, pointing at its document: "Meiya Pico" finds SDIC Intelligence.
    if (!(await knex.schema.hasTable('newsroom_organization_keys'))) {
      await knex.schema.createTable('newsroom_organization_keys', (table) => {
        table.string('name_key', 300).primary();
        table.string('document_id', 64).notNullable().index('newsroom_organization_keys_doc_idx');
      });
    }
  },

  async down() {},
};
