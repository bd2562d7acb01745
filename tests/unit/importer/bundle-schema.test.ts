import { readFileSync } from 'fs';
import path from 'path';
import { BundleValidationError, validateBundle } from '../../../src/importer/bundle-schema';
import { parseStory } from '../../../src/importer/parse';
import type { StoryBundle } from '../../../src/importer/types';

const ROOT = path.join(__dirname, '../../..');
const BUNDLE_FILE = 'database/seed/bundles/china-surveillance-export.json';
const STORY_FILE = 'database/seed/stories/china-surveillance-export.txt';

const curatedJson = (): StoryBundle => JSON.parse(readFileSync(path.join(ROOT, BUNDLE_FILE), 'utf8')) as StoryBundle;

/** Builder: the curated bundle with one edit applied. */
const curatedWith = (edit: (bundle: StoryBundle) => void): StoryBundle => {
  const bundle = curatedJson();
  edit(bundle);
  return bundle;
};

const problemsOf = (input: unknown, file = 'bad.json'): string[] => {
  try {
    validateBundle(input, file);
  } catch (error) {
    expect(error).toBeInstanceOf(BundleValidationError);
    expect((error as Error).message).toContain(`Invalid story bundle ${file}`);
    return (error as BundleValidationError).problems.map((p) => `${p.path}: ${p.reason}`);
  }
  throw new Error('expected validateBundle to throw');
};

