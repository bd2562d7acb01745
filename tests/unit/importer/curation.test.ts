import { readFileSync } from 'fs';
import path from 'path';
import { validateBundle } from '../../../src/importer/bundle-schema';
import {
  coversPath,
  diffBundles,
  formatDifferences,
  uncuratedDifferences,
  unusedCurationEntries,
  type CurationEntry,
} from '../../../src/importer/curate';
import { parseStory } from '../../../src/importer/parse';

const ROOT = path.join(__dirname, '../../..');
const CURATION_FILE = 'database/seed/bundles/china-surveillance-export.curation.json';

type CurationFile = {
  story: string;
  bundle: string;
  parseOptions: { sourceFile?: string; retrievedAt?: string };
  comments: string[];
  curated: CurationEntry[];
};

const curation = JSON.parse(readFileSync(path.join(ROOT, CURATION_FILE), 'utf8')) as CurationFile;

describe('Given the story, the parser and the curated bundle', () => {
  const raw = readFileSync(path.join(ROOT, curation.story), 'utf8');
  const generated = JSON.parse(JSON.stringify(parseStory(raw, curation.parseOptions))) as unknown;
  const curated = validateBundle(JSON.parse(readFileSync(path.join(ROOT, curation.bundle), 'utf8')), curation.bundle);

  describe('When the parser output is diffed against the curated bundle', () => {
    const differences = diffBundles(generated, curated);

    it('Then the differences are printed for review', () => {
      console.log(`Curation diff for ${curation.bundle}:\n${formatDifferences(differences)}`);
      expect(differences.length).toBeGreaterThan(0);
    });

    it('Then every difference is on an allow-listed curated path (a parser regression fails here)', () => {
      expect(uncuratedDifferences(differences, curation.curated)).toEqual([]);
    });

    it('Then every allow-list entry is still used and explains itself', () => {
      expect(unusedCurationEntries(differences, curation.curated)).toEqual([]);
      for (const entry of curation.curated) expect(entry.why.length).toBeGreaterThan(20);
    });

    it('Then the curation only adds (it never silently changes or removes parser output)', () => {
      expect(differences.filter((d) => d.kind !== 'added')).toEqual([]);
    });

    it('Then the curation file states its sanctions policy', () => {
      expect(curation.comments.join(' ')).toMatch(/Sanctions policy: .*kept exactly as the parser produces them/);
    });
  });

  describe('When the parser regresses (simulated: a quote loses its speaker)', () => {
    it('Then the diff shows a difference outside the allow-list', () => {
      const regressed = JSON.parse(JSON.stringify(generated)) as { quotes: { speaker?: string }[] };
      delete regressed.quotes[1].speaker;
      const uncurated = uncuratedDifferences(diffBundles(regressed, curated), curation.curated);
      expect(uncurated).toEqual([{ path: 'quotes[key=quote-02].speaker', kind: 'added', generated: undefined, curated: 'bethany-allen' }]);
    });
  });
});

describe('Given two small bundles', () => {
  describe('When they differ in keyed lists, plain lists and fields', () => {
    const generated = {
      article: { headline: 'A', subjects: [] as unknown[] },
      organizations: [
        { key: 'a', name: 'A', alternateNames: ['x'] },
        { key: 'b', name: 'B', alternateNames: [] },
      ],
    };
    const curated = {
      article: { headline: 'A!', subjects: [{ name: 'S', rel: 'about' }] },
      organizations: [
        { key: 'b', name: 'B', alternateNames: ['y'] },
        { key: 'c', name: 'C', alternateNames: [] },
        { key: 'a', name: 'A', alternateNames: ['x'] },
      ],
    };
    const differences = diffBundles(generated, curated);

    it('Then keyed items are matched by key, not position, and each difference has both values', () => {
      expect(differences).toEqual([
        { path: 'article.headline', kind: 'changed', generated: 'A', curated: 'A!' },
        { path: 'article.subjects[0]', kind: 'added', generated: undefined, curated: { name: 'S', rel: 'about' } },
        { path: 'organizations[key=b].alternateNames[0]', kind: 'added', generated: undefined, curated: 'y' },
        { path: 'organizations[key=c]', kind: 'added', generated: undefined, curated: { key: 'c', name: 'C', alternateNames: [] } },
      ]);
    });

    it('Then the readable report shows path, generated and curated values', () => {
      const report = formatDifferences(differences);
      expect(report).toContain('changed article.headline\n          generated: "A"\n          curated:   "A!"');
      expect(report).toContain('added   organizations[key=c]');
    });

    it('Then identical bundles have no differences', () => {
      expect(diffBundles(curated, JSON.parse(JSON.stringify(curated)))).toEqual([]);
      expect(formatDifferences([])).toBe('no differences');
    });
  });

  it.each([
    ['article.subjects', 'article.subjects[2].name', true],
    ['article.subjects', 'article.subjects', true],
    ['article.subjects', 'article.subjectsExtra', false],
    ['sanctions[key=a]', 'sanctions[key=a].sourceUrl', true],
    ['sanctions[key=a]', 'sanctions[key=ab]', false],
  ])('When allow-list path %s is matched against %s, Then coversPath is %s', (entry, diffPath, expected) => {
    expect(coversPath(entry, diffPath)).toBe(expected);
  });
});
