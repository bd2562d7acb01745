import { negotiate, parseAccept, type Format } from '../../../src/delivery/negotiate';

const ARTICLE: Format[] = ['json', 'jsonld', 'ninjs', 'ftm'];
const pick = (accept?: string, format?: unknown, supported: Format[] = ARTICLE, fallback: Format = 'json') =>
  negotiate({ accept, format, supported, fallback });

describe('negotiate', () => {
  it('uses the fallback without Accept or for wildcards', () => {
    expect(pick()).toMatchObject({ ok: true, format: 'json' });
    expect(pick('*/*')).toMatchObject({ ok: true, format: 'json' });
    expect(pick('application/*')).toMatchObject({ ok: true, format: 'json' });
    expect(pick('*/*', undefined, ['ftm'], 'ftm')).toMatchObject({ ok: true, format: 'ftm', contentType: 'application/x-ndjson; charset=utf-8' });
  });

  it('maps each media type, honouring q-values and specificity', () => {
    expect(pick('application/ld+json')).toMatchObject({ format: 'jsonld', contentType: 'application/ld+json; charset=utf-8' });
    expect(pick('application/ninjs+json')).toMatchObject({ format: 'ninjs' });
    expect(pick('application/x-ndjson')).toMatchObject({ format: 'ftm' });
    expect(pick('application/json;q=0.5, application/ld+json')).toMatchObject({ format: 'jsonld' });
    expect(pick('application/ld+json;q=0.2, application/ninjs+json;q=0.8')).toMatchObject({ format: 'ninjs' });
    expect(pick('*/*;q=1, application/ld+json;q=1')).toMatchObject({ format: 'jsonld' });
    expect(pick('text/html, application/xhtml+xml, */*;q=0.8')).toMatchObject({ format: 'json' });
  });

  it('recognises ninjs as application/json with a profile (quoted, with commas elsewhere)', () => {
    const res = pick('application/json; profile="http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"; q=0.9, text/plain;q=0.1');
    expect(res).toMatchObject({ ok: true, format: 'ninjs' });
    expect(res.ok && res.contentType).toBe('application/json; profile="http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"; charset=utf-8');
  });

  it('excludes q=0 types, also from wildcards', () => {
    expect(pick('application/json;q=0, */*')).toMatchObject({ ok: true, format: 'jsonld' });
    expect(pick('application/ld+json;q=0')).toMatchObject({ ok: false, status: 406 });
  });

  it('406 when nothing acceptable is available, naming what is', () => {
    const res = pick('text/html');
    expect(res).toMatchObject({ ok: false, status: 406 });
    expect(!res.ok && res.message).toMatch(/application\/ld\+json \(\?format=jsonld\)/);
    expect(pick('application/json', undefined, ['ftm'], 'ftm')).toMatchObject({ ok: false, status: 406 });
  });

  it('?format= wins over Accept; unknown or unavailable → 400', () => {
    expect(pick('application/ld+json', 'ninjs')).toMatchObject({ ok: true, format: 'ninjs' });
    expect(pick(undefined, 'JSON-LD')).toMatchObject({ ok: true, format: 'jsonld' });
    expect(pick(undefined, ['json', 'ftm'])).toMatchObject({ ok: true, format: 'ftm' });
    expect(pick(undefined, 'xml')).toMatchObject({ ok: false, status: 400 });
    expect(pick(undefined, 'ninjs', ['ftm'], 'ftm')).toMatchObject({ ok: false, status: 400 });
  });

  it('parses malformed headers without throwing', () => {
    expect(parseAccept('garbage, , ;;, application/json;q=abc')).toEqual([
      expect.objectContaining({ type: 'application', subtype: 'json', q: 0 }),
    ]);
    expect(pick('garbage')).toMatchObject({ ok: false, status: 406 });
  });
});
