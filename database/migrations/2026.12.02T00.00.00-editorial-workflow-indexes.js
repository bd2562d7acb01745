'use strict';

/**
 * Database-enforced identities for the editorial-workflow plugin (Strapi's
 * `unique` is only checked by Strapi, and concurrent writers could both pass):
 *  - one workflow-state row per document: (target_uid, target_document_id);
 *  - one system note per (document, code, path, excerpt) fingerprint
 *    (NULL fingerprints — human notes — never collide);
 *  - a lookup index on the history by document.
 * Idempotent (IF NOT EXISTS, table guards): Strapi runs user migrations before it
 * creates the tables, so on a fresh database this runs again right after the
 * schema sync (src/bootstrap/migrations-after-sync.ts).
 */
const INDEXES = [
  {
    table: 'editorial_workflow_states',
    name: 'editorial_workflow_states_document_uq',
    unique: true,
    columns: ['target_uid', 'target_document_id'],
  },
  {
    table: 'editorial_workflow_notes',
    name: 'editorial_workflow_notes_fingerprint_uq',
    unique: true,
    columns: ['target_uid', 'target_document_id', 'fingerprint'],
  },
  {
    table: 'editorial_workflow_history',
    name: 'editorial_workflow_history_document_idx',
    unique: false,
    columns: ['target_uid', 'target_document_id'],
  },
];

module.exports = {
  async up(knex) {
    for (const { table, name, unique, columns } of INDEXES) {
      if (!(await knex.schema.hasTable(table))) continue;
      await knex.raw(`CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${name} ON ${table} (${columns.join(', ')})`);
    }
  },

  async down() {},
};
