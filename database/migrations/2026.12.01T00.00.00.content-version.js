'use strict';

/**
 * Content versions for the delivery response cache (src/delivery/content-version.ts):
 * one row per cache key with the global sequence number of the last committed
 * write that touched it, and the counter row '*'. Writes stamp it in their own
 * transaction; every instance validates its cached responses against it.
 * Idempotent (re-run after the schema sync, see src/bootstrap/migrations-after-sync.ts).
 */
const TABLE = 'newsroom_content_versions';

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable(TABLE))) {
      await knex.schema.createTable(TABLE, (table) => {
        table.string('version_key', 255).primary();
        table.bigInteger('seq').notNullable().defaultTo(0);
      });
    }
    await knex.raw(`INSERT INTO ${TABLE} (version_key, seq) VALUES ('*', 0) ON CONFLICT (version_key) DO NOTHING`);
  },

  async down() {},
};
