import { readFileSync } from 'fs';
import path from 'path';
import { parseStory } from '../../../src/importer/parse';

const STORY_FILE = 'database/seed/stories/china-surveillance-export.txt';
const raw = readFileSync(path.join(__dirname, '../../..', STORY_FILE), 'utf8');

const story = (...paragraphs: string[]): string =>
  ['Test headline for sanctions', 'Jane Roe – Agence France-Presse in Paris', ...paragraphs].join('\n\n');

describe('Given the scraped China surveillance story', () => {
  describe('When sanctions are extracted', () => {
    const { sanctions } = parseStory(raw, { sourceFile: STORY_FILE });

    it('Then the three sanctions the story reports are found, all as_reported by the U.S.', () => {
      expect(sanctions.map((s) => s.organization)).toEqual(['huawei', 'sdic-intelligence-xiamen-information', 'institute-of-forensic-science-of-china']);
      for (const s of sanctions) {
        expect(s).toMatchObject({ authority: 'united-states-government', authorityCountry: 'US', verificationStatus: 'as_reported' });
        expect(s.sourceUrl).toBeUndefined();
      }
    });

    it('Then Huawei is under an active sanction since 2019 for alleged spying', () => {
      expect(sanctions[0]).toEqual({
        key: 'reported-huawei',
        organization: 'huawei',
        authority: 'united-states-government',
        authorityCountry: 'US',
        measureType: 'sanction',
        status: 'active',
        verificationStatus: 'as_reported',
        startDate: '2019',
        reason: 'accused of spying for the Chinese authorities',
      });
    });

    it('Then SDIC (Meiya Pico) is sanctioned, with no year (the story gives none), for the tracking app', () => {
      expect(sanctions[1]).toMatchObject({ key: 'reported-sdic-intelligence-xiamen-information', status: 'active', measureType: 'sanction' });
      expect(sanctions[1].startDate).toBeUndefined();
      expect(sanctions[1].reason).toMatch(/^developing an application “designed to track sound and image files/);
    });

    it('Then the Institute was cut off from U.S. technology in 2020 and the measure was lifted over fentanyl cooperation', () => {
      expect(sanctions[2]).toEqual({
        key: 'reported-institute-of-forensic-science-of-china',
        organization: 'institute-of-forensic-science-of-china',
        authority: 'united-states-government',
        authorityCountry: 'US',
        measureType: 'export_control',
        status: 'lifted',
        verificationStatus: 'as_reported',
        startDate: '2020',
        reason: 'complicit of human rights violations and abuses',
        delistingReason: 'cooperation efforts between Beijing and Washington to combat fentanyl trafficking',
      });
    });
  });
});

describe('Given sanction sentences written in other ways', () => {
  it('When the authority cannot be identified, Then no record is stored and the sentence is flagged', () => {
    const bundle = parseStory(story('Huawei has been under sanctions since 2019, according to several reports.'));
    expect(bundle.sanctions).toEqual([]);
    expect(bundle.reviewFlags.some((f) => f.code === 'unknown_entity' && /authority could not be identified/.test(f.message))).toBe(true);
  });

  it('When a second sanction on the same company is reported, Then both get distinct keys', () => {
    const bundle = parseStory(
      story(
        'Huawei has been under sanctions since 2019 by the United States, which accuses it of spying.',
        'Huawei was also sanctioned in 2021 by the U.S. Treasury.',
      ),
    );
    expect(bundle.sanctions.map((s) => [s.key, s.authority, s.startDate])).toEqual([
      ['reported-huawei', 'united-states-government', '2019'],
      ['reported-huawei-2', 'us-department-of-the-treasury', '2021'],
    ]);
  });

  it('When nothing says the measure was lifted, Then it stays active', () => {
    const bundle = parseStory(story('This is a story about Huawei.', 'Huawei was sanctioned in 2020 by Washington.', 'The company denies wrongdoing.'));
    expect(bundle.sanctions[0].status).toBe('active');
  });
});

describe('Given sanctions reported in the active voice, on countries as well as companies', () => {
  const sanctionsOf = (...paragraphs: string[]) =>
    parseStory(story(...paragraphs)).sanctions.map((s) => [s.organization, s.authority, s.measureType, s.startDate ?? null]);

  it('When a president "imposed a comprehensive trade embargo against" a country, Then the country is the target and his government the authority', () => {
    expect(
      sanctionsOf(
        'The United States plans to lift trade sanctions on Sudan, officials said.',
        'In 1997, President Bill Clinton imposed a comprehensive trade embargo against Sudan and blocked the assets of the Sudanese government.',
      ),
    ).toEqual([['sudan', 'united-states-government', 'sanction', '1997']]);
  });

  it('When a government "imposed a trade embargo on" a country, Then it is read', () => {
    expect(sanctionsOf('The United States imposed a trade embargo on Cuba in 1962.')).toEqual([['cuba', 'united-states-government', 'sanction', '1962']]);
  });

  it('When a ministry "sanctioned" a company, Then the company is the target', () => {
    expect(sanctionsOf('The U.S. Treasury sanctioned Huawei in 2021 over its sales to Iran.')).toEqual([
      ['huawei', 'us-department-of-the-treasury', 'sanction', '2021'],
    ]);
  });

  it('When a country "was sanctioned by" a government, Then the country is the target', () => {
    expect(sanctionsOf('Venezuela was sanctioned by Washington in 2019.')).toEqual([['venezuela', 'united-states-government', 'sanction', '2019']]);
  });

  it('When American sanctions "on" a country are reported, Then the demonym names the authority', () => {
    expect(sanctionsOf('American sanctions on Iran were tightened in 2018.')).toEqual([['iran', 'united-states-government', 'sanction', '2018']]);
  });

  it('When the subject is a president and no government is named, Then nothing is guessed: no record, and the editor is told', () => {
    const bundle = parseStory(story('In 1997, President Bill Clinton imposed a trade embargo against Sudan.'));
    expect(bundle.sanctions).toEqual([]);
    expect(bundle.reviewFlags.some((f) => f.code === 'unknown_entity' && /authority could not be identified/.test(f.message))).toBe(true);
  });

  it('When a body that is not a state "imposed sanctions on" someone, or a ban is not a sanction, Then no record is made', () => {
    expect(sanctionsOf('The league imposed sanctions on the club after the match.')).toEqual([]);
    expect(sanctionsOf('The company imposed a ban on smoking in its offices in 2019.')).toEqual([]);
  });
});
