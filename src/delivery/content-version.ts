import type { Knex } from 'knex';

/**
 * Content versions in the database — the source of truth for the response
 * cache on every instance.
 *
 * One row per cache key (`article:<documentId>`, `list:sanction-record`, …)
 * holding the global sequence number of the last committed write that touched
 * it, plus the global counter row `*`. A write takes the next number from `*`
 * (a row lock held until it commits: writers of published content serialise on
 * it, readers never wait) and stamps its keys with it, inside the same
 * transaction as the content change.
 *
 * A reader notes the counter *before* building a response; the entry stays
 * valid while no key it depends on carries a larger number. A write that commits
 * after the note necessarily got a larger number (it incremented a committed
 * value that was at least the noted one), so no entry built from older data
 * can outlive a committed write. Created by
 * database/migrations/2026.12.01T00.00.00.content-version.js (and ensured at bootstrap).
 */
export const VERSION_TABLE = 'newsroom_content_versions';
export const GLOBAL_KEY = '*';
/** Above this many keys a check compares the global counter instead. */
export const MAX_KEYS_PER_CHECK = 500;
const STAMP_CHUNK = 300;

const rowsOf = (result: any): any[] => (Array.isArray(result) ? result : (result?.rows ?? []));

export const ensureVersionTable = async (knex: Knex): Promise<void> => {
  if (!(await knex.schema.hasTable(VERSION_TABLE))) {
    await knex.schema.createTable(VERSION_TABLE, (table) => {
      table.string('version_key', 255).primary();
      table.bigInteger('seq').notNullable().defaultTo(0);
    });
  }
  await knex.raw(`INSERT INTO ${VERSION_TABLE} (version_key, seq) VALUES (?, 0) ON CONFLICT (version_key) DO NOTHING`, [GLOBAL_KEY]);
};

/** Take the next global sequence number (locks the counter row until the transaction ends). */
export const nextSeq = async (trx: Knex): Promise<number> => {
  const result = await trx.raw(
    `INSERT INTO ${VERSION_TABLE} (version_key, seq) VALUES (?, 1)
     ON CONFLICT (version_key) DO UPDATE SET seq = ${VERSION_TABLE}.seq + 1
     RETURNING seq`,
    [GLOBAL_KEY],
  );
  return Number(rowsOf(result)[0]?.seq ?? 0);
};

/** Stamp keys with a sequence number taken by `nextSeq` in the same transaction. */
export const stampKeys = async (trx: Knex, keys: readonly string[], seq: number): Promise<void> => {
  const unique = [...new Set(keys)].filter((key) => key !== GLOBAL_KEY);
  for (let i = 0; i < unique.length; i += STAMP_CHUNK) {
    const chunk = unique.slice(i, i + STAMP_CHUNK);
    await trx.raw(
      `INSERT INTO ${VERSION_TABLE} (version_key, seq) VALUES ${chunk.map(() => '(?, ?)').join(', ')}
       ON CONFLICT (version_key) DO UPDATE SET seq = excluded.seq`,
      chunk.flatMap((key) => [key, seq]),
    );
  }
};

/** The global counter as last committed. */
export const currentSeq = async (knex: Knex): Promise<number> => {
  const row = await knex(VERSION_TABLE).where({ version_key: GLOBAL_KEY }).first('seq');
  return Number(row?.seq ?? 0);
};

/**
 * The newest sequence number among `keys` (0 if none was ever written). With
 * very many keys the global counter stands in for them (coarser, still correct).
 */
export const newestSeqOf = async (knex: Knex, keys: readonly string[]): Promise<number> => {
  if (!keys.length) return 0;
  if (keys.length > MAX_KEYS_PER_CHECK) return currentSeq(knex);
  // Raw SQL: this runs for every cache hit, and building it through the query builder cost more than running it.
  const result = await knex.raw(`SELECT MAX(seq) AS seq FROM ${VERSION_TABLE} WHERE version_key IN (${keys.map(() => '?').join(', ')})`, [...keys]);
  return Number(rowsOf(result)[0]?.seq ?? 0);
};
