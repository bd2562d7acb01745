import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Signed, expiring preview tokens: `<expiry in epoch seconds>.<HMAC-SHA256>`
 * over the content type, the document and the expiry, keyed with
 * PREVIEW_SECRET. One token opens the draft of one document until it expires;
 * nothing is stored, so a token cannot be listed or revoked — keep the
 * lifetime short (PREVIEW_TOKEN_TTL_SECONDS, default 1 hour).
 */
const mac = (secret: string, uid: string, documentId: string, expires: number): string =>
  createHmac('sha256', secret).update(`preview\n${uid}\n${documentId}\n${expires}`).digest('base64url');

export const signPreviewToken = (
  secret: string,
  target: { uid: string; documentId: string },
  ttlSeconds: number,
  now: Date = new Date(),
): string => {
  const expires = Math.floor(now.getTime() / 1000) + Math.max(1, Math.floor(ttlSeconds));
  return `${expires}.${mac(secret, target.uid, target.documentId, expires)}`;
};

export type PreviewTokenCheck = { ok: true } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

export const verifyPreviewToken = (
  secret: string,
  token: string,
  target: { uid: string; documentId: string },
  now: Date = new Date(),
): PreviewTokenCheck => {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const expires = Number(match[1]);
  const expected = Buffer.from(mac(secret, target.uid, target.documentId, expires));
  const given = Buffer.from(match[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
  if (expires * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true };
};
