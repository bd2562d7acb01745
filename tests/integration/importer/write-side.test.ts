import fs from 'fs';
import path from 'path';
import { startApp, type TestApp } from '../../helpers/strapi';
import { importBundle } from '../../../src/importer/import/import-bundle';
import type { ImportBundle } from '../../../src/importer/import/input';

/**
 * The importer's write side (issue 13): a different story with an already-used
 * headline still imports (its slug gets a suffix), and concurrent re-imports of
 * a changed bundle leave no orphan component rows.
 */
const ROOT = path.resolve(__dirname, '../../..');
const curated = (): ImportBundle => JSON.parse(fs.readFileSync(path.join(ROOT, 'database/seed/bundles/china-surveillance-export.json'), 'utf8'));

let app: TestApp;

beforeAll(async () => {
  app = await startApp();
}, 300_000);
afterAll(async () => {
  await app?.stop();
});

const draftByUri = (uri: string) => app.strapi.db.query('api::article.article').findOne({ where: { uri, publishedAt: null } });

describe('Given an imported story', () => {
  let first: ImportBundle;
  beforeAll(async () => {
    first = curated();
    await importBundle(app.strapi, first);
  });

  it('When a different story with the same headline is imported, Then it imports with a suffixed slug, and a rerun leaves both alone', async () => {
    const other = curated();
    other.article.uri = `${first.article.uri}-other-agency`;
    other.article.standfirst = 'Another agency, the same headline.';
    const report = await importBundle(app.strapi, other);
    expect(report.counts.article.created).toBe(1);
    expect((await draftByUri(other.article.uri))?.slug).toBe(`${first.article.slug}-2`);
    expect((await draftByUri(first.article.uri))?.slug).toBe(first.article.slug);

    const third = curated();
    third.article.uri = `${first.article.uri}-third-agency`;
    await importBundle(app.strapi, third);
    expect((await draftByUri(third.article.uri))?.slug).toBe(`${first.article.slug}-3`);

    const rerun = await importBundle(app.strapi, other);
    expect(rerun.counts.article.unchanged).toBe(1);
    expect((await draftByUri(other.article.uri))?.slug).toBe(`${first.article.slug}-2`);
  });

  it('When two changed versions of the bundle are re-imported at once, Then every credit component row belongs to an article', async () => {
    const changed = (n: number) => {
      const bundle = curated();
      bundle.article.standfirst = `Changed standfirst ${n}`;
      bundle.article.credits = [...(bundle.article.credits ?? []), { name: `Extra credit ${n}`, role: 'photographer' } as never];
      return bundle;
    };
    const results = await Promise.allSettled([importBundle(app.strapi, changed(1)), importBundle(app.strapi, changed(2))]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);

    const knex = app.strapi.db.connection;
    const creditTable = app.strapi.db.metadata.get('newsroom.credit' as never).tableName;
    const joinTable = `${app.strapi.db.metadata.get('api::article.article').tableName}_cmps`;
    const orphans = await knex(creditTable)
      .leftJoin(joinTable, function join() {
        this.on(`${joinTable}.cmp_id`, '=', `${creditTable}.id`).andOnVal(`${joinTable}.component_type`, '=', 'newsroom.credit');
      })
      .whereNull(`${joinTable}.cmp_id`)
      .count({ count: '*' });
    expect(Number(orphans[0].count)).toBe(0);
  });
});
