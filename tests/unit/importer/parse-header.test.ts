import { readFileSync } from 'fs';
import path from 'path';
import { parseStory } from '../../../src/importer/parse';
import { parseFooterByline, parseHeaderByline } from '../../../src/importer/parse/byline';
import { resolvePublishedDate } from '../../../src/importer/parse/dates';
import { parsePhotoLine } from '../../../src/importer/parse/photo';

const STORY_FILE = 'database/seed/stories/china-surveillance-export.txt';
const raw = readFileSync(path.join(__dirname, '../../..', STORY_FILE), 'utf8');

describe('Given the scraped China surveillance story', () => {
  describe('When it is parsed', () => {
    const { article, reviewFlags, source } = parseStory(raw, { sourceFile: STORY_FILE });

    it('Then the headline, slug and a stable uri from the file name are set', () => {
      expect(article.headline).toBe('China ready to export controversial surveillance techniques');
      expect(article.slug).toBe('china-ready-to-export-controversial-surveillance-techniques');
      expect(article.uri).toBe('urn:newsroom:afp:china-surveillance-export');
      expect(source).toEqual({ file: STORY_FILE, format: 'scraped_text' });
    });

    it('Then the printed byline is kept as printed and gives the dateline', () => {
      expect(article.byline).toBe('Isabel Kua – Agence France-Presse in Lianyungang');
      expect(article.dateline).toBe('Lianyungang');
      expect(article.sourceAgency).toBe('agence-france-presse');
    });

    it("Then both bylines become credits: the AFP reporter, the photographer and the site's byline", () => {
      expect(article.credits).toEqual([
        { name: 'Isabel Kua', role: 'reporter', organization: 'agence-france-presse' },
        { name: 'Louise Delmotte', role: 'photographer', organization: 'associated-press' },
        { name: 'Teilor Stone', role: 'byline' },
      ]);
    });

    it('Then the conflicting bylines are flagged for the desk', () => {
      const flags = reviewFlags.filter((f) => f.code === 'conflicting_bylines');
      expect(flags).toHaveLength(1);
      expect(flags[0]).toMatchObject({ path: 'article.credits' });
      expect(flags[0].message).toContain('Isabel Kua (Agence France-Presse)');
      expect(flags[0].message).toContain('By Teilor Stone');
    });

    it('Then the photo line is split into caption and credit', () => {
      expect(article.leadImage).toEqual({
        caption: 'Surveillance cameras on the Great Wall of China in Beijing',
        credit: 'Louise Delmotte / Associated Press',
      });
    });

    it('Then the section is read without its bullet', () => {
      expect(article.section).toBe('Asia');
    });

    it('Then the relative date is kept as printed but not resolved, and is flagged', () => {
      expect(article.publishedAtText).toBe('yesterday at 10:29');
      expect(article.datePublished).toBeNull();
      const flag = reviewFlags.find((f) => f.code === 'relative_date');
      expect(flag).toMatchObject({ path: 'article.datePublished', excerpt: 'yesterday at 10:29' });
      expect(flag?.message).toMatch(/no retrievedAt was given/);
      expect(reviewFlags.some((f) => f.path === 'article.datePublished' && f.code === 'inferred_field')).toBe(false);
    });

    it('Then translation method and original language are set and flagged as inferences', () => {
      expect(article.translationMethod).toBe('machine');
      expect(article.originalLanguage).toBe('fr');
      expect(article.language).toBe('en');
      const inferred = reviewFlags.filter((f) => f.code === 'inferred_field').map((f) => f.path);
      expect(inferred).toEqual(expect.arrayContaining(['article.translationMethod', 'article.originalLanguage']));
    });
  });

  describe('When it is parsed with a UTC retrievedAt', () => {
    const bundle = parseStory(raw, { sourceFile: STORY_FILE, retrievedAt: new Date('2025-06-12T08:15:00Z') });

    it('Then datePublished is the day before at 10:29 UTC', () => {
      expect(bundle.article.datePublished).toBe('2025-06-11T10:29:00.000Z');
      expect(bundle.source.retrievedAt).toBe('2025-06-12T08:15:00.000Z');
    });

    it('Then the relative date stays flagged, with how it was resolved, and the value is flagged as inferred', () => {
      expect(bundle.reviewFlags.find((f) => f.code === 'relative_date')?.message).toMatch(/resolved to 2025-06-11T10:29:00\.000Z/);
      expect(bundle.reviewFlags.some((f) => f.code === 'inferred_field' && f.path === 'article.datePublished')).toBe(true);
    });
  });

  describe('When retrievedAt carries a timezone offset', () => {
    it("Then the clock time is read in that offset and written with it", () => {
      const bundle = parseStory(raw, { retrievedAt: '2025-06-12T01:30:00+08:00' });
      expect(bundle.article.datePublished).toBe('2025-06-11T10:29:00.000+08:00');
    });

    it('Then a retrievedAt without offset is read as UTC, across a month end', () => {
      expect(parseStory(raw, { retrievedAt: '2024-03-01T09:00' }).article.datePublished).toBe('2024-02-29T10:29:00.000Z');
    });
  });
});

describe('Given printed publication dates', () => {
  it.each([
    ['yesterday at 10:29', undefined, null],
    ['today at 07:05', '2025-01-01T23:00:00Z', '2025-01-01T07:05:00.000Z'],
    ['yesterday at 10:29', '2025-01-01T00:10:00-05:00', '2024-12-31T10:29:00.000-05:00'],
    ['12 June 2025 at 10:29', undefined, '2025-06-12T10:29:00.000Z'],
    ['June 12, 2025', undefined, '2025-06-12T00:00:00.000Z'],
    ['30 February 2025', undefined, null],
    // a day without a clock time now resolves to that day (chrono-node, parse-relative-dates.test.ts); it was null before
    ['yesterday', '2025-01-02T00:00:00Z', '2025-01-01T00:00:00.000Z'],
  ])('When "%s" is resolved with retrievedAt %s, Then datePublished is %s', (printed, retrievedAt, expected) => {
    expect(resolvePublishedDate(printed, retrievedAt).iso).toBe(expected);
  });
});

describe('Given byline and photo lines in other shapes', () => {
  it('When a header byline has no place, Then no dateline is invented', () => {
    expect(parseHeaderByline('Jane Roe – Reuters')).toEqual({ printed: 'Jane Roe – Reuters', name: 'Jane Roe', organizationText: 'Reuters', place: undefined });
  });

  it('When a capitalised line has neither "By" nor a dash, Then it is not a byline', () => {
    expect(parseHeaderByline('China Ready To Export')).toBeNull();
    expect(parseFooterByline('By Teilor Stone')).toBe('Teilor Stone');
    expect(parseFooterByline('Teilor Stone')).toBeNull();
  });

  it('When a photo line uses a separator and no known agency, Then the separator splits credit from caption', () => {
    expect(parsePhotoLine('Photo: Jane Roe | Delegates arrive at the forum', [])).toEqual({
      caption: 'Delegates arrive at the forum',
      credit: 'Jane Roe',
      photographer: 'Jane Roe',
    });
  });

  it('When a photo line names only an agency, Then the agency is the credit', () => {
    expect(parsePhotoLine('Photo: AFP Delegates arrive at the forum', ['AFP'])).toEqual({
      caption: 'Delegates arrive at the forum',
      credit: 'AFP',
      photographer: undefined,
      agencyText: 'AFP',
    });
  });
});
