import { ifNoneMatchHits, strongEtag } from '../../../src/delivery/etag';
import { cacheTagHeaders } from '../../../src/delivery/cache-tags';
import { blocksToHtml, blocksToText } from '../../../src/delivery/blocks';
import { pubStatusOf } from '../../../src/delivery/workflow-adapter';

describe('strong ETag', () => {
  it('is a quoted, deterministic hash of the bytes', () => {
    expect(strongEtag('a')).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(strongEtag('a')).toBe(strongEtag(Buffer.from('a')));
    expect(strongEtag('a')).not.toBe(strongEtag('b'));
  });

  it('If-None-Match: weak comparison, lists and *', () => {
    const etag = strongEtag('body');
    expect(ifNoneMatchHits(etag, etag)).toBe(true);
    expect(ifNoneMatchHits(`W/${etag}`, etag)).toBe(true);
    expect(ifNoneMatchHits(`"x", W/"y" , ${etag}`, etag)).toBe(true);
    expect(ifNoneMatchHits('*', etag)).toBe(true);
    expect(ifNoneMatchHits('"x"', etag)).toBe(false);
    expect(ifNoneMatchHits(undefined, etag)).toBe(false);
    expect(ifNoneMatchHits(etag.slice(1, -1), etag)).toBe(false); // unquoted is not an entity-tag
  });
});

describe('cache tag headers', () => {
  it('comma-separates Cache-Tag and space-separates Surrogate-Key', () => {
    expect(cacheTagHeaders(['article:a', 'expert:b'])).toEqual({ 'Cache-Tag': 'article:a,expert:b', 'Surrogate-Key': 'article:a expert:b' });
    expect(cacheTagHeaders([])).toEqual({});
  });
});

describe('blocks', () => {
  const blocks = [
    { type: 'heading', level: 2, children: [{ type: 'text', text: 'Title' }] },
    { type: 'paragraph', children: [{ type: 'text', text: 'A <b>', bold: true }, { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'x' }] }] },
    { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'one' }] }] },
  ];
  it('renders escaped HTML and drops unsafe links', () => {
    expect(blocksToHtml(blocks)).toBe('<h2>Title</h2>\n<p><strong>A &lt;b&gt;</strong>x</p>\n<ol><li>one</li></ol>');
  });
  it('renders plain text', () => {
    expect(blocksToText(blocks)).toBe('Title\n\nA <b>x\n\none');
    expect(blocksToText(null)).toBe('');
  });
});

describe('ninjs pubStatus from the workflow state', () => {
  it.each([
    ['published', 'usable'],
    ['withdrawn', 'canceled'],
    // The live version stays public while a correction is prepared (issue 11).
    ['correcting', 'usable'],
    ['draft', 'withheld'],
    ['approved', 'withheld'],
  ] as const)('%s → %s', (state, status) => {
    expect(pubStatusOf(state)).toBe(status);
  });
});
