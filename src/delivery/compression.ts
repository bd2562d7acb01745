import { promisify } from 'util';
import zlib from 'zlib';

/**
 * Brotli and gzip for published reads. A cached response keeps its encoded
 * bodies (memoised on the cached object), so a warm hit sends bytes that were
 * compressed once, when the entry was first asked for in that encoding.
 */
export type Encoding = 'br' | 'gzip';

/** Bodies below this size are sent as they are (the headers would eat the gain). */
export const MIN_COMPRESS_BYTES = 1024;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Counts real compressions (tests prove a warm hit does none). */
export const compressionStats = { compressions: 0 };

/** The best encoding the client accepts (q > 0), brotli first; null for identity. */
export const pickEncoding = (header: string | undefined): Encoding | null => {
  if (!header) return null;
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = q ? Number(q.slice(2)) : 1;
    if (name) accepted.set(name, Number.isFinite(value) ? value : 0);
  }
  const quality = (name: Encoding) => accepted.get(name) ?? (accepted.has('*') ? (accepted.get('*') as number) : 0);
  if (quality('br') > 0 && quality('br') >= quality('gzip')) return 'br';
  if (quality('gzip') > 0) return 'gzip';
  return null;
};

const memo = new WeakMap<object, Map<Encoding, Promise<Buffer>>>();

/** The body in `encoding`, compressed at most once per `owner` (the cached response object). */
export const encodedBody = (owner: object, body: string, encoding: Encoding): Promise<Buffer> => {
  let encodings = memo.get(owner);
  if (!encodings) {
    encodings = new Map();
    memo.set(owner, encodings);
  }
  let pending = encodings.get(encoding);
  if (!pending) {
    compressionStats.compressions += 1;
    const input = Buffer.from(body, 'utf8');
    pending =
      encoding === 'br'
        ? brotli(input, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: input.length } })
        : gzip(input, { level: 9 });
    encodings.set(encoding, pending);
  }
  return pending;
};

/** A strong validator per content-coding (RFC 9110 §8.8.3: different encodings are different representations). */
export const encodedEtag = (etag: string, encoding: Encoding | null): string => (encoding ? `${etag.slice(0, -1)}-${encoding}"` : etag);
