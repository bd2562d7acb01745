import fs from 'fs';
import os from 'os';
import path from 'path';
import knexFactory, { type Knex } from 'knex';
import type { Core } from '@strapi/strapi';
import { createVersionReader } from '../../../src/delivery/version-reader';
import { ensureVersionTable, newestSeqOf, nextSeq, stampKeys } from '../../../src/delivery/content-version';

/**
 * The SQLite validity check on its own read-only connection, against a real
 * database file: it reads what the pool committed, keeps an answer only while
 * nothing was committed, and when its connection cannot be opened it answers
 * through the pool instead of failing the read.
 */
let dir: string;
let knex: Knex;
const strapiOf = (connection: Knex) => ({ db: { connection } }) as unknown as Core.Strapi;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-versions-'));
  knex = knexFactory({ client: 'better-sqlite3', connection: { filename: path.join(dir, 'data.db') }, useNullAsDefault: true });
  await knex.raw('PRAGMA journal_mode = WAL');
  await ensureVersionTable(knex);
  await knex.transaction(async (trx) => stampKeys(trx, ['article:a'], await nextSeq(trx)));
});
afterAll(async () => {
  await knex?.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite version reader', () => {
  it('reads the newest committed sequence of the keys, and a later commit at once', async () => {
    const reader = createVersionReader(strapiOf(knex));
    expect(await reader.newest(['article:a', 'article:none'])).toBe(1);
    await knex.transaction(async (trx) => stampKeys(trx, ['article:a'], await nextSeq(trx)));
    expect(await reader.newest(['article:a'])).toBe(2);
    await reader.close();
  });

  it('keeps an answer while nothing is committed (the pragma alone), and searches again after any commit', async () => {
    const reader = createVersionReader(strapiOf(knex));
    const reported: string[] = [];
    const listener = (query: { sql: string }) => reported.push(query.sql);
    knex.on('query', listener);
    try {
      const check = async (keys: string[]) => {
        reported.length = 0;
        return { seq: await reader.newest(keys), statements: reported.map((sql) => (sql.startsWith('SELECT MAX(seq)') ? 'search' : sql)) };
      };
      const first = await check(['article:a']);
      expect(first.statements).toEqual(['PRAGMA data_version', 'search']);
      expect(await check(['article:a'])).toEqual({ seq: first.seq, statements: ['PRAGMA data_version'] });
      // another key set is searched once too
      expect((await check(['article:a', 'article:b'])).statements).toEqual(['PRAGMA data_version', 'search']);

      // a commit of another key: searched again, same answer
      await knex.transaction(async (trx) => stampKeys(trx, ['article:b'], await nextSeq(trx)));
      expect(await check(['article:a'])).toEqual({ seq: first.seq, statements: ['PRAGMA data_version', 'search'] });
      // a commit of this key: the new answer at once, never the kept one
      await knex.transaction(async (trx) => stampKeys(trx, ['article:a'], await nextSeq(trx)));
      const after = await check(['article:a']);
      expect(after.seq).toBeGreaterThan(first.seq);
      expect(after.statements).toEqual(['PRAGMA data_version', 'search']);
    } finally {
      knex.off('query', listener);
      await reader.close();
    }
  });

  it('answers through the pool when its own connection cannot be opened', async () => {
    const client = (knex as unknown as { client: { config: { connection: { filename: string } } } }).client;
    const real = client.config.connection.filename;
    client.config.connection.filename = path.join(dir, 'missing', 'nowhere.db');
    try {
      const expected = await newestSeqOf(knex, ['article:a']);
      const reader = createVersionReader(strapiOf(knex));
      const reported: string[] = [];
      const listener = (query: { sql: string }) => reported.push(query.sql);
      knex.on('query', listener);
      expect(await reader.newest(['article:a'])).toBe(expected);
      knex.off('query', listener);
      // the pool's own statement answered (and is the one reported)
      expect(reported).toHaveLength(1);
      await reader.close();
    } finally {
      client.config.connection.filename = real;
    }
  });
});
