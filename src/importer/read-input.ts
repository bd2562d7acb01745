/**
 * Reading a story file safely, BEFORE any parsing (issue 13, finding 5):
 *  - a size limit checked on the file's size from `stat`, so a 30 MB file is
 *    refused in milliseconds without being read;
 *  - strict decoding: a file that is not valid UTF-8 is refused (a U+FFFD in a
 *    name would no longer match the organisation index and create duplicates),
 *    unless the caller names the encoding explicitly (`--encoding latin1`).
 */
import fs from 'fs';

/** 2 MiB: the longest real story in the corpus is ≈ 200 KB of HTML; a page over this is not one story. */
export const DEFAULT_MAX_INPUT_BYTES = 2 * 1024 * 1024;

export type ReadLimits = {
  /** Largest file accepted, in bytes (default DEFAULT_MAX_INPUT_BYTES, or IMPORT_MAX_BYTES). */
  maxBytes?: number;
  /** A WHATWG encoding label (utf-8, latin1, windows-1252, …). Without it the file must be valid UTF-8. */
  encoding?: string;
};

export class InputRefusedError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'InputRefusedError';
  }
}

const formatBytes = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;

/** The limit in force: the option, else IMPORT_MAX_BYTES, else the default. Throws on a malformed value. */
export const maxInputBytes = (option?: number, env: NodeJS.ProcessEnv = process.env): number => {
  const value = option ?? (env.IMPORT_MAX_BYTES !== undefined ? Number(env.IMPORT_MAX_BYTES) : DEFAULT_MAX_INPUT_BYTES);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`the import size limit must be a positive whole number of bytes, got "${option ?? env.IMPORT_MAX_BYTES}"`);
  return value;
};

/** Is `label` an encoding this Node can decode? */
export const isKnownEncoding = (label: string): boolean => {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
};

/**
 * Byte offset of the first byte that breaks UTF-8, or -1 when the buffer is
 * valid. Only called after the fast native check failed, to name the place.
 */
export const firstInvalidUtf8Offset = (bytes: Uint8Array): number => {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k += 1) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
};

/** Check the size, then decode strictly. Throws InputRefusedError naming the file and the rule. */
export const readStoryFile = (file: string, display: string, limits: ReadLimits = {}): string => {
  const maxBytes = maxInputBytes(limits.maxBytes);
  const { size } = fs.statSync(file);
  if (size > maxBytes) {
    throw new InputRefusedError(
      display,
      `the file is ${formatBytes(size)}, over the import size limit of ${formatBytes(maxBytes)} (${maxBytes} bytes); ` +
        'one story is far smaller — split the file, or raise the limit with --max-bytes or IMPORT_MAX_BYTES',
    );
  }
  const bytes = fs.readFileSync(file);
  if (limits.encoding) {
    if (!isKnownEncoding(limits.encoding)) throw new InputRefusedError(display, `unknown encoding "${limits.encoding}"`);
    return new TextDecoder(limits.encoding).decode(bytes);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    throw new InputRefusedError(
      display,
      `not valid UTF-8 text (binary data or another encoding; first invalid byte 0x${bytes[offset]?.toString(16).padStart(2, '0')} at byte offset ${offset}); ` +
        'convert the file to UTF-8, or name its encoding with --encoding (e.g. --encoding latin1)',
    );
  }
};
