import { createHash } from 'crypto';

/**
 * A strong validator: the SHA-256 of the exact bytes sent (per format), so two
 * byte-identical representations always share it and any change alters it.
 */
export const strongEtag = (body: string | Buffer): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');

/**
 * RFC 9110 §13.1.2: If-None-Match uses the weak comparison; `*` matches any
 * current representation. Returns true when the client's copy is current (→ 304).
 */
export const ifNoneMatchHits = (header: string | undefined, etag: string): boolean => {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const wanted = opaque(etag);
  return (header.match(/(?:W\/)?"[^"]*"/g) ?? []).some((candidate) => opaque(candidate) === wanted);
};
