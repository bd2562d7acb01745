import fs from 'fs';
import path from 'path';
import { startApp, type TestApp } from '../../helpers/strapi';
import { importBundles } from '../../../src/importer/import/import-bundle';
import type { ImportBundle } from '../../../src/importer/import/input';

/**
 * Several stories in one transaction, each still all or nothing: a refused
 * story rolls the batch back and the stories are imported one by one, so the
 * refused one leaves nothing and the others are kept.
 */
const BUNDLE_FILE = path.resolve(__dirname, '../../../database/seed/bundles/china-surveillance-export.json');
const seeded = (): ImportBundle => JSON.parse(fs.readFileSync(BUNDLE_FILE, 'utf8'));
const another = (suffix: string): ImportBundle => {
  const bundle = seeded();
  bundle.article.uri = `${bundle.article.uri}-${suffix}`;
  bundle.article.headline = `${bundle.article.headline} (${suffix})`;
  bundle.article.slug = `${bundle.article.slug}-${suffix}`;
  return bundle;
};
const broken = (): ImportBundle => {
  const bundle = another('broken');
  bundle.quotes[0].speaker = 'nobody-we-know';
  return bundle;
};

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const articleUris = async () =>
  ((await app.strapi.db.query('api::article.article').findMany({ select: ['uri'] })) as { uri: string }[]).map((row) => row.uri).sort();

const counted = async <T>(work: () => Promise<T>) => {
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

describe('Given a batch of stories', () => {
  it('then they are written in one transaction', async () => {
    const { result, statements } = await counted(() => importBundles(app.strapi, [{ bundle: seeded() }, { bundle: another('two') }]));
    expect(result.map((item) => ('report' in item ? item.report.counts.article.created : item.error))).toEqual([1, 1]);
    expect(statements.filter((sql) => /^(begin|commit)/i.test(sql.trim()))).toHaveLength(2);
    expect(await articleUris()).toEqual([seeded().article.uri, another('two').article.uri].sort());
  });

  it('then a refused story leaves nothing behind and the others of its batch are kept', async () => {
    const results = await importBundles(app.strapi, [{ bundle: another('three'), file: 'three' }, { bundle: broken(), file: 'broken' }, { bundle: another('four'), file: 'four' }]);
    expect(results.map((item) => item.file)).toEqual(['three', 'broken', 'four']);
    expect('report' in results[0] && results[0].report.counts.article.created).toBe(1);
    expect('error' in results[1] && String((results[1].error as Error).message)).toMatch(/unknown key "nobody-we-know"/);
    expect('report' in results[2] && results[2].report.counts.article.created).toBe(1);
    expect(await articleUris()).toEqual([seeded(), another('two'), another('three'), another('four')].map((bundle) => bundle.article.uri).sort());
    const quotes = await app.strapi.db.query('api::quote.quote').count();
    expect(quotes).toBe(4 * seeded().quotes.length);
  });

  it('then importing the same batch again changes nothing', async () => {
    const before = await app.strapi.db.query('api::quote.quote').findMany({ select: ['documentId', 'updatedAt', 'label'] });
    const results = await importBundles(app.strapi, [{ bundle: seeded() }, { bundle: another('two') }]);
    for (const item of results) {
      expect('report' in item && item.report.counts.article.unchanged).toBe(1);
      expect('report' in item && item.report.counts.organization.created + item.report.counts.organization.updated).toBe(0);
    }
    expect(await app.strapi.db.query('api::quote.quote').findMany({ select: ['documentId', 'updatedAt', 'label'] })).toEqual(before);
  });
});
