import { readFileSync } from 'fs';
import path from 'path';
import { parseStory } from '../../../src/importer/parse';
import { isSubhead } from '../../../src/importer/parse/body';
import type { Block } from '../../../src/importer/types';

const STORY_FILE = 'database/seed/stories/china-surveillance-export.txt';
const raw = readFileSync(path.join(__dirname, '../../..', STORY_FILE), 'utf8');

const textOf = (block: Block): string => block.children.map((c) => c.text).join('');

describe('Given the scraped China surveillance story', () => {
  describe('When the body is built', () => {
    const { article, reviewFlags } = parseStory(raw, { sourceFile: STORY_FILE });

    it('Then the standfirst is the first paragraph and is not repeated in the body', () => {
      expect(article.standfirst).toMatch(/^Cutting-edge security cameras, .* determined to export it around the world\.$/);
      expect(article.body.map(textOf)).not.toContain(article.standfirst);
      expect(textOf(article.body[0])).toMatch(/^Law enforcement officials from around 100 countries/);
    });

    it('Then the body is Strapi blocks: paragraphs of text nodes and two level-2 headings', () => {
      expect(article.body).toHaveLength(29);
      for (const block of article.body) {
        expect(block.children).toEqual([{ type: 'text', text: expect.any(String) }]);
      }
      const headings = article.body.filter((b) => b.type === 'heading');
      expect(headings).toEqual([
        { type: 'heading', level: 2, children: [{ type: 'text', text: 'Rapidly locating a target' }] },
        { type: 'heading', level: 2, children: [{ type: 'text', text: 'Learning from China' }] },
      ]);
      expect(article.body.filter((b) => b.type === 'paragraph')).toHaveLength(27);
    });

    it('Then the subheads sit where the story printed them', () => {
      const texts = article.body.map(textOf);
      expect(texts.indexOf('Rapidly locating a target')).toBe(texts.findIndex((t) => t.includes('she adds')) + 1);
      expect(texts.indexOf('Learning from China')).toBe(texts.findIndex((t) => t.startsWith('This institute was also sanctioned')) - 1);
    });

    it('Then the last paragraph is the last line of the story, before the author box', () => {
      expect(textOf(article.body[article.body.length - 1])).toBe(
        '“These initiatives can give China leverage within the security apparatus in the event of a threat to Chinese interests.”',
      );
    });

    it('Then the garbled phrases are kept verbatim in the body (an editor fixes them)', () => {
      const body = article.body.map(textOf).join('\n');
      expect(body).toContain('trained 2,700 officers from the stranger.');
      expect(body).toContain('messages on […] phones mobile”');
      expect(body).toContain('state-centric approach.” “repression”.');
    });

    it.each([
      ['from the stranger', /probably "from abroad"/, 'trained 2,700 officers'],
      ['phones mobile', /probably "mobile phones"/, 'designed to track sound'],
      ['“repression”.', /Dangling quoted fragment/, 'the more countries'],
    ])('Then the garbled phrase %s is flagged at the paragraph that holds it', (excerpt, message, paragraphStart) => {
      const flags = reviewFlags.filter((f) => f.code === 'garbled_translation' && f.excerpt === excerpt);
      expect(flags).toHaveLength(1);
      expect(flags[0].message).toMatch(message);
      const index = Number(/^article\.body\[(\d+)\]$/.exec(flags[0].path ?? '')?.[1]);
      expect(textOf(article.body[index])).toContain(paragraphStart);
    });

    it('Then there are exactly three garbled-translation flags', () => {
      expect(reviewFlags.filter((f) => f.code === 'garbled_translation')).toHaveLength(3);
    });
  });
});

describe('Given candidate subhead lines', () => {
  it.each([
    ['“Rapidly locating a target”', true],
    ['"Learning from China"', true],
    ['Rapid growth ahead', true],
    ['“We can learn from China,” says Sydney Gabela.', false],
    ['Over the next 12 months, it plans to do so for another 3,000.', false],
    ['“A quoted sentence that ends with a stop.”', false],
  ])('When %s is checked, Then isSubhead is %s', (line, expected) => {
    expect(isSubhead(line)).toBe(expected);
  });
});
