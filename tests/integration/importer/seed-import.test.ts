import fs from 'fs';
import os from 'os';
import path from 'path';
import { startApp, type TestApp } from '../../helpers/strapi';
import { importBundle } from '../../../src/importer/import/import-bundle';
import { runImport } from '../../../src/importer/run-import';
import { seedNewsroom } from '../../../src/importer/seed';
import type { StoryBundle } from '../../../src/importer/types';

const ROOT = path.resolve(__dirname, '../../..');
const BUNDLE_FILE = path.join(ROOT, 'database/seed/bundles/china-surveillance-export.json');
const STORY_FILE = path.join(ROOT, 'database/seed/stories/china-surveillance-export.txt');
const HEADLINE = 'China ready to export controversial surveillance techniques';
const TYPES = ['api::article.article', 'api::quote.quote', 'api::expert.expert', 'api::organization.organization', 'api::sanction-record.sanction-record'] as const;

let app: TestApp;
let scratch: string;

const curated = (): StoryBundle => JSON.parse(fs.readFileSync(BUNDLE_FILE, 'utf8'));
const rowCounts = async () =>
  Object.fromEntries(await Promise.all(TYPES.map(async (uid) => [uid, await app.strapi.db.query(uid).count()])));
const writeScratch = (name: string, content: string | Buffer) => {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, content);
  return file;
};
const resetDatabase = async () => {
  for (const uid of TYPES) await app.strapi.db.query(uid).deleteMany({});
  await app.strapi.db.connection('newsroom_organization_keys').delete();
};

