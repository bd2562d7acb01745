import fs from 'fs';
import os from 'os';
import path from 'path';
// knex (with better-sqlite3) is what Strapi itself runs on; here it stands in for the app's database.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const knexFactory = require('knex');
import type { Knex } from 'knex';
import { currentSeq, ensureVersionTable, newestSeqOf, nextSeq, stampKeys } from '../../../src/delivery/content-version';
import { createCheckCoalescer, createResponseCache, type CachedResponse } from '../../../src/delivery/response-cache';

let dir: string;
let db: Knex;
const options = { enabled: true, ttlMs: 60_000, maxEntries: 3 };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'delivery-cache-'));
  db = knexFactory({ client: 'better-sqlite3', connection: { filename: path.join(dir, 'db.sqlite') }, useNullAsDefault: true });
  await ensureVersionTable(db);
  await ensureVersionTable(db); // idempotent
});
afterAll(async () => {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

const write = async (keys: string[]) => db.transaction(async (trx) => stampKeys(trx, keys, await nextSeq(trx)));
const response = (body: string, keys: string[], status = 200): CachedResponse => ({ status, body, keys, contentType: 'application/json', etag: `"${body}"` });

describe('content versions', () => {
  it('numbers writes and reports the newest among keys', async () => {
    const before = await currentSeq(db);
    await write(['article:a', 'expert:e']);
    await write(['expert:e']);
    expect(await currentSeq(db)).toBe(before + 2);
    expect(await newestSeqOf(db, ['article:a'])).toBe(before + 1);
    expect(await newestSeqOf(db, ['article:a', 'expert:e'])).toBe(before + 2);
    expect(await newestSeqOf(db, ['never:written'])).toBe(0);
    expect(await newestSeqOf(db, [])).toBe(0);
  });

  it('a rolled-back write leaves no trace', async () => {
    const before = await currentSeq(db);
    await expect(
      db.transaction(async (trx) => {
        await stampKeys(trx, ['article:rolled'], await nextSeq(trx));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await currentSeq(db)).toBe(before);
    expect(await newestSeqOf(db, ['article:rolled'])).toBe(0);
  });
});

describe('response cache', () => {
  it('hits while no dependency was written, rebuilds after a write to any of them', async () => {
    const cache = createResponseCache(() => db, () => options);
    let version = 1;
    const build = jest.fn(async () => response(`v${version}`, ['article:x', 'expert:y']));

    expect((await cache.get('page', build)).cache).toBe('MISS');
    expect(await cache.get('page', build)).toMatchObject({ cache: 'HIT', response: { body: 'v1' } });
    expect(build).toHaveBeenCalledTimes(1);

    await write(['organization:unrelated']);
    expect((await cache.get('page', build)).cache).toBe('HIT');

    version = 2;
    await write(['expert:y']);
    expect(await cache.get('page', build)).toMatchObject({ cache: 'MISS', response: { body: 'v2' } });
    expect(await cache.get('page', build)).toMatchObject({ cache: 'HIT', response: { body: 'v2' } });
  });

  it('never keeps an entry built from data older than a write committed during the build', async () => {
    const cache = createResponseCache(() => db, () => options);
    // The build reads "old" content, then a write to its key commits before the build finishes.
    const racing = jest.fn(async () => {
      const body = 'old';
      await write(['article:race']);
      return response(body, ['article:race']);
    });
    expect(await cache.get('race', racing)).toMatchObject({ cache: 'MISS', response: { body: 'old' } });
    const fresh = jest.fn(async () => response('new', ['article:race']));
    expect(await cache.get('race', fresh)).toMatchObject({ cache: 'MISS', response: { body: 'new' } });
  });

  it('stores only 200s, honours the TTL, the size bound and `enabled`', async () => {
    const cache = createResponseCache(() => db, () => ({ ...options, ttlMs: 0 }));
    const missing = jest.fn(async () => response('', [], 404));
    await cache.get('missing', missing);
    await cache.get('missing', missing);
    expect(missing).toHaveBeenCalledTimes(2);

    const expiring = jest.fn(async () => response('x', ['article:ttl']));
    await cache.get('ttl', expiring);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await cache.get('ttl', expiring)).cache).toBe('MISS');

    const small = createResponseCache(() => db, () => options);
    for (const key of ['a', 'b', 'c', 'd']) await small.get(key, async () => response(key, [`article:${key}`]));
    expect(small.size()).toBe(3);
    expect((await small.get('a', async () => response('a2', ['article:a']))).cache).toBe('MISS');

    const off = createResponseCache(() => db, () => ({ ...options, enabled: false }));
    expect((await off.get('p', async () => response('p', []))).cache).toBe('BYPASS');
  });

  it('coalesces concurrent misses for the same key and version', async () => {
    const cache = createResponseCache(() => db, () => options);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const build = jest.fn(async () => {
      await gate;
      return response('shared', ['article:co']);
    });
    const all = Promise.all([cache.get('co', build), cache.get('co', build), cache.get('co', build)]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    const results = await all;
    expect(build).toHaveBeenCalledTimes(1);
    expect(results.every((r) => r.response.body === 'shared')).toBe(true);
  });
});

describe('validity checks under load (createCheckCoalescer)', () => {
  it('when requests arrive while a check runs, then they share the next check, which starts after they arrived and sees a write made meanwhile', async () => {
    let version = 1;
    const started: number[] = [];
    let release: Array<() => void> = [];
    const check = jest.fn((_keys: readonly string[]) => {
      const seen = version; // what a query started now would see
      started.push(seen);
      return new Promise<number>((resolve) => release.push(() => resolve(seen)));
    });
    const newest = createCheckCoalescer(check);
    const flush = async () => {
      const pending = release;
      release = [];
      for (const fn of pending) fn();
      await new Promise((resolve) => setImmediate(resolve));
    };

    const first = newest(['article:a']);
    version = 2; // a write commits after the first check started
    const second = newest(['article:a']);
    const third = newest(['article:a']);
    const other = newest(['article:b']); // another key set has its own check
    expect(check).toHaveBeenCalledTimes(2);

    await flush();
    expect(await first).toBe(1);
    // The shared check started only now, after both arrived: it sees the write.
    expect(check).toHaveBeenCalledTimes(3);
    await flush();
    expect(await second).toBe(2);
    expect(await third).toBe(2);
    expect(await other).toBe(2);
    expect(started).toEqual([1, 2, 2]);

    // Alone again: a request runs its own check.
    const alone = newest(['article:a']);
    expect(check).toHaveBeenCalledTimes(4);
    await flush();
    expect(await alone).toBe(2);
  });

  it('when a check fails, then its callers see the failure and the next caller starts afresh', async () => {
    let fail = true;
    const newest = createCheckCoalescer(async () => {
      if (fail) throw new Error('database gone');
      return 7;
    });
    await expect(newest(['k'])).rejects.toThrow('database gone');
    fail = false;
    expect(await newest(['k'])).toBe(7);
  });
});
