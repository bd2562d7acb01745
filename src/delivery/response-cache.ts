import type { Knex } from 'knex';
import { currentSeq, newestSeqOf } from './content-version';

/**
 * Published-read response cache. Entries live in process memory, but none is
 * ever trusted on memory alone: every hit costs one indexed query
 * (`newestSeqOf(entry.keys)`) and is served only if no key it depends on was
 * written after the entry was built — so an instance never serves a version
 * that another instance's committed write has superseded.
 */
export type CachedResponse = {
  status: number;
  contentType: string;
  body: string;
  etag: string;
  /** Document and list keys the body depends on (also the Cache-Tag/Surrogate-Key values). */
  keys: string[];
  /** Keys to validate against; defaults to `keys` (list exports use their `list:` keys). */
  validityKeys?: string[];
};

type Entry = { response: CachedResponse; seq: number; storedAt: number };

export type CacheOutcome = { response: CachedResponse; cache: 'HIT' | 'MISS' | 'BYPASS' };

export type ResponseCacheOptions = { enabled: boolean; ttlMs: number; maxEntries: number };

/**
 * Validity checks of one key set, run one at a time: a request that arrives while a check is running waits
 * for the next one, which starts after it arrived (so, like its own query would, it sees every write committed
 * before it arrived), and every request waiting shares it. Under load one statement answers many hits; a lone
 * request still runs its own. Exported for the unit test.
 */
export const createCheckCoalescer = (check: (keys: readonly string[]) => Promise<number>) => {
  type Flight = { running: Promise<number>; next: Promise<number> | null };
  const flights = new Map<string, Flight>();
  const start = (id: string, keys: readonly string[]): Promise<number> => {
    const running = check(keys);
    const flight: Flight = { running, next: null };
    flights.set(id, flight);
    const done = () => {
      if (flights.get(id) === flight && flight.next === null) flights.delete(id);
    };
    running.then(done, done);
    return running;
  };
  return (keys: readonly string[]): Promise<number> => {
    const id = keys.join('\u0000');
    const flight = flights.get(id);
    if (!flight) return start(id, keys);
    if (!flight.next) {
      const after = () => start(id, keys);
      flight.next = flight.running.then(after, after);
    }
    return flight.next;
  };
};

export const createResponseCache = (
  knex: () => Knex,
  options: () => ResponseCacheOptions,
  /** The validity check; src/delivery/version-reader.ts gives SQLite's a connection of its own. */
  newestSeq: (keys: readonly string[]) => Promise<number> = (keys) => newestSeqOf(knex(), keys),
) => {
  const entries = new Map<string, Entry>();
  const newestOf = createCheckCoalescer(newestSeq);
  const inflight = new Map<string, { seq: number; promise: Promise<CachedResponse> }>();
  const stats = { hits: 0, misses: 0, stale: 0 };

  const remember = (key: string, entry: Entry, maxEntries: number) => {
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
  };

  return {
    stats,
    clear: () => entries.clear(),
    size: () => entries.size,

    /**
     * The cached response for `cacheKey` if it is still current (one indexed
     * query), else null — never builds. For the pre-router fast path.
     */
    async peek(cacheKey: string): Promise<CachedResponse | null> {
      const { enabled, ttlMs, maxEntries } = options();
      const entry = entries.get(cacheKey);
      if (!enabled || maxEntries === 0 || !entry || Date.now() - entry.storedAt > ttlMs) return null;
      if ((await newestOf(entry.response.validityKeys ?? entry.response.keys)) > entry.seq) return null;
      stats.hits += 1;
      remember(cacheKey, entry, maxEntries);
      return entry.response;
    },

    /**
     * Serve `cacheKey` from the cache if still current, else build it. Only
     * 200 responses are stored. `build` must read the database only after this
     * call has noted the counter (it does: `build` runs after `currentSeq`).
     */
    async get(cacheKey: string, build: () => Promise<CachedResponse>): Promise<CacheOutcome> {
      const { enabled, ttlMs, maxEntries } = options();
      if (!enabled || maxEntries === 0) return { response: await build(), cache: 'BYPASS' };
      const db = knex();

      const entry = entries.get(cacheKey);
      if (entry && Date.now() - entry.storedAt <= ttlMs) {
        const keys = entry.response.validityKeys ?? entry.response.keys;
        if ((await newestOf(keys)) <= entry.seq) {
          stats.hits += 1;
          remember(cacheKey, entry, maxEntries); // LRU touch
          return { response: entry.response, cache: 'HIT' };
        }
        stats.stale += 1;
      }
      if (entry) entries.delete(cacheKey);

      // Note the counter before reading any content.
      const seq = await currentSeq(db);
      const running = inflight.get(cacheKey);
      if (running && running.seq === seq) return { response: await running.promise, cache: 'MISS' };

      stats.misses += 1;
      const promise = build();
      inflight.set(cacheKey, { seq, promise });
      try {
        const response = await promise;
        if (response.status === 200) remember(cacheKey, { response, seq, storedAt: Date.now() }, maxEntries);
        return { response, cache: 'MISS' };
      } finally {
        if (inflight.get(cacheKey)?.promise === promise) inflight.delete(cacheKey);
      }
    },
  };
};

export type ResponseCache = ReturnType<typeof createResponseCache>;
