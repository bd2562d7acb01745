import type { TestApp } from '../../helpers/strapi';
import { startAppWith } from './setup';

/** Finding 1 of issue 10, database side: on PostgreSQL no statement outlives DATABASE_STATEMENT_TIMEOUT_MS. */
let app: TestApp;

beforeAll(async () => {
  app = await startAppWith({ EDITORIAL_WORKFLOW_SCHEDULER: 'false', DATABASE_STATEMENT_TIMEOUT_MS: '1000' });
});
afterAll(async () => {
  await app?.stop();
});

type Raw = { raw: (sql: string) => Promise<{ rows: Record<string, string>[] }> };

it('every connection of the app carries the statement_timeout, and a longer statement is cancelled by PostgreSQL', async () => {
  const knex = app.strapi.db.connection as unknown as Raw;
  const shown = await Promise.all([knex.raw('SHOW statement_timeout'), knex.raw('SHOW statement_timeout')]);
  expect(shown.map((result) => result.rows[0].statement_timeout)).toEqual(['1s', '1s']);
  await expect(knex.raw('SELECT pg_sleep(3)')).rejects.toThrow(/statement timeout/);
});
