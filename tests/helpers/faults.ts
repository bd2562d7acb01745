import type { Core } from '@strapi/strapi';

/**
 * A COMMIT that the database refuses, on SQLite and PostgreSQL alike: a row
 * inserted into `table` makes a trigger add a row that breaks a DEFERRED
 * foreign key. Every statement succeeds; only the COMMIT fails (as with a full
 * disk or a read-only file, which cannot be arranged portably in a test).
 */
const FAULT = 'newsroom_test_commit_fault';

const triggerName = (table: string) => `${FAULT}_on_${table}`.slice(0, 60);

export const installCommitFault = async (strapi: Core.Strapi, table: string): Promise<void> => {
  const knex = strapi.db.connection;
  if (strapi.db.dialect.client === 'postgres') {
    await knex.raw(`CREATE TABLE IF NOT EXISTS ${FAULT}_parent (id integer PRIMARY KEY)`);
    await knex.raw(
      `CREATE TABLE IF NOT EXISTS ${FAULT} (id serial PRIMARY KEY, parent_id integer REFERENCES ${FAULT}_parent(id) DEFERRABLE INITIALLY DEFERRED)`,
    );
    await knex.raw(
      `CREATE OR REPLACE FUNCTION ${FAULT}_fire() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO ${FAULT}(parent_id) VALUES (-1); RETURN NULL; END $$`,
    );
    await knex.raw(`CREATE TRIGGER ${triggerName(table)} AFTER INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${FAULT}_fire()`);
    return;
  }
  await knex.raw(`CREATE TABLE IF NOT EXISTS ${FAULT}_parent (id INTEGER PRIMARY KEY)`);
  await knex.raw(`CREATE TABLE IF NOT EXISTS ${FAULT} (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES ${FAULT}_parent(id) DEFERRABLE INITIALLY DEFERRED)`);
  await knex.raw(`CREATE TRIGGER ${triggerName(table)} AFTER INSERT ON ${table} BEGIN INSERT INTO ${FAULT}(parent_id) VALUES (-1); END`);
};

export const removeCommitFault = async (strapi: Core.Strapi, table: string): Promise<void> => {
  const knex = strapi.db.connection;
  if (strapi.db.dialect.client === 'postgres') await knex.raw(`DROP TRIGGER IF EXISTS ${triggerName(table)} ON ${table}`);
  else await knex.raw(`DROP TRIGGER IF EXISTS ${triggerName(table)}`);
};