describe('Given the curated bundle checked in under database/seed/bundles', () => {
  describe('When it is validated', () => {
    it('Then it is accepted and returned typed', () => {
      const bundle = validateBundle(curatedJson(), BUNDLE_FILE);
      expect(bundle.article.uri).toBe('urn:newsroom:afp:china-surveillance-export');
      expect(bundle.sanctions.filter((s) => s.verificationStatus === 'verified')).toHaveLength(4);
    });
  });

  describe('When the verified sanctions are read', () => {
    const bundle = curatedJson();
    it('Then each cites its source and carries exact dates', () => {
      const verified = bundle.sanctions.filter((s) => s.verificationStatus === 'verified');
      for (const record of verified) expect(record.sourceUrl).toMatch(/^https:\/\/(www\.federalregister\.gov|home\.treasury\.gov)\//);
      expect(verified.map((s) => [s.key, s.startDate ?? null, s.endDate ?? null, s.listingDate ?? null])).toEqual([
        ['huawei-entity-list-2019', '2019-05-16', null, '2019-05-21'],
        ['sdic-intelligence-xiamen-information-entity-list-2019', '2019-10-09', null, '2019-10-09'],
        ['sdic-intelligence-xiamen-information-ns-cmic-2021', null, null, '2021-12-16'],
        ['institute-of-forensic-science-of-china-entity-list-2020', '2020-06-05', '2023-11-16', '2020-06-05'],
      ]);
    });

    it('Then the records the story reports are still there, as_reported', () => {
      expect(bundle.sanctions.filter((s) => s.verificationStatus === 'as_reported').map((s) => s.key)).toEqual([
        'reported-huawei',
        'reported-sdic-intelligence-xiamen-information',
        'reported-institute-of-forensic-science-of-china',
      ]);
    });
  });
});

describe('Given the raw parser output', () => {
  it('When it is validated, Then it is accepted with and without retrievedAt', () => {
    const raw = readFileSync(path.join(ROOT, STORY_FILE), 'utf8');
    expect(() => validateBundle(JSON.parse(JSON.stringify(parseStory(raw, { sourceFile: STORY_FILE }))), 'generated')).not.toThrow();
    const dated = parseStory(raw, { sourceFile: STORY_FILE, retrievedAt: '2025-06-12T01:30:00+08:00' });
    expect(() => validateBundle(JSON.parse(JSON.stringify(dated)), 'generated')).not.toThrow();
    // as the importer does it: the object itself, no JSON round trip (no stray undefined-valued keys)
    expect(validateBundle(parseStory(raw, { sourceFile: STORY_FILE }), 'generated').quotes).toHaveLength(18);
  });
});

describe('Given bundles with one defect each', () => {
  it.each<[string, (b: StoryBundle) => void, string]>([
    ['a missing headline', (b) => delete (b.article as Partial<StoryBundle['article']>).headline, 'article.headline: is required'],
    ['a blank headline', (b) => (b.article.headline = '   '), 'article.headline: must not be empty'],
    [
      'a quote with no speaker, organisation or description',
      (b) => {
        delete b.quotes[4].speakerOrganization;
      },
      'quotes[4].speaker: a quote needs a speaker, a speakerOrganization or a speakerDescription',
    ],
    ['a quote naming an unknown person', (b) => (b.quotes[1].speaker = 'nobody'), 'quotes[1].speaker: refers to unknown person key "nobody"'],
    ['an impossible sanction date', (b) => (b.sanctions[3].startDate = '2021-02-30'), 'sanctions[3].startDate: must be a real calendar date'],
    ['a malformed sanction date', (b) => (b.sanctions[0].startDate = '2019/05/16'), 'sanctions[0].startDate: must be a partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD'],
    ['an endDate before the startDate', (b) => (b.sanctions[6].endDate = '2020-06-04'), 'sanctions[6].endDate: endDate must not be before startDate'],
    ['a bad country code', (b) => (b.organizations[0].country = 'XX'), 'organizations[0].country: must be an ISO 3166-1 alpha-2 country code (e.g. US, CN)'],
    ['a lowercase country code', (b) => (b.people[5].nationality = 'za'), 'people[5].nationality: must be an ISO 3166-1 alpha-2 country code (e.g. US, CN)'],
    ['a bad Wikidata id', (b) => (b.organizations[7].wikidataId = 'Q01'), 'organizations[7].wikidataId: must be a Wikidata item id: Q followed by digits'],
    ['a verified sanction without a source', (b) => delete b.sanctions[3].sourceUrl, 'sanctions[3].sourceUrl: a verified record needs a sourceUrl'],
    ['an authority country that contradicts the authority', (b) => (b.sanctions[0].authorityCountry = 'CN'), "sanctions[0].authorityCountry: must match the authority's country (US)"],
    ['a duplicate organisation key', (b) => b.organizations.push({ ...b.organizations[0] }), 'organizations[16].key: duplicate key "agence-france-presse"'],
    ['a heading without a valid level', (b) => ((b.article.body[7] as { level: number }).level = 7), 'article.body[7].level: heading level must be an integer from 1 to 6'],
    ['an unknown field (typo)', (b) => Object.assign(b.article, { hedline: 'x' }), 'article: has unknown field(s): hedline'],
    ['an e-mail address anywhere', (b) => (b.removed[12].text = 'write to desk@example.org'), 'removed[12].text: contains contact details (e-mail address or phone number) that must not be stored'],
    ['an unknown enum value', (b) => Object.assign(b.quotes[0], { quoteType: 'paraphrase' }), 'quotes[0].quoteType: must be one of: direct, partial, indirect'],
    ['a datePublished without timezone', (b) => (b.article.datePublished = '2025-06-11T10:29'), 'article.datePublished: must be an ISO 8601 date-time with a timezone (e.g. 2025-06-11T10:29:00.000Z)'],
  ])('When the bundle has %s, Then the error names the file and the field path', (_label, edit, expected) => {
    expect(problemsOf(curatedWith(edit), 'bad.json')).toEqual([expected]);
  });

  it('When several fields fail, Then every failure is reported in one error', () => {
    const bundle = curatedWith((b) => {
      delete (b.article as Partial<StoryBundle['article']>).headline;
      b.organizations[0].country = 'USA';
      b.sanctions[2].endDate = '2018';
    });
    let message = '';
    try {
      validateBundle(bundle, 'database/seed/bundles/x.json');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'Invalid story bundle database/seed/bundles/x.json (3 problems):',
      '  - article.headline: is required',
      '  - organizations[0].country: must be an ISO 3166-1 alpha-2 country code (e.g. US, CN)',
      '  - sanctions[2].endDate: endDate must not be before startDate',
    ]);
  });

  it('When the input is not an object, Then it is rejected at the root', () => {
    expect(problemsOf(null)).toEqual(['(root): must be a JSON object']);
    expect(problemsOf('{"a":1}')).toEqual(['(root): must be a JSON object']);
    expect(problemsOf({}).length).toBeGreaterThanOrEqual(9);
  });
});
