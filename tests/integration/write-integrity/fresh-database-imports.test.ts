import fs from 'fs';
import path from 'path';
import { spawn } from 'child_process';
import knex, { type Knex } from 'knex';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';

/**
 * Issue 13, "Importer input": two imports started at once on a brand-new database crashed on the schema
 * race — both booted Strapi, both ran its schema sync, and the second failed creating the tables the first
 * had just created. Boot now holds a schema lock (PostgreSQL advisory lock; SQLite's write lock and busy
 * timeout), so both finish: one creates the story, the other finds it and leaves it alone.
 * The real CLI in two processes, on a database that no app has ever booted on.
 */
const ROOT = path.resolve(__dirname, '../../..');
const BUNDLE = path.join(ROOT, 'database/seed/bundles/china-surveillance-export.json');

let db: TestDatabase;
let sql: Knex | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await sql?.destroy();
  await db?.drop();
});

const runImporter = () =>
  new Promise<{ status: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/import.js'), BUNDLE], {
      cwd: ROOT,
      env: { ...process.env, ...db.env, NODE_ENV: 'test', NEWSROOM_SKIP_COMPILE: 'true', STRAPI_STARTUP_LOG: 'false', EDITORIAL_WORKFLOW_SCHEDULER: 'false' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (status) => resolve({ status, output }));
  });

const connect = (): Knex =>
  db.client === 'sqlite'
    ? knex({ client: 'better-sqlite3', connection: { filename: db.env.DATABASE_FILENAME }, useNullAsDefault: true })
    : knex({
        client: 'pg',
        connection: {
          host: db.env.DATABASE_HOST,
          port: Number(db.env.DATABASE_PORT),
          user: db.env.DATABASE_USERNAME,
          password: db.env.DATABASE_PASSWORD,
          database: db.env.DATABASE_NAME,
        },
      });

const distinctDocuments = async (table: string) => Number((await sql!(table).countDistinct({ n: 'document_id' }).first())?.n ?? 0);

describe('two imports at once into a brand-new database', () => {
  it('both exit 0 and the story exists once, with its quotes once', async () => {
    const [first, second] = await Promise.all([runImporter(), runImporter()]);
    expect({ status: first.status, output: first.status === 0 ? '' : first.output }).toEqual({ status: 0, output: '' });
    expect({ status: second.status, output: second.status === 0 ? '' : second.output }).toEqual({ status: 0, output: '' });

    sql = connect();
    const bundle = JSON.parse(fs.readFileSync(BUNDLE, 'utf8')) as { quotes: unknown[] };
    expect(await distinctDocuments('articles')).toBe(1);
    expect(await distinctDocuments('quotes')).toBe(bundle.quotes.length);
    // Imports write drafts only.
    expect(Number((await sql('articles').whereNotNull('published_at').count({ n: '*' }).first())?.n ?? 0)).toBe(0);
  });
});
