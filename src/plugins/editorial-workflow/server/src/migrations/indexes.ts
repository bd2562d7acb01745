import type { Core } from '@strapi/strapi';

/**
 * Database-enforced identities of the plugin's tables (Strapi's `unique: true`
 * is only checked by Strapi; concurrent writers could both pass):
 *  - one workflow-state row per document;
 *  - one system note per (document, fingerprint) — NULL fingerprints (human
 *    notes) never collide;
 *  - the history looked up by document.
 * Same names as the app migration that used to create them, so databases that
 * ran it are left as they are.
 */
const DOCUMENT_COLUMNS = ['target_uid', 'target_document_id'];

export const INDEXES = [
  { table: 'editorial_workflow_states', name: 'editorial_workflow_states_document_uq', unique: true, columns: DOCUMENT_COLUMNS },
  { table: 'editorial_workflow_notes', name: 'editorial_workflow_notes_fingerprint_uq', unique: true, columns: [...DOCUMENT_COLUMNS, 'fingerprint'] },
  { table: 'editorial_workflow_history', name: 'editorial_workflow_history_document_idx', unique: false, columns: DOCUMENT_COLUMNS },
] as const;

/**
 * Create the indexes once the schema sync has created the tables: an afterSync
 * hook registered from the plugin's register (as @strapi/review-workflows and
 * i18n register theirs). Idempotent: IF NOT EXISTS, on every boot.
 */
export const createIndexes = async (strapi: Core.Strapi): Promise<void> => {
  const knex = strapi.db.connection;
  for (const { table, name, unique, columns } of INDEXES) {
    if (!(await knex.schema.hasTable(table))) continue;
    await knex.raw(`CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${name} ON ${table} (${columns.join(', ')})`);
  }
};

export const registerIndexMigration = (strapi: Core.Strapi): void => {
  strapi.hook('strapi::content-types.afterSync').register(() => createIndexes(strapi));
};
