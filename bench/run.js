#!/usr/bin/env node
'use strict';

/**
 * npm run bench   (BENCH_SCALE=small for a quick end-to-end check)
 *
 * Builds a synthetic newsroom through the import pipeline at 1× and 10× on a
 * temp SQLite file, grows it to 100× by replication, builds the 1× corpus on
 * PostgreSQL too (when reachable), starts the app in production mode on each
 * and drives it with autocannon — the warm rows interleaved with the C0
 * ceiling round by round; also times the importer against the naive
 * document-service path. Writes bench/results/latest.json and
 * bench/results/latest.md and prints the table. See bench/README.md.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const autocannon = require('autocannon');
const qs = require('qs');

const { compile, appDir, benchDist, BENCH_SECRETS, requireDist, sqliteEnv, postgresEnv } = require('./lib/app');
const { startServer, runTask, stopAll, memoryOf, withRssPolling } = require('./lib/procs');
const { explainAll, explainLookups } = require('./lib/explain');
const { ARTICLE_PAGE_QUERY } = require('./lib/graphql');
const { writeResults } = require('./lib/report');

const SCALES = {
  small: { articles: [20, 200], s6: [5, 50], s6Rounds: 1, duration: 5, warmup: 1, rounds: 3, roundSeconds: 2 },
  full: { articles: [30, 300], s6: [10, 100], s6Rounds: 3, duration: 8, warmup: 2, rounds: 5, roundSeconds: 3 },
};
const scaleName = process.env.BENCH_SCALE || 'full';
if (!SCALES[scaleName]) throw new Error(`BENCH_SCALE must be one of ${Object.keys(SCALES).join(', ')}`);
const numbers = (value) => (value ? value.split(',').map(Number) : undefined);
const envFlag = (name) => (process.env[name] === undefined ? undefined : !['0', 'false', 'no', 'off'].includes(process.env[name].toLowerCase()));
const skipList = (process.env.BENCH_SKIP || '').split(',').map((part) => part.trim().toLowerCase()).filter(Boolean);

const CONFIG = (() => {
  const config = {
    ...SCALES[scaleName],
    ...(process.env.BENCH_ARTICLES ? { articles: numbers(process.env.BENCH_ARTICLES) } : {}),
    ...(process.env.BENCH_S6 ? { s6: numbers(process.env.BENCH_S6) } : {}),
    ...(process.env.BENCH_S6_ROUNDS ? { s6Rounds: Number(process.env.BENCH_S6_ROUNDS) } : {}),
    ...(process.env.BENCH_DURATION ? { duration: Number(process.env.BENCH_DURATION) } : {}),
    ...(process.env.BENCH_WARMUP ? { warmup: Number(process.env.BENCH_WARMUP) } : {}),
    ...(process.env.BENCH_ROUNDS ? { rounds: Number(process.env.BENCH_ROUNDS) } : {}),
    ...(process.env.BENCH_ROUND_SECONDS ? { roundSeconds: Number(process.env.BENCH_ROUND_SECONDS) } : {}),
    connections: Number(process.env.BENCH_CONNECTIONS || 10),
    megacorpRecords: 5000,
    smallcorpRecords: 50,
    /** How the response cache is switched off for the cold scenarios (config/delivery.ts). */
    cacheOffEnv: Object.fromEntries(
      (process.env.BENCH_CACHE_OFF_ENV || 'DELIVERY_RESPONSE_CACHE=false').split(',').filter(Boolean).map((pair) => pair.split('=')),
    ),
    postgres: {
      host: process.env.BENCH_PG_HOST || '127.0.0.1',
      port: Number(process.env.BENCH_PG_PORT || 5432),
      user: process.env.BENCH_PG_USER || 'postgres',
      password: process.env.BENCH_PG_PASSWORD || '',
    },
  };
  // The 100× corpus: third BENCH_ARTICLES value, else BENCH_100X, else 100 × the 1× size.
  const [n1] = config.articles;
  config.articles = [config.articles[0], config.articles[1], config.articles[2] ?? (Number(process.env.BENCH_100X) > 1 ? Number(process.env.BENCH_100X) : 100 * n1)];
  config.skip = {
    '10x': skipList.includes('10x'),
    '100x': skipList.includes('100x') || envFlag('BENCH_100X') === false,
    postgres: skipList.includes('postgres') || skipList.includes('pg') || envFlag('BENCH_POSTGRES') === false,
    // Opt-in (≈ +1 min): PostgreSQL 100×, replicated from the PostgreSQL 1× corpus.
    postgres100x: envFlag('BENCH_PG_100X') !== true || skipList.includes('100x'),
    s6: skipList.includes('s6'),
    explain: skipList.includes('explain'),
  };
  return config;
})();

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)}s`;
const log = (message) => console.log(`[bench ${elapsed()}] ${message}`);

const BUILD = path.join(__dirname, 'lib', 'build-corpus.js');
const REPLICATE = path.join(__dirname, 'lib', 'replicate-corpus.js');
const APP_SERVER = path.join(__dirname, 'lib', 'app-server.js');
const CEILING = path.join(__dirname, 'lib', 'ceiling-server.js');

/** Sent by every bench client as `X-Rate-Limit-Key` (see appEnv). */
const BENCH_RATE_KEY = 'bench-origin-client';
const RATE_HEADERS = { 'x-rate-limit-key': BENCH_RATE_KEY };

/** The app's environment on one database (`db.env`: lib/app.js sqliteEnv / postgresEnv). */
const appEnv = (db, extra = {}) => ({
  ...BENCH_SECRETS,
  NODE_ENV: 'production',
  ...db.env,
  STRAPI_TELEMETRY_DISABLED: 'true',
  STRAPI_STARTUP_LOG: 'false',
  SEED_ON_BOOT: 'false',
  BENCH_DIST_DIR: benchDist,
  // The origin as a CDN or a site's server reaches it: one client sending thousands of requests a second.
  // Those get a bypass key in production (RATE_LIMIT_BYPASS_KEYS); without one the per-client limit
  // (600/min) answers 429 after the first second of a scenario. The limit's own cost stays in the path.
  RATE_LIMIT_BYPASS_KEYS: BENCH_RATE_KEY,
  ...extra,
});
/**
 * The app runs with the Node flags `npm start` gives it (package.json: the V8 heap cap), so its RSS is the
 * production process's. An operator's own NODE_OPTIONS are not used here.
 */
const APP_NODE_ARGS = (() => {
  const start = require(path.join(appDir, 'package.json')).scripts.start;
  return [...start.matchAll(/--max-old-space-size=\d+/g)].map((match) => match[0]);
})();

const taskEnv = { ...BENCH_SECRETS, BENCH_SKIP_BUILD: '1', NODE_ENV: 'development' };

/** One HTTP request; resolves with status, headers and the body bytes (as sent: not decompressed). */
const request = (base, { method = 'GET', path: p, body, headers = {} }) =>
  new Promise((resolve, reject) => {
    const req = http.request(`${base}${p}`, { method, headers: { ...RATE_HEADERS, ...headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });

const statsOf = async (server) => JSON.parse((await request(server.url, { path: '/__bench/stats' })).body.toString()).queries;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Wait until the app has run no statement for `quietMs`: autocannon stops at the
 * end of its duration with requests still in flight, and their statements
 * (22 per S2 request, slower on PostgreSQL) would otherwise be counted in the
 * next scenario's exact per-request probes. Gives up after `maxMs` (a periodic
 * background job may never let the counter rest).
 */
const settle = async (server, quietMs = 300, maxMs = 10_000) => {
  const t0 = Date.now();
  let last = await statsOf(server);
  let since = Date.now();
  while (Date.now() - t0 < maxMs) {
    await sleep(50);
    const now = await statsOf(server);
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return true;
  }
  return false;
};

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const round = (value, digits) => (value === null || value === undefined || Number.isNaN(value) ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/** autocannon with round-robin over `requests` (shared across connections). */
const cannon = (base, requests, seconds) => {
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: CONFIG.connections,
        duration: seconds,
        requests: [
          {
            setupRequest: (req) => {
              const pick = requests[next % requests.length];
              next += 1;
              return { ...req, method: pick.method ?? 'GET', path: pick.path, headers: { ...(req.headers ?? {}), ...RATE_HEADERS, ...(pick.headers ?? {}) }, body: pick.body };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
};

/** Every row has these fields, in this order (null when they do not apply). */
const emptyRow = ({ name, scale, db }) => ({
  scenario: name,
  scale,
  db,
  rps: null,
  p50Ms: null,
  p99Ms: null,
  bytes: null,
  brBytes: null,
  sqlPerRequest: null,
  sqlPerRequestLoad: null,
  ratioToCeiling: null,
  ratioSpread: null,
  ratioToStock: null,
  rssMb: null,
  peakRssMb: null,
  errors: null,
});

const failedRow = (spec, error) => {
  log(`${spec.name} ${spec.db} ${spec.scale}: FAILED — ${String(error.message ?? error).split('\n')[0]}`);
  return { ...emptyRow(spec), error: String(error.message ?? error).slice(0, 500) };
};

/**
 * Sequential probes before a scenario: status, bytes, exact SQL per request,
 * cache header; then one request with `Accept-Encoding: br` — its body length is
 * `brBytes` when the route answered `Content-Encoding: br` (else null).
 */
const probe = async ({ name, server, requests, counted = true, probeCount = 3, check }) => {
  if (counted) await settle(server);
  const probes = [];
  for (let i = 0; i < probeCount; i += 1) probes.push(await request(server.url, requests[i % requests.length]));
  const bad = probes.find((res) => res.status !== 200);
  if (bad) throw new Error(`${name}: probe answered ${bad.status}: ${bad.body.toString().slice(0, 500)}`);
  const problem = check && probes.map((res) => check(res.body)).find(Boolean);
  if (problem) throw new Error(`${name}: ${problem}`);
  const first = requests[0];
  const br = await request(server.url, { ...first, headers: { ...(first.headers ?? {}), 'accept-encoding': 'br' } });
  const cacheHeader = probes.map((res) => res.headers['x-delivery-cache']).filter(Boolean);
  return {
    bytes: median(probes.map((res) => res.body.length)),
    brBytes: br.status === 200 && br.headers['content-encoding'] === 'br' ? br.body.length : null,
    sql: counted ? median(probes.map((res) => Number(res.headers['x-bench-sql']))) : null,
    cache: cacheHeader.length ? [...new Set(cacheHeader)].join('/') : null,
    body: probes[0].body,
    headers: probes[0].headers,
  };
};

/** One measured run: req/s, latency, errors, SQL counter delta and the serving process's peak RSS. */
const measure = async ({ server, requests, seconds, counted = true }) => {
  const before = counted ? await statsOf(server) : 0;
  const { result, peakRssMb } = await withRssPolling(server.pid, () => cannon(server.url, requests, seconds));
  const after = counted ? await statsOf(server) : 0;
  const total = result.requests.total;
  return {
    rps: total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total,
    sqlDelta: after - before,
    errors: result.errors + result.timeouts + result.non2xx,
    peakRssMb,
  };
};

/** One load scenario: probes, a warm-up, the measured run. A failure is recorded as a row, never thrown. */
const scenario = async (spec) => {
  try {
    const { name, scale, db, server, requests, counted = true } = spec;
    const probed = await probe(spec);
    if (CONFIG.warmup > 0) await cannon(server.url, requests, CONFIG.warmup);
    const run = await measure({ server, requests, seconds: CONFIG.duration, counted });
    const row = {
      ...emptyRow(spec),
      rps: round(run.rps, 1),
      p50Ms: run.p50Ms,
      p99Ms: run.p99Ms,
      bytes: probed.bytes,
      brBytes: probed.brBytes,
      // Exact: statements run by each of the sequential probes (median).
      sqlPerRequest: probed.sql,
      // Over the measured run: counter delta ÷ responses (cache hits lower it).
      sqlPerRequestLoad: counted ? round(run.sqlDelta / Math.max(1, run.total), 1) : null,
      rssMb: Math.round(run.peakRssMb),
      peakRssMb: Math.round(run.peakRssMb),
      errors: run.errors,
      ...(probed.cache ? { cache: probed.cache } : {}),
    };
    log(`${name} ${db} ${scale}: ${row.rps} req/s, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, ${row.bytes} B (br ${row.brBytes ?? '-'}), SQL/req ${row.sqlPerRequest ?? '-'} (load avg ${row.sqlPerRequestLoad ?? '-'}), RSS ${row.rssMb} MB${row.errors ? `, ${row.errors} errors/non-2xx` : ''}`);
    return { row, body: probed.body, headers: probed.headers };
  } catch (error) {
    // One broken route must not cost the whole run: record it and go on.
    return { row: failedRow(spec, error), body: null, headers: {} };
  }
};

const C0_NAME = 'C0 ceiling (node http, same bytes)';

/**
 * The interleaved ceiling: C0 (a plain Node server sending S1's exact bytes,
 * running alongside the app) and the warm scenarios, in `CONFIG.rounds` short
 * rounds — C0, then each warm scenario, one process loaded at a time. A row's
 * rps/p50/p99 are medians over the rounds; its ratioToCeiling is the median of
 * the per-round ratios (its rps ÷ that round's C0 rps), ratioSpread [min, max].
 * The C0 row: median C0 rps, rpsSpread [min, max].
 */
const interleaved = async ({ db, scale, app, ceiling, specs, warmRequests }) => {
  const c0Spec = { name: C0_NAME, scale, db, server: ceiling.server, requests: [warmRequests], counted: false };
  const live = [];
  const failed = [];
  const c0Probe = await probe(c0Spec);
  for (const spec of specs) {
    try {
      live.push({ spec, probed: await probe({ ...spec, server: app }), rounds: [] });
    } catch (error) {
      failed.push(failedRow({ ...spec, server: app }, error));
    }
  }
  if (CONFIG.warmup > 0) {
    await cannon(ceiling.server.url, c0Spec.requests, CONFIG.warmup);
    for (const item of live) await cannon(app.url, item.spec.requests, CONFIG.warmup);
  }
  const c0Rounds = [];
  for (let r = 0; r < CONFIG.rounds; r += 1) {
    c0Rounds.push(await measure({ server: ceiling.server, requests: c0Spec.requests, seconds: CONFIG.roundSeconds, counted: false }));
    for (const item of live) item.rounds.push(await measure({ server: app, requests: item.spec.requests, seconds: CONFIG.roundSeconds }));
  }
  const spread = (list) => [Math.min(...list), Math.max(...list)];
  const c0Rps = c0Rounds.map((m) => m.rps);
  const c0Row = {
    ...emptyRow(c0Spec),
    rps: round(median(c0Rps), 1),
    p50Ms: median(c0Rounds.map((m) => m.p50Ms)),
    p99Ms: median(c0Rounds.map((m) => m.p99Ms)),
    bytes: c0Probe.bytes,
    ratioToCeiling: 1,
    rssMb: Math.round(Math.max(...c0Rounds.map((m) => m.peakRssMb))),
    peakRssMb: Math.round(Math.max(...c0Rounds.map((m) => m.peakRssMb))),
    errors: c0Rounds.reduce((sum, m) => sum + m.errors, 0),
    rounds: CONFIG.rounds,
    rpsSpread: spread(c0Rps).map((v) => round(v, 1)),
  };
  log(`${C0_NAME} (interleaved with ${db} ${scale}): median ${c0Row.rps} req/s over ${CONFIG.rounds} rounds [${c0Row.rpsSpread.join(' – ')}]`);
  const details = { c0Rps: c0Rps.map((v) => round(v, 1)), scenarios: {} };
  const rows = [c0Row];
  for (const { spec, probed, rounds } of live) {
    const rps = rounds.map((m) => m.rps);
    const ratios = rounds.map((m, r) => m.rps / c0Rps[r]);
    const total = rounds.reduce((sum, m) => sum + m.total, 0);
    const row = {
      ...emptyRow(spec),
      rps: round(median(rps), 1),
      p50Ms: median(rounds.map((m) => m.p50Ms)),
      p99Ms: median(rounds.map((m) => m.p99Ms)),
      bytes: probed.bytes,
      brBytes: probed.brBytes,
      sqlPerRequest: probed.sql,
      sqlPerRequestLoad: round(rounds.reduce((sum, m) => sum + m.sqlDelta, 0) / Math.max(1, total), 1),
      ratioToCeiling: round(median(ratios), 4),
      ratioSpread: spread(ratios).map((v) => round(v, 4)),
      rssMb: Math.round(Math.max(...rounds.map((m) => m.peakRssMb))),
      peakRssMb: Math.round(Math.max(...rounds.map((m) => m.peakRssMb))),
      errors: rounds.reduce((sum, m) => sum + m.errors, 0),
      ...(probed.cache ? { cache: probed.cache } : {}),
      rounds: CONFIG.rounds,
      rpsSpread: spread(rps).map((v) => round(v, 1)),
    };
    details.scenarios[spec.name] = rounds.map((m, r) => ({ c0Rps: round(c0Rps[r], 1), rps: round(m.rps, 1), ratio: round(ratios[r], 4), p50Ms: m.p50Ms, p99Ms: m.p99Ms }));
    log(`${spec.name} ${db} ${scale}: median ${row.rps} req/s, ÷ C0 median ${(row.ratioToCeiling * 100).toFixed(1)} % [${row.ratioSpread.map((v) => `${(v * 100).toFixed(1)} %`).join(' – ')}], ${row.bytes} B (br ${row.brBytes ?? '-'}), RSS ${row.rssMb} MB${row.errors ? `, ${row.errors} errors/non-2xx` : ''}`);
    rows.push(row);
  }
  return { rows: [...rows, ...failed], details };
};

const graphqlCheck = (body) => {
  const json = JSON.parse(body.toString());
  if (json.errors?.length) return `GraphQL errors: ${JSON.stringify(json.errors).slice(0, 500)}`;
  if (!json.data?.articleBySlug) return 'articleBySlug returned null';
  return null;
};

/** Sequential requests; the SQL each one ran (x-bench-sql), median of `times`. */
const sqlOf = async (server, req, times = 3) => {
  const counts = [];
  let status;
  for (let i = 0; i < times; i += 1) {
    const res = await request(server.url, req);
    status = res.status;
    counts.push(Number(res.headers['x-bench-sql']));
  }
  return { status, sql: median(counts) };
};

/** The statements one request runs, with bindings, for EXPLAIN QUERY PLAN. */
const capture = async (server, req) => {
  await request(server.url, { method: 'POST', path: '/__bench/capture/start' });
  await request(server.url, req);
  return JSON.parse((await request(server.url, { method: 'POST', path: '/__bench/capture/stop' })).body.toString()).queries;
};

const QUOTE_PROBE = /^bench-q\d+-/;
const slugPath = (slug) => `/api/articles/slug/${encodeURIComponent(slug)}`;

const routes = (corpus, populate) => {
  const slugs = corpus.articles.filter((a) => !QUOTE_PROBE.test(a.slug));
  // S2 reads relations through link tables: only real (imported) articles have them (the 100× copies do not).
  const stockArticles = (corpus.stockArticles ?? corpus.articles).filter((a) => !QUOTE_PROBE.test(a.slug));
  const stockQuery = qs.stringify({ fields: populate.fields, populate: populate.populate }, { encodeValuesOnly: true });
  const listQuery = qs.stringify(
    {
      fields: ['headline', 'slug', 'standfirst', 'section', 'byline', 'datePublished'],
      populate: { sourceAgency: { fields: ['name', 'slug'] }, people: { fields: ['name', 'slug'] }, organizations: { fields: ['name', 'slug'] } },
      sort: ['datePublished:desc'],
      pagination: { pageSize: 25 },
    },
    { encodeValuesOnly: true },
  );
  const sanctionsOf = (documentId) =>
    `/api/sanction-records?${qs.stringify(
      { filters: { organization: { documentId: { $eq: documentId } } }, sort: ['startDate:desc'], pagination: { pageSize: 25 } },
      { encodeValuesOnly: true },
    )}`;
  const graphql = (slug) => ({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: ARTICLE_PAGE_QUERY, variables: { slug } }),
  });
  return {
    warmSlug: { path: slugPath(slugs[0].slug) },
    coldSlugs: slugs.map((a) => ({ path: slugPath(a.slug) })),
    stock: stockArticles.map((a) => ({ path: `/api/articles/${a.documentId}?${stockQuery}` })),
    list: [{ path: `/api/articles?${listQuery}` }],
    // The fronts' list from the stored page summaries (src/delivery/front-list.ts).
    front: [{ path: '/api/fronts/articles?limit=25' }],
    graphql: slugs.map((a) => graphql(a.slug)),
    sanctionsBig: [{ path: sanctionsOf(corpus.organizations['bench-megacorp']) }],
    orgSanctionsBig: [{ path: `/api/organizations/${corpus.organizations['bench-megacorp']}/sanctions?page=1&pageSize=25` }],
    orgSanctionsSmall: [{ path: `/api/organizations/${corpus.organizations['bench-smallcorp']}/sanctions?page=1&pageSize=25` }],
    quoteProbes: Object.entries(corpus.quoteProbes).map(([quotes, slug]) => ({ quotes: Number(quotes), req: { path: slugPath(slug) } })),
  };
};

/** The page graph S2 must request to match S1: the delivery preset if exported, else the documented one. */
const pagePopulate = () => {
  const preset = requireDist('src/domain/article-preset.js');
  let populate = preset.ARTICLE_PAGE_POPULATE;
  try {
    const service = requireDist('src/api/article/services/article.js');
    if (service.ARTICLE_DELIVERY_POPULATE) populate = service.ARTICLE_DELIVERY_POPULATE;
  } catch {
    // the documented preset it is
  }
  return { fields: preset.ARTICLE_FIELDS, populate };
};

const publishSummary = (build) =>
  Object.entries(build.published.byType)
    .map(([uid, stat]) => `${uid.split('.').pop()} ${((stat.seconds / Math.max(1, stat.documents)) * 1000).toFixed(0)} ms/doc`)
    .join(', ');

/**
 * What runs on one database at one scale.
 *  warm: interleaved with C0, response cache on (s1: S1 same slug; front: S3 fronts' list).
 *  cold: a freshly started app with the response cache off (s1, s2, list, front, s4, s5).
 */
const PLANS = {
  full: { warm: ['s1', 'front'], cold: ['s1', 's2', 'list', 'front', 's4', 's5'], quotes: true },
  x100: { warm: ['front'], cold: ['s1', 's2', 'front'], quotes: true, checkCopies: true, explain: ['s1', 'front'] },
  postgres: { warm: ['s1'], cold: ['s1', 's2', 'front', 's4'], quotes: true },
  postgresX100: { warm: [], cold: ['s1', 's2', 'front'], quotes: true, checkCopies: true },
};

/** C0 serves S1's exact bytes (the seeded-like page); started once, kept running alongside every warm app. */
const ensureCeiling = async (state, app, r) => {
  if (state.ceiling) return state.ceiling;
  const res = await request(app.url, r.warmSlug);
  if (res.status !== 200) throw new Error(`S1 probe for C0's body: ${res.status} ${res.body.toString().slice(0, 300)}`);
  const bodyFile = path.join(state.tmp, 'ceiling-body');
  fs.writeFileSync(bodyFile, res.body);
  const server = await startServer(CEILING, [bodyFile, res.headers['content-type'] ?? 'application/json'], {}, { label: 'C0' });
  log(`C0 ceiling pid ${server.pid} on ${server.url}: ${res.body.length} B, kept running alongside the warm apps`);
  state.ceiling = { server, bytes: res.body.length };
  return state.ceiling;
};

