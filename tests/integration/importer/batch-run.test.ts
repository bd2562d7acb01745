/**
 * `npm run import` over many stories (issue 14, "a batching importer"):
 * stories go in batches per transaction, and a story still sees what the
 * earlier stories of its batch wrote — an organisation a bundle brought, with
 * its alias, is recognised by the raw story after it, as one story at a time.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { startApp, type TestApp } from '../../helpers/strapi';
import { runImport } from '../../../src/importer/run-import';

const ROOT = path.resolve(__dirname, '../../..');
const BUNDLE_FILE = path.join(ROOT, 'database/seed/bundles/china-surveillance-export.json');

const KIEL = { key: 'kiel-institute-for-the-world-economy', name: 'Kiel Institute for the World Economy', slug: 'kiel-institute-for-the-world-economy', alternateNames: ['IfW Kiel'], previousNames: [], orgType: 'think_tank', country: 'DE' };

/** The seeded bundle, also bringing the Kiel Institute and its short name. */
const bundleWithKiel = () => {
  const bundle = JSON.parse(fs.readFileSync(BUNDLE_FILE, 'utf8'));
  bundle.organizations.push(KIEL);
  return JSON.stringify(bundle);
};

/** A raw story that names the institute only by its short name. */
const storyQuotingIfw = (headline: string) =>
  [
    headline,
    'By Jane Roe',
    'Prices in the euro area will rise again this year, according to new forecasts.',
    '“Inflation will stay above target until the summer,” IfW Kiel said in its quarterly outlook.',
    '',
  ].join('\n\n');

let app: TestApp;
let scratch: string;

beforeAll(async () => {
  app = await startApp();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-batch-'));
});
afterAll(async () => {
  await app?.stop();
  fs.rmSync(scratch, { recursive: true, force: true });
});

const reset = async () => {
  for (const uid of ['api::quote.quote', 'api::article.article', 'api::expert.expert', 'api::sanction-record.sanction-record', 'api::organization.organization'] as const)
    await app.strapi.db.query(uid).deleteMany({});
  await app.strapi.db.connection('newsroom_organization_keys').delete();
};

const folder = (name: string, files: Record<string, string>) => {
  const dir = path.join(scratch, name);
  fs.mkdirSync(dir);
  for (const [file, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), content);
  return dir;
};

/** How many top-level transactions (commits) `work` opened through Strapi's database layer (a spy: the real transaction runs). */
const transactionsDuring = async <T>(work: () => Promise<T>) => {
  const db = app.strapi.db as unknown as { transaction: (...args: unknown[]) => Promise<unknown>; inTransaction: () => boolean };
  const original = db.transaction;
  let opened = 0;
  db.transaction = function (this: unknown, ...args: unknown[]) {
    if (!db.inTransaction()) opened += 1;
    return original.apply(this, args);
  };
  try {
    return { result: await work(), opened };
  } finally {
    db.transaction = original;
  }
};

const ifwQuote = (articleDocumentId: string) =>
  app.strapi.documents('api::quote.quote').findFirst({
    filters: { text: { $startsWith: 'Inflation will stay' }, article: { documentId: articleDocumentId } },
    populate: { speakerOrganization: true },
    status: 'draft',
  }) as Promise<{ speakerOrganization?: { name: string } | null } | null>;

describe('Given a bundle bringing an organisation and a raw story quoting it by its short name, in one folder', () => {
  it.each([
    ['in one batch (the default)', undefined, 1],
    ['one story per transaction (--batch 1)', 1, 2],
  ])('when imported %s, then the story after the bundle attributes the quote to that organisation', async (_label, batchSize, transactions) => {
    await reset();
    const dir = folder(`kiel-${batchSize ?? 'default'}`, { 'a-bundle.json': bundleWithKiel(), 'b-story.txt': storyQuotingIfw('Economists expect prices to rise') });

    const { result, opened } = await transactionsDuring(() => runImport(app.strapi, [dir], { batchSize }));

    expect(result.map((r) => [path.basename(r.file), r.status])).toEqual([
      ['a-bundle.json', 'imported'],
      ['b-story.txt', 'imported'],
    ]);
    expect(opened).toBe(transactions);
    const story = result[1] as { report: { articleDocumentId: string } };
    expect((await ifwQuote(story.report.articleDocumentId))?.speakerOrganization?.name).toBe(KIEL.name);
    expect(await app.strapi.db.query('api::organization.organization').count({ where: { slug: KIEL.slug } })).toBe(1);
  });
});

describe('Given a batch where one file is not a story and one story breaks a rule', () => {
  it('then both are refused with their reason, nothing of them remains, and the others are imported', async () => {
    await reset();
    const broken = JSON.parse(bundleWithKiel());
    broken.article.uri = `${broken.article.uri}-broken`;
    broken.quotes[0].speaker = 'nobody-we-know';
    const dir = folder('mixed', {
      'a-bundle.json': bundleWithKiel(),
      'b-empty.txt': '',
      'c-broken.json': JSON.stringify(broken),
      'd-story.txt': storyQuotingIfw('Economists expect prices to rise'),
    });

    const results = await runImport(app.strapi, [dir]);

    const outcome = Object.fromEntries(results.map((r) => [path.basename(r.file), r.status === 'refused' ? r.error : r.status]));
    expect(outcome['a-bundle.json']).toBe('imported');
    expect(outcome['d-story.txt']).toBe('imported');
    expect(outcome['b-empty.txt']).toMatch(/b-empty\.txt.*empty/i);
    expect(outcome['c-broken.json']).toMatch(/c-broken\.json[\s\S]*speaker[\s\S]*nobody-we-know/);
    const uris = ((await app.strapi.db.query('api::article.article').findMany({ select: ['uri'] })) as { uri: string }[]).map((row) => row.uri);
    expect(uris).not.toContain(broken.article.uri);
    expect(new Set(uris).size).toBe(2);
  });
});

describe('Given a dry run of a batch', () => {
  it('then the later story is planned with what the earlier one would create, and nothing is written', async () => {
    await reset();
    const dir = folder('dry', { 'a-bundle.json': bundleWithKiel(), 'b-story.txt': storyQuotingIfw('Economists expect prices to rise') });

    const results = await runImport(app.strapi, [dir], { dryRun: true });

    expect(results.map((r) => r.status)).toEqual(['planned', 'planned']);
    // the institute is created by the bundle, so the story finds it rather than creating it again
    const story = results[1] as { report: { counts: { organization: { created: number; unchanged: number; updated: number } } } };
    expect(story.report.counts.organization.created).toBe(0);
    expect(story.report.counts.organization.unchanged + story.report.counts.organization.updated).toBeGreaterThanOrEqual(1);
    expect(await app.strapi.db.query('api::article.article').count()).toBe(0);
    expect(await app.strapi.db.query('api::organization.organization').count()).toBe(0);
  });
});