beforeAll(async () => {
  app = await startApp();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-import-'));
});
afterAll(async () => {
  await app?.stop();
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('Given an empty database, when the seed runs', () => {
  let results: Awaited<ReturnType<typeof seedNewsroom>>;
  beforeAll(async () => {
    await resetDatabase();
    results = await seedNewsroom(app.strapi);
  });

  it('then it imports exactly one article with the story headline, as a draft', async () => {
    expect(results.map((result) => result.status)).toEqual(['imported']);
    const drafts = await app.strapi.documents('api::article.article').findMany({ status: 'draft' });
    expect(drafts.map((article) => article.headline)).toEqual([HEADLINE]);
    const published = await app.strapi.documents('api::article.article').findMany({ status: 'published' });
    expect(published).toHaveLength(0);
  });

  it('then every quoted passage is a quote attributed to its speaker, in story order', async () => {
    const quotes = await app.strapi.documents('api::quote.quote').findMany({
      status: 'draft',
      sort: 'position:asc',
      populate: { speaker: { fields: ['name'] }, speakerOrganization: { fields: ['name'] }, article: { fields: ['headline'] } },
    });
    expect(quotes.length).toBe(curated().quotes.length);
    expect(quotes.length).toBeGreaterThanOrEqual(12);
    const speakers = new Set(quotes.map((quote: any) => quote.speaker?.name ?? quote.speakerOrganization?.name ?? quote.speakerDescription));
    for (const name of ['Bethany Allen', 'Sydney Gabela', 'Galo Erazo', 'Sheena Greitens', 'Wang Xiaohong', 'Caltta Technologies']) {
      expect(speakers).toContain(name);
    }
    expect(quotes.every((quote: any) => quote.article?.headline === HEADLINE)).toBe(true);
    expect(quotes.map((quote: any) => quote.position)).toEqual([...quotes.map((quote: any) => quote.position)].sort((a, b) => a - b));
    const unnamed = quotes.find((quote: any) => !quote.speaker && /booth/.test(quote.speakerDescription ?? ''));
    expect(unnamed?.text).toMatch(/fugitive/);
    const minister = quotes.find((quote: any) => quote.speaker?.name === 'Wang Xiaohong');
    expect(minister?.quoteType).toBe('indirect');
  });

  it('then experts carry their affiliations', async () => {
    const allen = await app.strapi.documents('api::expert.expert').findFirst({
      status: 'draft',
      filters: { name: 'Bethany Allen' },
      populate: { affiliation: { fields: ['name'] } },
    });
    expect((allen as any)?.affiliation?.name).toBe('Australian Strategic Policy Institute');
  });

  it('then the three sanctions the story reports exist, linked to organization and authority', async () => {
    const records = await app.strapi.documents('api::sanction-record.sanction-record').findMany({
      status: 'draft',
      populate: { organization: { fields: ['name', 'previousNames'] }, authority: { fields: ['name'] } },
    });
    const reported = records.filter((record: any) => record.verificationStatus === 'as_reported');
    const byOrg = (pattern: RegExp) => reported.find((record: any) => pattern.test(record.organization?.name ?? ''));
    expect(byOrg(/Huawei/)).toMatchObject({ listingStatus: 'active', startDate: '2019' });
    expect(byOrg(/SDIC Intelligence/)).toMatchObject({ listingStatus: 'active' });
    expect((byOrg(/SDIC Intelligence/) as any).organization.previousNames).toContain('Meiya Pico');
    expect(byOrg(/Institute of Forensic/)).toMatchObject({ listingStatus: 'lifted', startDate: '2020' });
    expect(records.every((record: any) => record.organization && record.authority)).toBe(true);
  });

  it('then no ad, share line, "Read also" block or contact detail is stored in any text', async () => {
    const dump = JSON.stringify(
      await Promise.all(TYPES.map((uid) => app.strapi.db.query(uid).findMany({}))),
    );
    const noises = [
      'Spread the love',
      'Deposit Bonus',
      'The surveillance society made in China',
      'Chinese Internet users are subject',
      'nizhtimes',
      '268-7116',
      'Village Voice',
      'news desk since 2013',
    ];
    for (const noise of noises) {
      expect(dump).not.toContain(noise);
    }
  });

  it('then the Public role cannot read the seeded article', async () => {
    const list = await app.http().get('/api/articles');
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(0);
    const slug = curated().article.slug;
    expect((await app.http().get(`/api/articles/slug/${slug}`)).status).toBe(404);
  });

  it('and when it runs again, then it creates nothing', async () => {
    const before = await rowCounts();
    const again = await seedNewsroom(app.strapi);
    expect(again[0].status).toBe('imported');
    const report = (again[0] as { report: { counts: Record<string, { created: number; updated: number }> } }).report;
    expect(Object.values(report.counts).reduce((sum, tally) => sum + tally.created + tally.updated, 0)).toBe(0);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('Given an empty database, when two imports of the story run at once', () => {
  it('then no record is duplicated', async () => {
    await resetDatabase();
    await Promise.all([importBundle(app.strapi, curated()), importBundle(app.strapi, curated())]);
    const bundle = curated();
    const counts = await rowCounts();
    expect(counts['api::article.article']).toBe(1);
    expect(counts['api::quote.quote']).toBe(bundle.quotes.length);
    expect(counts['api::expert.expert']).toBe(bundle.people.length);
    expect(counts['api::organization.organization']).toBe(bundle.organizations.length);
  });
});

describe('Given an import that fails half-way', () => {
  it('then no row of it remains', async () => {
    await resetDatabase();
    await expect(
      importBundle(app.strapi, curated(), {
        onStep: (step) => {
          if (step === 'article') throw new Error('injected failure after the article was written');
        },
      }),
    ).rejects.toThrow('injected failure');
    expect(Object.values(await rowCounts()).every((count) => count === 0)).toBe(true);
    const keys = await app.strapi.db.connection('newsroom_organization_keys').count({ n: '*' }).first();
    expect(Number(keys?.n)).toBe(0);
  });
});

describe('Given an organization already known under its previous name', () => {
  it('then the import matches it by alias instead of creating a second one', async () => {
    await resetDatabase();
    const bundle = curated();
    const sdic = bundle.organizations.find((org) => org.previousNames.includes('Meiya Pico'));
    expect(sdic).toBeDefined();
    await importBundle(app.strapi, {
      ...bundle,
      article: { ...bundle.article, uri: 'urn:test:other', slug: 'other-story', headline: 'Other story', credits: [], sourceAgency: null },
      quotes: [],
      sanctions: [],
      people: [],
      organizations: [{ key: 'meiya', name: 'Meiya Pico', slug: 'meiya-pico', alternateNames: [], previousNames: [], orgType: 'company' }],
    });
    await importBundle(app.strapi, bundle);
    const matches = await app.strapi.db.query('api::organization.organization').findMany({ where: { slug: { $in: ['meiya-pico', sdic!.slug] } } });
    expect(matches).toHaveLength(1);
    expect(matches[0].alternateNames).toContain(sdic!.name);
  });
});

describe('Given a run over good and bad inputs', () => {
  let results: Awaited<ReturnType<typeof runImport>>;
  beforeAll(async () => {
    await resetDatabase();
    const bundle = curated();
    const noSpeaker = structuredClone(bundle);
    noSpeaker.quotes[0] = { ...noSpeaker.quotes[0], speaker: 'nobody-known' };
    const badDate = structuredClone(bundle);
    badDate.sanctions[0] = { ...badDate.sanctions[0], startDate: '2021-02-30' };
    const noHeadline = structuredClone(bundle) as any;
    delete noHeadline.article.headline;
    results = await runImport(app.strapi, [
      writeScratch('a-empty.txt', ''),
      writeScratch('b-junk.txt', Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7, 8, 9, 0])),
      writeScratch('c-no-headline.json', JSON.stringify(noHeadline)),
      writeScratch('d-unknown-speaker.json', JSON.stringify(noSpeaker)),
      writeScratch('e-impossible-date.json', JSON.stringify(badDate)),
      STORY_FILE,
    ]);
  });

  it('then each bad story is refused with its file, field and reason', () => {
    const refused = Object.fromEntries(results.filter((r) => r.status === 'refused').map((r) => [path.basename(r.file), (r as { error: string }).error]));
    expect(Object.keys(refused).sort()).toEqual(['a-empty.txt', 'b-junk.txt', 'c-no-headline.json', 'd-unknown-speaker.json', 'e-impossible-date.json']);
    expect(refused['a-empty.txt']).toMatch(/a-empty\.txt.*empty/i);
    expect(refused['b-junk.txt']).toMatch(/b-junk\.txt.*(binary|text)/i);
    expect(refused['c-no-headline.json']).toMatch(/c-no-headline\.json[\s\S]*article\.headline/);
    expect(refused['d-unknown-speaker.json']).toMatch(/d-unknown-speaker\.json[\s\S]*quotes?\b[\s\S]*speaker[\s\S]*nobody-known/);
    expect(refused['e-impossible-date.json']).toMatch(/e-impossible-date\.json[\s\S]*sanctions\[?\.?0\]?\.?startDate/);
  });

  it('then the good story still imports, and nothing of the bad ones remains', async () => {
    const good = results.find((r) => r.file === STORY_FILE);
    expect(good?.status).toBe('imported');
    expect(await app.strapi.db.query('api::article.article').count()).toBe(1);
  });
});

describe('Given a dry run', () => {
  it('then it reports the plan and writes nothing', async () => {
    await resetDatabase();
    const [result] = await runImport(app.strapi, [BUNDLE_FILE], { dryRun: true });
    expect(result.status).toBe('planned');
    expect((result as { report: { counts: { article: { created: number } } } }).report.counts.article.created).toBe(1);
    expect(Object.values(await rowCounts()).every((count) => count === 0)).toBe(true);
  });
});