const benchSet = async ({ db, scale, corpus, state, plan, explain = false }) => {
  const r = routes(corpus, pagePopulate());
  const rows = [];
  const notes = { db: db.name, scale };
  const at = { scale, db: db.name };

  // --- cache on (production default): the warm rows, interleaved with C0
  if (plan.warm.length) {
    const server = await startServer(APP_SERVER, [], appEnv(db), { label: `app ${db.name} ${scale}`, nodeArgs: APP_NODE_ARGS });
    log(`app (${db.name} ${scale}, response cache on) pid ${server.pid} on ${server.url}`);
    try {
      const ceiling = await ensureCeiling(state, server, r);
      const specs = [];
      if (plan.warm.includes('s1')) specs.push({ name: 'S1 slug, cache warm (same slug)', ...at, requests: [r.warmSlug] });
      if (plan.warm.includes('front')) specs.push({ name: 'S3 front list of 25, stored summaries, cache warm', ...at, requests: r.front });
      const result = await interleaved({ db: db.name, scale, app: server, ceiling, specs, warmRequests: r.warmSlug });
      rows.push(...result.rows);
      notes.rounds = result.details;
      notes.warmHwmMb = memoryOf(server.pid).hwmMb;
    } finally {
      await server.stop();
    }
  }

  // --- cache off, on a freshly started app: everything that must hit the database. The slug
  // route and GraphQL read the stored page graph, so this is also "S1 cold after a restart".
  const server = await startServer(APP_SERVER, [], appEnv(db, CONFIG.cacheOffEnv), { label: `app ${db.name} ${scale} cache off`, nodeArgs: APP_NODE_ARGS });
  log(`app (${db.name} ${scale}, response cache off: ${JSON.stringify(CONFIG.cacheOffEnv)}) pid ${server.pid}`);
  try {
    const run = async (key, spec) => {
      if (plan.cold.includes(key)) rows.push((await scenario({ ...at, server, ...spec })).row);
    };
    if (plan.checkCopies) {
      // The replicated articles must be real pages on the slug route: a sample across all of them, sequentially.
      const copies = r.coldSlugs.filter((req) => /--r\d+$/.test(decodeURIComponent(req.path)));
      const step = Math.max(1, Math.floor(copies.length / 60));
      const sample = copies.filter((_, i) => i % step === 0);
      const statuses = {};
      for (const req of sample) {
        const res = await request(server.url, req);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      }
      notes.copiesChecked = { copies: copies.length, checked: sample.length, ok: statuses[200] ?? 0, statuses };
      log(`100× copies on the slug route: ${notes.copiesChecked.ok}/${sample.length} sampled answered 200 (${copies.length} copies)`);
    }
    await run('s1', { name: 'S1 slug, cache cold (round-robin slugs)', requests: r.coldSlugs });
    await run('s2', { name: 'S2 stock findOne + nested populate', requests: r.stock });
    await run('list', { name: 'S3 list of 25, field-limited populate', requests: r.list });
    await run('front', { name: 'S3 front list of 25, stored summaries, cache cold', requests: r.front });
    await run('s4', { name: 'S4 GraphQL articleBySlug', requests: r.graphql, check: graphqlCheck });
    await run('s5', { name: `S5 org sanctions route, 25 of ${CONFIG.megacorpRecords}`, requests: r.orgSanctionsBig });
    await run('s5', { name: `S5 org sanctions route, 25 of ${CONFIG.smallcorpRecords}`, requests: r.orgSanctionsSmall });
    await run('s5', { name: `S5 stock sanction-records filter, 25 of ${CONFIG.megacorpRecords}`, requests: r.sanctionsBig });

    if (plan.quotes) {
      await settle(server);
      notes.quoteSql = [];
      for (const item of r.quoteProbes) notes.quoteSql.push({ quotes: item.quotes, scale, db: db.name, ...(await sqlOf(server, item.req)) });
      log(`S1 cold SQL by quotes (${db.name} ${scale}): ${notes.quoteSql.map((q) => `${q.quotes}q→${q.sql}${q.status === 200 ? '' : ` (HTTP ${q.status})`}`).join(', ')}`);
    }

    // EXPLAIN QUERY PLAN (SQLite only): every route at 1× (`explain`), the routes of `plan.explain` elsewhere.
    const explained = explain ? ['s1', 's2', 'list', 'front', 's4', 's5'] : (plan.explain ?? []);
    if (explained.length && db.file) {
      await settle(server);
      const captures = [
        ['s1', 'S1 slug (cold)', r.coldSlugs[r.coldSlugs.length - 1]],
        ['s2', 'S2 stock findOne', r.stock[0]],
        ['list', 'S3 list', r.list[0]],
        ['front', 'S3 front list', r.front[0]],
        ['s4', 'S4 GraphQL', r.graphql[0]],
        ['s5', 'S5 org sanctions route', r.orgSanctionsBig[0]],
        ['s5', 'S5 stock sanction-records filter', r.sanctionsBig[0]],
      ];
      const captured = {};
      for (const [key, label, req] of captures) if (explained.includes(key)) captured[label] = await capture(server, req);
      notes.explain = explainAll(db.file, captured);
      if (explain) notes.lookups = explainLookups(db.file);
    }
    notes.coldHwmMb = memoryOf(server.pid).hwmMb;
  } finally {
    await server.stop();
  }
  return { rows, notes };
};

