import { cacheTagHeaders, tagKeys, TAG_HEADER_BUDGET } from '../../../src/delivery/cache-tags';

/** A list response names hundreds of documents: its tag headers must stay within what CDNs and HTTP clients take. */
const documents = (kind: string, count: number) => Array.from({ length: count }, (_, n) => `${kind}:${String(n).padStart(24, 'x')}`);

describe('cache tag headers', () => {
  it('keeps every key when they fit', () => {
    const keys = ['list:article', 'article:abc', 'quote:def'];
    expect(cacheTagHeaders(keys)).toEqual({ 'Cache-Tag': 'list:article,article:abc,quote:def', 'Surrogate-Key': 'list:article article:abc quote:def' });
  });

  it('over the budget, folds document keys into their kinds’ list keys, which every change of those kinds purges', () => {
    const keys = ['list:article', ...documents('article', 25), ...documents('quote', 300), ...documents('expert', 80)];
    expect(keys.join(',').length).toBeGreaterThan(TAG_HEADER_BUDGET);
    expect(tagKeys(keys)).toEqual(['list:article', 'list:quote', 'list:expert']);
    const headers = cacheTagHeaders(keys);
    expect(headers['Cache-Tag'].length).toBeLessThanOrEqual(TAG_HEADER_BUDGET);
    expect(headers['Surrogate-Key']).toBe('list:article list:quote list:expert');
  });

  it('no keys, no headers', () => {
    expect(cacheTagHeaders([])).toEqual({});
  });
});
