import fs from 'fs';
import path from 'path';
import { canonicalKey, storyKey } from '../../../src/importer/parse/story-key';
import { parseHtmlStory } from '../../../src/importer/html/parse-html';

const CORPUS = path.resolve(__dirname, '../../fixtures/corpus');

describe('canonicalKey', () => {
  it.each([
    ['https://www.bbc.com/news/world-us-canada-52241221', 'bbc-com-news-world-us-canada-52241221'],
    ['http://www.bbc.com/news/world-us-canada-52241221/', 'bbc-com-news-world-us-canada-52241221'],
    ['//www.reuters.com/article/us-awards-sag-idUSKBN1ZI0EH', 'reuters-com-article-us-awards-sag-iduskbn1zi0eh'],
  ])('keys %s by host and path, whatever the scheme, www or trailing slash', (url, key) => {
    expect(canonicalKey(url)).toBe(key);
  });

  it.each([[undefined], [''], ['//us.yahoo.com/news/'], ['https://example.org/'], ['not a url'], ['ftp://example.org/a-long-enough-path-here'], ['/relative/path-that-is-long-enough']])(
    'does not key a story by %s (no single article named)',
    (url) => {
      expect(canonicalKey(url)).toBeNull();
    },
  );

  it('keeps long URLs apart with a hash, within the URN segment rules', () => {
    const a = canonicalKey(`https://example.org/${'section/'.repeat(30)}story-one`)!;
    const b = canonicalKey(`https://example.org/${'section/'.repeat(30)}story-two`)!;
    expect(a).not.toBe(b);
    for (const key of [a, b]) {
      expect(key.length).toBeLessThanOrEqual(150);
      expect(key).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });
});

describe('storyKey', () => {
  it('prefers the canonical URL, then a page headline, then a text file name, then the headline', () => {
    const base = { fileStem: 'source', headlineSlug: 'a-headline' };
    expect(storyKey({ ...base, canonicalUrl: 'https://www.bbc.com/news/world-us-canada-52241221', fromPage: true })).toBe('bbc-com-news-world-us-canada-52241221');
    expect(storyKey({ ...base, canonicalUrl: '//us.yahoo.com/news/', fromPage: true })).toBe('a-headline');
    expect(storyKey({ ...base, fromPage: false })).toBe('source');
    expect(storyKey({ ...base, fileStem: '', fromPage: false })).toBe('a-headline');
  });
});

describe('Given the real saved pages, all named source.html', () => {
  it('then every page gets its own article URI', () => {
    const uris = fs
      .readdirSync(CORPUS)
      .filter((dir) => fs.existsSync(path.join(CORPUS, dir, 'source.html')))
      .map((dir) => parseHtmlStory(fs.readFileSync(path.join(CORPUS, dir, 'source.html'), 'utf8'), { sourceFile: `tests/fixtures/corpus/${dir}/source.html` }).article.uri);
    expect(uris.length).toBeGreaterThanOrEqual(16);
    expect(new Set(uris).size).toBe(uris.length);
  });
});