const buildCorpus = async ({ db, scale, task }) => {
  const build = await runTask(BUILD, [JSON.stringify({ kind: 'build', dbEnv: db.env, ...task })], taskEnv, { label: `build ${db.name} ${scale}` });
  log(
    `built ${db.name} ${scale}: +${build.stories} stories imported in ${build.importSeconds.toFixed(1)} s (${(build.stories / build.importSeconds).toFixed(1)}/s, ${build.importSqlPerStory.toFixed(0)} SQL/story), published in ${build.publishSeconds.toFixed(1)} s via ${build.published.how} (${publishSummary(build)})${build.bulk ? `; bulk sanctions ${build.bulk.seconds.toFixed(2)} s` : ''}`,
  );
  log(`re-publishing a shared entity at ${db.name} ${scale}: ${JSON.stringify(build.sharedPublishMs)} ms`);
  return build;
};

/** PostgreSQL at CONFIG.postgres, reachable? Resolves { version } or rejects with the reason. */
const postgresAdmin = async () => {
  const { Client } = require('pg');
  const client = new Client({ ...CONFIG.postgres, database: process.env.BENCH_PG_ADMIN_DB || 'postgres', connectionTimeoutMillis: 3000 });
  await client.connect();
  return client;
};

const main = async () => {
  const [n1, n10, n100] = CONFIG.articles;
  log(
    `scale ${scaleName}: corpus ${n1}/${CONFIG.skip['10x'] ? '-' : n10}/${CONFIG.skip['100x'] ? '-' : n100} articles (1×/10×/100×), PostgreSQL ${CONFIG.skip.postgres ? 'skipped' : CONFIG.skip.postgres100x ? '1×' : '1× and 100×'}, S6 ${CONFIG.skip.s6 ? 'skipped' : CONFIG.s6.join('/')} stories, ${CONFIG.warmup}+${CONFIG.duration} s per scenario, warm rows ${CONFIG.rounds} rounds × ${CONFIG.roundSeconds} s interleaved with C0, ${CONFIG.connections} connections, app node flags ${APP_NODE_ARGS.join(' ') || '(none)'} (npm start's)`,
  );
  compile(log);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-'));
  const dbFile = path.join(tmp, 'corpus.db');
  const sqlite = { name: 'sqlite', env: sqliteEnv(dbFile), file: dbFile };
  const template = path.join(tmp, 'empty-template.db');
  const state = { tmp, ceiling: null };
  const rows = [];
  const notes = { config: { scale: scaleName, ...CONFIG }, builds: [], scales: {}, sets: {}, parts: [], failures: [], databases: {} };

  /** One part of the run: timed; a failure is logged and recorded (notes.failures + an error row), the run goes on. */
  const part = async (label, { db, scale }, work) => {
    const t0 = Date.now();
    try {
      await work();
      notes.parts.push({ part: label, seconds: Math.round((Date.now() - t0) / 1000), ok: true });
      return true;
    } catch (error) {
      const message = String(error.stack ?? error);
      log(`PART FAILED: ${label} — ${message.split('\n')[0]}`);
      notes.parts.push({ part: label, seconds: Math.round((Date.now() - t0) / 1000), ok: false });
      notes.failures.push({ part: label, error: message.slice(0, 4000) });
      rows.push({ ...emptyRow({ name: `${label} (part)`, scale, db }), error: message.slice(0, 500) });
      return false;
    }
  };
  const addSet = (key, set) => {
    rows.push(...set.rows);
    notes.sets[key] = set.notes;
    if (set.notes.db === 'sqlite') notes.scales[set.notes.scale] = set.notes;
  };

  try {
    // --- SQLite 1×
    let corpus = null;
    notes.databases.sqlite = { scales: [] };
    const built1 = await part('sqlite 1x', { db: 'sqlite', scale: '1x' }, async () => {
      const build = await buildCorpus({ db: sqlite, scale: '1x', task: { template, from: 0, to: n1, first: true, megacorpRecords: CONFIG.megacorpRecords, smallcorpRecords: CONFIG.smallcorpRecords } });
      notes.builds.push({ scale: '1x', db: 'sqlite', ...build, articles: build.articles.length });
      corpus = build;
      addSet('sqlite 1x', await benchSet({ db: sqlite, scale: '1x', corpus, state, plan: PLANS.full, explain: !CONFIG.skip.explain }));
      notes.databases.sqlite.scales.push('1x');
    });

    // --- SQLite 10×: the same database grown by the next stories
    let built10 = false;
    if (built1 && !CONFIG.skip['10x']) {
      built10 = await part('sqlite 10x', { db: 'sqlite', scale: '10x' }, async () => {
        const build = await buildCorpus({ db: sqlite, scale: '10x', task: { from: n1, to: n10, first: false } });
        notes.builds.push({ scale: '10x', db: 'sqlite', ...build, articles: build.articles.length });
        corpus = { ...build, organizations: corpus.organizations, quoteProbes: corpus.quoteProbes };
        addSet('sqlite 10x', await benchSet({ db: sqlite, scale: '10x', corpus, state, plan: PLANS.full, explain: process.env.BENCH_EXPLAIN_ALL === '1' }));
        notes.databases.sqlite.scales.push('10x');
      });
    }

    // --- SQLite 100×: the database replicated up to n100 published articles (lib/replicate-corpus.js)
    if (built1 && !CONFIG.skip['100x']) {
      await part('sqlite 100x', { db: 'sqlite', scale: '100x' }, async () => {
        const copied = await runTask(REPLICATE, [JSON.stringify({ dbEnv: sqlite.env, target: n100 })], taskEnv, { label: 'replicate 100x' });
        const { articles, ...summary } = copied;
        notes.builds.push({ scale: '100x', db: 'sqlite', replicated: summary, articles: articles.length });
        log(`built sqlite 100x by replication: ${copied.copies} copies of ${copied.originals} published articles (+${copied.workflowStates} workflow-state rows) in ${copied.seconds.toFixed(1)} s → ${copied.publishedArticles} published articles, ${copied.pageRows} stored pages`);
        const stockArticles = corpus.articles;
        corpus = { ...corpus, articles, stockArticles };
        addSet('sqlite 100x', await benchSet({ db: sqlite, scale: '100x', corpus, state, plan: PLANS.x100 }));
        notes.databases.sqlite.scales.push('100x');
        if (!built10) notes.databases.sqlite.note = '100× replicated from the 1× corpus (10× skipped or failed)';
      });
    }

    // --- PostgreSQL 1×: a fresh database, dropped at the end whatever happens
    if (CONFIG.skip.postgres) {
      notes.databases.postgres = { skipped: 'BENCH_POSTGRES=0 / BENCH_SKIP' };
      log('PostgreSQL: skipped (BENCH_POSTGRES=0 or BENCH_SKIP=postgres)');
    } else {
      let admin = null;
      try {
        admin = await postgresAdmin();
      } catch (error) {
        notes.databases.postgres = { skipped: `not reachable at ${CONFIG.postgres.host}:${CONFIG.postgres.port} as ${CONFIG.postgres.user}: ${error.message}` };
        log(`PostgreSQL: SKIPPED — not reachable at ${CONFIG.postgres.host}:${CONFIG.postgres.port} as ${CONFIG.postgres.user} (${error.message})`);
      }
      if (admin) {
        const name = `newsroom_bench_${process.pid}`;
        const pg = { name: 'postgres', env: postgresEnv({ ...CONFIG.postgres, database: name }) };
        const version = (await admin.query('SHOW server_version')).rows[0].server_version;
        notes.databases.postgres = { version, database: name, scales: [] };
        state.dropPostgres = async () => {
          state.dropPostgres = null;
          try {
            await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
            log(`PostgreSQL: dropped ${name}`);
          } catch (error) {
            log(`PostgreSQL: could not drop ${name}: ${error.message}`);
          } finally {
            await admin.end().catch(() => {});
          }
        };
        let pgCorpus = null;
        try {
          await part('postgres 1x', { db: 'postgres', scale: '1x' }, async () => {
            await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
            await admin.query(`CREATE DATABASE "${name}"`);
            log(`PostgreSQL ${version}: created ${name}`);
            const build = await buildCorpus({ db: pg, scale: '1x', task: { from: 0, to: n1, first: true, megacorpRecords: CONFIG.megacorpRecords, smallcorpRecords: CONFIG.smallcorpRecords } });
            notes.builds.push({ scale: '1x', db: 'postgres', ...build, articles: build.articles.length });
            addSet('postgres 1x', await benchSet({ db: pg, scale: '1x', corpus: build, state, plan: PLANS.postgres }));
            notes.databases.postgres.scales.push('1x');
            pgCorpus = build;
          });
          if (pgCorpus && !CONFIG.skip.postgres100x) {
            await part('postgres 100x', { db: 'postgres', scale: '100x' }, async () => {
              const copied = await runTask(REPLICATE, [JSON.stringify({ dbEnv: pg.env, target: n100 })], taskEnv, { label: 'replicate postgres 100x' });
              const { articles, ...summary } = copied;
              notes.builds.push({ scale: '100x', db: 'postgres', replicated: summary, articles: articles.length });
              log(`built postgres 100x by replication of the 1× corpus: ${copied.copies} copies of ${copied.originals} published articles in ${copied.seconds.toFixed(1)} s → ${copied.publishedArticles} published articles, ${copied.pageRows} stored pages`);
              addSet('postgres 100x', await benchSet({ db: pg, scale: '100x', corpus: { ...pgCorpus, articles, stockArticles: pgCorpus.articles }, state, plan: PLANS.postgresX100 }));
              notes.databases.postgres.scales.push('100x');
            });
          }
        } finally {
          // benchSet stopped its apps; DROP … WITH (FORCE) ends any connection left anyway.
          if (state.dropPostgres) await state.dropPostgres();
        }
      }
    }

    // C0 is done once every warm set has run.
    if (state.ceiling) {
      await state.ceiling.server.stop();
      state.ceiling = null;
    }

    // --- S6: ours vs naive on fresh SQLite databases
    if (!CONFIG.skip.s6) {
      await part('s6', { db: 'sqlite', scale: '1x' }, async () => {
        const s6 = {};
        notes.s6 = s6;
        for (const [index, n] of CONFIG.s6.entries()) {
          const scale = index === 0 ? '1x' : '10x';
          // Rounds interleaved (ours, naive, ours, naive…), each in a fresh process on a fresh database; the
          // round with the median time stands for each mode, the others are kept in `rounds`. Ten stories take
          // about a second: one round moved the 1× ratio between 2.7× and 4.1× across runs.
          const runs = { ours: [], naive: [] };
          for (let r = 0; r < CONFIG.s6Rounds; r += 1) {
            for (const mode of ['ours', 'naive']) {
              const db = path.join(tmp, `s6-${mode}-${n}-${r}.db`);
              // Start from the empty, schema-synced database the 1× build saved (boots faster than a bare file).
              if (fs.existsSync(template)) fs.copyFileSync(template, db);
              const result = await runTask(BUILD, [JSON.stringify({ kind: 's6', dbEnv: sqliteEnv(db), mode, n })], taskEnv, { label: `S6 ${mode} ${n}` });
              fs.rmSync(db, { force: true });
              runs[mode].push(result);
              log(`S6 ${mode} ${scale} round ${r + 1}/${CONFIG.s6Rounds}: ${n} stories in ${result.seconds.toFixed(1)} s = ${(n / result.seconds).toFixed(2)} stories/s, ${result.sqlPerStory.toFixed(0)} SQL/story, peak RSS ${result.rssMb} MB`);
            }
          }
          for (const mode of ['ours', 'naive']) {
            const sorted = [...runs[mode]].sort((a, b) => a.seconds - b.seconds);
            s6[`${mode}-${scale}`] = { ...sorted[Math.floor((sorted.length - 1) / 2)], rounds: runs[mode].map((result) => round(result.seconds, 3)) };
          }
          const ours = s6[`ours-${scale}`];
          const naive = s6[`naive-${scale}`];
          for (const [mode, result] of [[`ours (importBundles, ${process.env.BENCH_S6_BATCH || 10} stories/tx)`, ours], ['naive (documents().create per entity)', naive]]) {
            rows.push({
              ...emptyRow({ name: `S6 import, ${mode}`, scale, db: 'sqlite' }),
              rps: round(result.stories / result.seconds, 2),
              sqlPerRequest: Math.round(result.sqlPerStory),
              ratioToStock: result === ours ? round(naive.seconds / ours.seconds, 2) : 1,
              rssMb: result.rssMb ?? null,
              peakRssMb: result.rssMb ?? null,
              stories: result.stories,
              seconds: round(result.seconds, 2),
            });
          }
        }
      });
    }
  } finally {
    stopAll();
    if (state.dropPostgres) await state.dropPostgres();
    if (process.env.BENCH_KEEP_DB !== '1') fs.rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  }

  // Ratios. Interleaved (warm) rows carry theirs; any other HTTP row: ÷ the median C0 interleaved with
  // the same database and scale. ÷ S2: the stock findOne of the same database and scale.
  for (const row of rows) {
    if (row.scenario.startsWith('S6') || row.error || !row.rps) continue;
    if (row.ratioToCeiling === null) {
      const ceiling = rows.find((other) => other.scenario === C0_NAME && other.db === row.db && other.scale === row.scale && other.rps);
      if (ceiling) row.ratioToCeiling = round(row.rps / ceiling.rps, 4);
    }
    const stock = rows.find((other) => other.scenario.startsWith('S2') && other.db === row.db && other.scale === row.scale && other.rps);
    if (stock && row.scenario !== C0_NAME) row.ratioToStock = round(row.rps / stock.rps, 2);
  }
  notes.totalSeconds = (Date.now() - started) / 1000;
  const { table } = writeResults({ rows, notes, appDir });
  console.log(`\n${table}\n`);
  log(`done in ${notes.totalSeconds.toFixed(0)} s (${notes.parts.map((p) => `${p.part} ${p.seconds} s${p.ok ? '' : ' FAILED'}`).join(', ')}); wrote bench/results/latest.json and latest.md`);
};

const interrupted = async () => {
  stopAll();
  if (CONFIG.skip.postgres) process.exit(130);
  try {
    // A bench killed mid-run still drops its PostgreSQL database.
    const { Client } = require('pg');
    const client = new Client({ ...CONFIG.postgres, database: process.env.BENCH_PG_ADMIN_DB || 'postgres', connectionTimeoutMillis: 2000 });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "newsroom_bench_${process.pid}" WITH (FORCE)`);
    await client.end();
  } catch {
    // not reachable or never created
  }
  process.exit(130);
};
process.on('SIGINT', interrupted);
process.on('SIGTERM', interrupted);

main().catch(async (error) => {
  stopAll();
  console.error(error);
  process.exit(1);
});
