import { readFileSync } from 'fs';
import path from 'path';
import { parseStory } from '../../../src/importer/parse';
import type { RemovedKind, StoryBundle } from '../../../src/importer/types';

const STORY_FILE = 'database/seed/stories/china-surveillance-export.txt';
const raw = readFileSync(path.join(__dirname, '../../..', STORY_FILE), 'utf8');

/** Builder: a minimal scraped page with the noise blocks we want around one story paragraph. */
const page = (blocks: string[]): string => blocks.join('\n\n');

/** Every string of the stored content (everything except the audit trail of removed blocks and review flags). */
const contentText = (bundle: StoryBundle): string => {
  const { removed: _removed, reviewFlags: _flags, ...content } = bundle;
  return JSON.stringify(content);
};

describe('Given the scraped China surveillance story', () => {
  const bundle = parseStory(raw, { sourceFile: STORY_FILE });
  const removedOf = (kind: RemovedKind) => bundle.removed.filter((r) => r.kind === kind);

  describe('When noise blocks are removed', () => {
    it('Then the share line is removed', () => {
      expect(removedOf('share_line').map((r) => r.text)).toEqual(['Spread the love']);
    });

    it('Then the casino advertisement is removed', () => {
      expect(removedOf('advertisement').map((r) => r.text)).toEqual(['200% Deposit Bonus up to €3,000 180% First Deposit Bonus up to $20,000']);
    });

    it('Then the "Read also" label and both of its links are removed', () => {
      expect(removedOf('read_also').map((r) => r.text)).toEqual(['Read also']);
      expect(removedOf('bullet').map((r) => r.text)).toEqual([
        '• “The surveillance society made in China”, or the influence of the Middle',
        '• Chinese Internet users are subject to increased surveillance',
      ]);
    });

    it("Then the site's author box (name, 'By' line, bio, contact) is removed", () => {
      expect(removedOf('byline').map((r) => r.text)).toEqual([
        'Isabel Kua – Agence France-Presse in Lianyungang',
        'Teilor Stone',
        'By Teilor Stone',
      ]);
      expect(removedOf('author_bio')).toHaveLength(1);
      expect(removedOf('author_bio')[0].text).toMatch(/^Teilor Stone has been a reporter on the news desk since 2013\..*Mirabella\.$/);
      expect(removedOf('contact')).toEqual([
        expect.objectContaining({ text: 'To get in touch, contact me through my [e-mail redacted] [phone redacted]' }),
      ]);
    });

    it('Then the header lines that became fields are recorded as removed', () => {
      expect(removedOf('photo_line').map((r) => r.text)).toEqual([
        'Photo: Louise Delmotte Associated Press Surveillance cameras on the Great Wall of China in Beijing',
      ]);
      expect(removedOf('date_line').map((r) => r.text)).toEqual(['Published yesterday at 10:29']);
      expect(removedOf('section_line').map((r) => r.text)).toEqual(['• Asia']);
    });

    it('Then every removed block has a reason and its own removed_block review flag', () => {
      expect(bundle.removed).toHaveLength(13);
      expect(bundle.removed.every((r) => r.reason.length > 10)).toBe(true);
      const flags = bundle.reviewFlags.filter((f) => f.code === 'removed_block');
      expect(flags.map((f) => f.path)).toEqual(bundle.removed.map((_, i) => `removed[${i}]`));
    });
  });

  describe('When the stored content is searched for noise', () => {
    const content = contentText(bundle);
    it.each([
      ['share line', 'Spread the love'],
      ['advertisement', 'Deposit Bonus'],
      ['"Read also" label', 'Read also'],
      ['"Read also" link 1', 'The surveillance society made in China'],
      ['"Read also" link 2', 'Chinese Internet users are subject'],
      ['author bio', 'has been a reporter on the news desk'],
      ['author bio outlets', 'Village Voice'],
      ['contact line', 'get in touch'],
    ])('Then no article/quote/entity text contains the %s', (_label, needle) => {
      expect(content).not.toContain(needle);
    });

    it('Then the e-mail address and phone number appear nowhere in the bundle, not even in the audit trail', () => {
      const everything = JSON.stringify(bundle);
      expect(everything).not.toContain('teilor@nizhtimes.com');
      expect(everything).not.toContain('@');
      expect(everything).not.toContain('268-7116');
    });
  });
});

describe('Given scraped pages built around one paragraph', () => {
  const paragraph = 'Officials met in Geneva on Monday to discuss the new rules, which take effect next year.';

  describe('When the page has share, ad and related-links noise', () => {
    it('Then each kind is recognised and the paragraph survives as the standfirst', () => {
      const bundle = parseStory(
        page(['Share this article', 'Rules agreed in Geneva', paragraph, 'Free spins for new players: claim your casino bonus', 'Related articles', '• Another story', '• A third story']),
        { sourceFile: 'built.txt' },
      );
      expect(bundle.removed.map((r) => r.kind)).toEqual(['share_line', 'advertisement', 'read_also', 'bullet', 'bullet']);
      expect(bundle.article.standfirst).toBe(paragraph);
      expect(bundle.article.body).toEqual([]);
    });
  });

  describe('When a "By" line comes before the story rather than after it', () => {
    it('Then it is not mistaken for an author box at the foot', () => {
      const bundle = parseStory(page(['Rules agreed in Geneva', 'By Jane Roe', paragraph]), { sourceFile: 'built.txt' });
      expect(bundle.removed.map((r) => r.kind)).toEqual(['byline']);
      expect(bundle.article.credits).toEqual([{ name: 'Jane Roe', role: 'reporter' }]);
      expect(bundle.reviewFlags.map((f) => f.code)).not.toContain('conflicting_bylines');
    });
  });
});
