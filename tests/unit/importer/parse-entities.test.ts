import { readFileSync } from 'fs';
import path from 'path';
import { parseStory } from '../../../src/importer/parse';
import { ministryFromTitle } from '../../../src/importer/parse/entities';

const STORY_FILE = 'database/seed/stories/china-surveillance-export.txt';
const raw = readFileSync(path.join(__dirname, '../../..', STORY_FILE), 'utf8');

const story = (...paragraphs: string[]): string =>
  ['Test headline for entities', 'Jane Roe – Agence France-Presse in Paris', ...paragraphs].join('\n\n');

describe('Given the scraped China surveillance story', () => {
  describe('When people are extracted', () => {
    const { people } = parseStory(raw, { sourceFile: STORY_FILE });
    const byKey = new Map(people.map((p) => [p.key, p]));

    it('Then the eight people are found, credits first', () => {
      expect(people.map((p) => p.name)).toEqual([
        'Isabel Kua',
        'Louise Delmotte',
        'Teilor Stone',
        'Wang Xiaohong',
        'Bethany Allen',
        'Sydney Gabela',
        'Galo Erazo',
        'Sheena Greitens',
      ]);
    });

    it.each([
      ['bethany-allen', { affiliation: 'australian-strategic-policy-institute', expertType: 'analyst', jobTitle: 'expert' }],
      ['sheena-greitens', { affiliation: 'university-of-texas', expertType: 'academic', jobTitle: 'expert' }],
      ['sydney-gabela', { affiliation: 'south-african-police-service', expertType: 'law_enforcement', jobTitle: 'major general', nationality: 'ZA' }],
      ['galo-erazo', { affiliation: 'ecuadorian-national-police', expertType: 'law_enforcement', jobTitle: 'Colonel', nationality: 'EC' }],
      ['wang-xiaohong', { affiliation: 'ministry-of-public-security-cn', expertType: 'official', jobTitle: 'Public Security Minister', nationality: 'CN' }],
      ['isabel-kua', { affiliation: 'agence-france-presse', expertType: 'journalist', jobTitle: 'reporter' }],
      ['louise-delmotte', { affiliation: 'associated-press', expertType: 'journalist', jobTitle: 'photographer' }],
      ['teilor-stone', { expertType: 'journalist' }],
    ])('Then %s has the expected affiliation and type', (key, expected) => {
      const person = byKey.get(key);
      expect(person).toMatchObject({ ...expected, slug: key });
      if (!('nationality' in expected)) expect(person?.nationality).toBeUndefined();
    });
  });

  describe('When organisations are extracted', () => {
    const { organizations } = parseStory(raw, { sourceFile: STORY_FILE });
    const byKey = new Map(organizations.map((o) => [o.key, o]));

    it('Then every organisation the story names is there once, with a unique stable key', () => {
      expect(organizations.map((o) => o.key).sort()).toEqual(
        [
          'agence-france-presse',
          'associated-press',
          'australian-strategic-policy-institute',
          'caltta-technologies',
          'chinese-communist-party',
          'ecuadorian-national-police',
          'global-forum-on-public-security-cooperation',
          'huawei',
          'institute-of-forensic-science-of-china',
          'ministry-of-public-security-cn',
          'sdic-intelligence-xiamen-information',
          'south-african-police-service',
          'united-states-government',
          'university-of-texas',
          'us-department-of-the-treasury',
        ].sort(),
      );
    });

    it('Then SDIC carries its previous name from "(formerly Meiya Pico)"', () => {
      expect(byKey.get('sdic-intelligence-xiamen-information')?.previousNames).toContain('Meiya Pico');
      expect(byKey.get('sdic-intelligence-xiamen-information')?.previousNames).toContain('Xiamen Meiya Pico Information');
    });

    it("Then the story's 'Institute of Forensic Medicine' is normalised to the Institute of Forensic Science of China under the Ministry", () => {
      expect(byKey.get('institute-of-forensic-science-of-china')).toMatchObject({
        name: 'Institute of Forensic Science of China',
        orgType: 'government_agency',
        country: 'CN',
        parentOrganization: 'ministry-of-public-security-cn',
      });
      expect(byKey.get('institute-of-forensic-science-of-china')?.alternateNames).toContain('Institute of Forensic Medicine of the Ministry of Public Security');
    });

    it('Then "Washington" and "the United States" are one organisation, the U.S. government', () => {
      expect(byKey.get('united-states-government')?.alternateNames).toEqual(expect.arrayContaining(['Washington', 'United States']));
    });

    it.each([
      ['agence-france-presse', 'news_agency', 'FR'],
      ['australian-strategic-policy-institute', 'think_tank', 'AU'],
      ['university-of-texas', 'university', 'US'],
      ['south-african-police-service', 'police', 'ZA'],
      ['ecuadorian-national-police', 'police', 'EC'],
      ['ministry-of-public-security-cn', 'ministry', 'CN'],
      ['caltta-technologies', 'company', 'CN'],
      ['chinese-communist-party', 'political_party', 'CN'],
      ['global-forum-on-public-security-cooperation', 'event', 'CN'],
    ])('Then %s is a %s in %s', (key, orgType, country) => {
      expect(byKey.get(key)).toMatchObject({ orgType, country });
    });

    it('Then no Wikidata id is asserted (none was verified)', () => {
      expect(organizations.filter((o) => o.wikidataId !== undefined)).toEqual([]);
    });
  });
});

describe('Given organisation facts the lexicon does not know', () => {
  describe('When a story says "X (formerly Y)" and "Name (ACR)"', () => {
    const bundle = parseStory(
      story(
        'Acme Vision Systems (formerly Foo Optics) has also been sanctioned by Washington for supplying cameras.',
        'Delegates met at the Global Forum on Public Security Cooperation (GFPSC) in Lianyungang.',
      ),
    );

    it('Then the previous name is derived from the text, the company created and flagged', () => {
      expect(bundle.organizations.find((o) => o.key === 'acme-vision-systems')).toMatchObject({
        name: 'Acme Vision Systems',
        previousNames: ['Foo Optics'],
        orgType: 'company',
      });
      expect(bundle.reviewFlags.some((f) => f.code === 'unknown_entity' && f.excerpt === 'Acme Vision Systems')).toBe(true);
    });

    it('Then an acronym in brackets becomes an alternate name of the organisation before it', () => {
      expect(bundle.organizations.find((o) => o.key === 'global-forum-on-public-security-cooperation')?.alternateNames).toEqual(['GFPSC']);
    });

    it('Then the sanction is read for the new company too', () => {
      expect(bundle.sanctions).toEqual([
        expect.objectContaining({ organization: 'acme-vision-systems', authority: 'united-states-government', reason: 'supplying cameras' }),
      ]);
    });
  });

  it.each([
    ['Public Security Minister', 'Ministry of Public Security'],
    ['Minister of Defence', 'Ministry of Defence'],
    ['Prime Minister', undefined],
    ['Colonel', undefined],
  ])('When the title is %s, Then the ministry is %s', (title, ministry) => {
    expect(ministryFromTitle(title)).toBe(ministry);
  });
});
