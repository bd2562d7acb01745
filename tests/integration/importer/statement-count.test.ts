import fs from 'fs';
import path from 'path';
import { startApp, type TestApp } from '../../helpers/strapi';
import { importBundle } from '../../../src/importer/import/import-bundle';
import type { ImportBundle } from '../../../src/importer/import/input';

/**
 * How many SQL statements the import of the seeded bundle costs (knex `query`
 * events on the app's connection). Before the batching writer it was about
 * 450 per story (BASELINE, measured on this bundle into an empty database);
 * the batching writer must stay under a third of that.
 */
const BASELINE = { sqlite: 712, postgres: 712 };

const BUNDLE_FILE = path.resolve(__dirname, '../../../database/seed/bundles/china-surveillance-export.json');
const bundle = (): ImportBundle => JSON.parse(fs.readFileSync(BUNDLE_FILE, 'utf8'));

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const counted = async <T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> => {
  const statements: string[] = [];
  const listener = (query: { sql: string }) => statements.push(query.sql);
  const connection = app.strapi.db.connection as unknown as { on: (event: string, fn: typeof listener) => void; off: (event: string, fn: typeof listener) => void };
  connection.on('query', listener);
  try {
    return { result: await work(), statements };
  } finally {
    connection.off('query', listener);
  }
};

describe('Given an empty database, when the seeded bundle is imported', () => {
  it('then it issues fewer than a third of the statements the one-document-at-a-time writer did', async () => {
    const { result, statements } = await counted(() => importBundle(app.strapi, bundle()));
    expect(result.counts.article.created).toBe(1);
    if (process.env.IMPORT_SQL_DUMP) {
      const groups = new Map<string, number>();
      for (const sql of statements) {
        const key = sql.replace(/\s+/g, ' ').slice(0, 90);
        groups.set(key, (groups.get(key) ?? 0) + 1);
      }
      console.log(`${statements.length} statements\n${[...groups].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n}\t${k}`).join('\n')}`);
    }
    const client = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';
    expect(statements.length).toBeLessThan(BASELINE[client] / 3);
  });
});
