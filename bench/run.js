#!/usr/bin/env node
'use strict';

/**
 * npm run bench   (BENCH_SCALE=small for a quick end-to-end check)
 *
 * Builds a synthetic newsroom through the import pipeline at 1× and 10×,
 * starts the app in production mode on a temp SQLite file and drives it with
 * autocannon; also times the importer against the naive document-service path.
 * Writes bench/results/latest.json and bench/results/latest.md and prints the table.
 * See bench/README.md.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const autocannon = require('autocannon');
const qs = require('qs');

const { compile, appDir, benchDist, BENCH_SECRETS, requireDist } = require('./lib/app');
const { startServer, runTask, stopAll, memoryOf, withRssPolling } = require('./lib/procs');
const { explainAll, explainLookups } = require('./lib/explain');
const { ARTICLE_PAGE_QUERY } = require('./lib/graphql');
const { writeResults } = require('./lib/report');

const SCALES = {
  small: { articles: [20, 200], s6: [5, 50], duration: 5, warmup: 1 },
  full: { articles: [30, 300], s6: [10, 100], duration: 8, warmup: 2 },
};
const scaleName = process.env.BENCH_SCALE || 'full';
if (!SCALES[scaleName]) throw new Error(`BENCH_SCALE must be one of ${Object.keys(SCALES).join(', ')}`);
const numbers = (value) => (value ? value.split(',').map(Number) : undefined);
const CONFIG = {
  ...SCALES[scaleName],
  ...(process.env.BENCH_ARTICLES ? { articles: numbers(process.env.BENCH_ARTICLES) } : {}),
  ...(process.env.BENCH_S6 ? { s6: numbers(process.env.BENCH_S6) } : {}),
  ...(process.env.BENCH_DURATION ? { duration: Number(process.env.BENCH_DURATION) } : {}),
  ...(process.env.BENCH_WARMUP ? { warmup: Number(process.env.BENCH_WARMUP) } : {}),
  connections: Number(process.env.BENCH_CONNECTIONS || 10),
  megacorpRecords: 5000,
  smallcorpRecords: 50,
  /** How the response cache is switched off for the cold scenarios (config/delivery.ts). */
  cacheOffEnv: Object.fromEntries(
    (process.env.BENCH_CACHE_OFF_ENV || 'DELIVERY_RESPONSE_CACHE=false').split(',').filter(Boolean).map((pair) => pair.split('=')),
  ),
};

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)}s`;
const log = (message) => console.log(`[bench ${elapsed()}] ${message}`);

const BUILD = path.join(__dirname, 'lib', 'build-corpus.js');
const APP_SERVER = path.join(__dirname, 'lib', 'app-server.js');
const CEILING = path.join(__dirname, 'lib', 'ceiling-server.js');

/** Sent by every bench client as `X-Rate-Limit-Key` (see appEnv). */
const BENCH_RATE_KEY = 'bench-origin-client';
const RATE_HEADERS = { 'x-rate-limit-key': BENCH_RATE_KEY };

const appEnv = (dbFile, extra = {}) => ({
  ...BENCH_SECRETS,
  NODE_ENV: 'production',
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: dbFile,
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
const taskEnv = { ...BENCH_SECRETS, BENCH_SKIP_BUILD: '1', NODE_ENV: 'development' };

/** One HTTP request; resolves with status, headers and the body bytes. */
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

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

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

/**
 * One load scenario: sequential probes (status, bytes, exact SQL per request,
 * cache header), a warm-up, then the measured run with RSS polling and the SQL
 * counter read before and after.
 */
const scenario = async (spec) => {
  try {
    return await runScenario(spec);
  } catch (error) {
    // One broken route must not cost the whole run: record it and go on.
    log(`${spec.name} ${spec.scale}: FAILED — ${error.message.split('\n')[0]}`);
    const row = { scenario: spec.name, scale: spec.scale, rps: null, p50Ms: null, p99Ms: null, bytes: null, sqlPerRequest: null, ratioToCeiling: null, ratioToStock: null, error: error.message.slice(0, 500) };
    return { row, body: null, headers: {} };
  }
};

const runScenario = async ({ name, scale, server, requests, counted = true, probeCount = 3, check }) => {
  const probes = [];
  for (let i = 0; i < probeCount; i += 1) {
    const res = await request(server.url, requests[i % requests.length]);
    probes.push(res);
  }
  const bad = probes.find((res) => res.status !== 200);
  if (bad) throw new Error(`${name}: probe answered ${bad.status}: ${bad.body.toString().slice(0, 500)}`);
  const problem = check && probes.map((res) => check(res.body)).find(Boolean);
  if (problem) throw new Error(`${name}: ${problem}`);
  const bytes = median(probes.map((res) => res.body.length));
  const probeSql = counted ? median(probes.map((res) => Number(res.headers['x-bench-sql']))) : null;
  const cacheHeader = probes.map((res) => res.headers['x-delivery-cache']).filter(Boolean);

  if (CONFIG.warmup > 0) await cannon(server.url, requests, CONFIG.warmup);
  const before = counted ? await statsOf(server) : 0;
  const { result, peakRssMb } = await withRssPolling(server.pid, () => cannon(server.url, requests, CONFIG.duration));
  const after = counted ? await statsOf(server) : 0;
  const total = result.requests.total;
  const row = {
    scenario: name,
    scale,
    rps: Math.round((total / result.duration) * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    bytes,
    // Exact: statements run by each of the sequential probes (median).
    sqlPerRequest: probeSql,
    // Over the measured run: counter delta ÷ responses (includes warm-up stragglers; cache hits lower it).
    sqlPerRequestLoad: counted ? Math.round(((after - before) / Math.max(1, total)) * 10) / 10 : null,
    ratioToCeiling: null,
    ratioToStock: null,
    peakRssMb: Math.round(peakRssMb),
    errors: result.errors + result.timeouts + result.non2xx,
    ...(cacheHeader.length ? { cache: [...new Set(cacheHeader)].join('/') } : {}),
  };
  log(`${name} ${scale}: ${row.rps} req/s, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, ${bytes} B, SQL/req ${row.sqlPerRequest ?? '-'} (load avg ${row.sqlPerRequestLoad ?? '-'})${row.errors ? `, ${row.errors} errors/non-2xx` : ''}`);
  return { row, body: probes[0].body, headers: probes[0].headers };
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

const routes = (corpus, populate) => {
  const slugs = corpus.articles.filter((a) => !/^bench-q\d+-/.test(a.slug));
  const slugPath = (slug) => `/api/articles/slug/${encodeURIComponent(slug)}`;
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
    stock: slugs.map((a) => ({ path: `/api/articles/${a.documentId}?${stockQuery}` })),
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

const benchScale = async ({ scale, dbFile, corpus, state }) => {
  const r = routes(corpus, pagePopulate());
  const rows = [];
  const notes = {};

  // --- cache on (production default): S1 warm, and the C0 ceiling from its exact body
  let server = await startServer(APP_SERVER, [], appEnv(dbFile), { label: `app ${scale}` });
  log(`app (${scale}, response cache on) pid ${server.pid} on ${server.url}`);
  try {
    const warm = await request(server.url, r.warmSlug);
    if (warm.status !== 200) throw new Error(`S1 probe: ${warm.status} ${warm.body.toString().slice(0, 300)}`);
    if (!state.ceiling) {
      const bodyFile = path.join(state.tmp, 'ceiling-body');
      fs.writeFileSync(bodyFile, warm.body);
      const ceiling = await startServer(CEILING, [bodyFile, warm.headers['content-type'] ?? 'application/json'], {}, { label: 'C0' });
      try {
        state.ceiling = (await scenario({ name: 'C0 ceiling (node http, same bytes)', scale: 'n/a', server: ceiling, requests: [r.warmSlug], counted: false })).row;
      } finally {
        await ceiling.stop();
      }
      rows.push(state.ceiling);
    }
    rows.push((await scenario({ name: 'S1 slug, cache warm (same slug)', scale, server, requests: [r.warmSlug] })).row);
    rows.push((await scenario({ name: 'S3 front list of 25, stored summaries, cache warm', scale, server, requests: r.front })).row);
    notes.warmHwmMb = memoryOf(server.pid).hwmMb;
  } finally {
    await server.stop();
  }

  // --- cache off, on a freshly started app: everything that must hit the database. The slug
  // route and GraphQL read the stored page graph, so this is also "S1 cold after a restart".
  server = await startServer(APP_SERVER, [], appEnv(dbFile, CONFIG.cacheOffEnv), { label: `app ${scale} cache off` });
  log(`app (${scale}, response cache off: ${JSON.stringify(CONFIG.cacheOffEnv)}) pid ${server.pid}`);
  try {
    rows.push((await scenario({ name: 'S1 slug, cache cold (round-robin slugs)', scale, server, requests: r.coldSlugs })).row);
    rows.push((await scenario({ name: 'S2 stock findOne + nested populate', scale, server, requests: r.stock })).row);
    rows.push((await scenario({ name: 'S3 list of 25, field-limited populate', scale, server, requests: r.list })).row);
    rows.push((await scenario({ name: 'S3 front list of 25, stored summaries, cache cold', scale, server, requests: r.front })).row);
    rows.push((await scenario({ name: 'S4 GraphQL articleBySlug', scale, server, requests: r.graphql, check: graphqlCheck })).row);
    rows.push((await scenario({ name: `S5 org sanctions route, 25 of ${CONFIG.megacorpRecords}`, scale, server, requests: r.orgSanctionsBig })).row);
    rows.push((await scenario({ name: `S5 org sanctions route, 25 of ${CONFIG.smallcorpRecords}`, scale, server, requests: r.orgSanctionsSmall })).row);
    rows.push((await scenario({ name: `S5 stock sanction-records filter, 25 of ${CONFIG.megacorpRecords}`, scale, server, requests: r.sanctionsBig })).row);

    notes.quoteSql = [];
    for (const probe of r.quoteProbes) notes.quoteSql.push({ quotes: probe.quotes, scale, ...(await sqlOf(server, probe.req)) });
    log(`S1 cold SQL by quotes (${scale}): ${notes.quoteSql.map((q) => `${q.quotes}q→${q.sql}`).join(', ')}`);

    if (scale === '1x' || process.env.BENCH_EXPLAIN_ALL === '1') {
      const captured = {
        'S1 slug (cold)': await capture(server, r.coldSlugs[0]),
        'S2 stock findOne': await capture(server, r.stock[0]),
        'S3 list': await capture(server, r.list[0]),
        'S3 front list': await capture(server, r.front[0]),
        'S4 GraphQL': await capture(server, r.graphql[0]),
        'S5 org sanctions route': await capture(server, r.orgSanctionsBig[0]),
        'S5 stock sanction-records filter': await capture(server, r.sanctionsBig[0]),
      };
      notes.explain = explainAll(dbFile, captured);
      notes.lookups = explainLookups(dbFile);
    }
    notes.coldHwmMb = memoryOf(server.pid).hwmMb;
  } finally {
    await server.stop();
  }
  return { rows, notes };
};

const main = async () => {
  const [n1, n10] = CONFIG.articles;
  log(`scale ${scaleName}: corpus ${n1}/${n10} articles, S6 ${CONFIG.s6.join('/')} stories, ${CONFIG.warmup}+${CONFIG.duration} s per scenario, ${CONFIG.connections} connections`);
  compile(log);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-'));
  const dbFile = path.join(tmp, 'corpus.db');
  const template = path.join(tmp, 'empty-template.db');
  const state = { tmp, ceiling: null };
  const rows = [];
  const notes = { config: { scale: scaleName, ...CONFIG }, builds: [], scales: {} };

  try {
    // 1× corpus
    let build = await runTask(BUILD, [JSON.stringify({ kind: 'build', db: dbFile, template, from: 0, to: n1, first: true, megacorpRecords: CONFIG.megacorpRecords, smallcorpRecords: CONFIG.smallcorpRecords })], taskEnv, { label: 'build 1x' });
    notes.builds.push({ scale: '1x', ...build, articles: build.articles.length });
    log(`built 1x: ${n1} stories imported in ${build.importSeconds.toFixed(1)} s (${(n1 / build.importSeconds).toFixed(1)}/s, ${build.importSqlPerStory.toFixed(0)} SQL/story), published in ${build.publishSeconds.toFixed(1)} s via ${build.published.how} (${publishSummary(build)}); bulk sanctions ${build.bulk.seconds.toFixed(2)} s`);
    log(`re-publishing a shared entity at 1x: ${JSON.stringify(build.sharedPublishMs)} ms`);
    let corpus = build;
    const one = await benchScale({ scale: '1x', dbFile, corpus, state });
    rows.push(...one.rows);
    notes.scales['1x'] = one.notes;

    // 10×: the same database grown by the next stories
    build = await runTask(BUILD, [JSON.stringify({ kind: 'build', db: dbFile, from: n1, to: n10, first: false })], taskEnv, { label: 'build 10x' });
    notes.builds.push({ scale: '10x', ...build, articles: build.articles.length });
    log(`built 10x: +${n10 - n1} stories imported in ${build.importSeconds.toFixed(1)} s (${((n10 - n1) / build.importSeconds).toFixed(1)}/s), published in ${build.publishSeconds.toFixed(1)} s (${publishSummary(build)})`);
    log(`re-publishing a shared entity at 10x: ${JSON.stringify(build.sharedPublishMs)} ms`);
    corpus = { ...build, organizations: corpus.organizations, quoteProbes: corpus.quoteProbes };
    const ten = await benchScale({ scale: '10x', dbFile, corpus, state });
    rows.push(...ten.rows);
    notes.scales['10x'] = ten.notes;

    // S6: ours vs naive on fresh databases
    const s6 = {};
    for (const [index, n] of CONFIG.s6.entries()) {
      const scale = index === 0 ? '1x' : '10x';
      for (const mode of ['ours', 'naive']) {
        const db = path.join(tmp, `s6-${mode}-${n}.db`);
        // Start from the empty, schema-synced database the 1× build saved (boots faster than a bare file).
        if (fs.existsSync(template)) fs.copyFileSync(template, db);
        const result = await runTask(BUILD, [JSON.stringify({ kind: 's6', db, mode, n })], taskEnv, { label: `S6 ${mode} ${n}` });
        s6[`${mode}-${scale}`] = result;
        log(`S6 ${mode} ${scale}: ${n} stories in ${result.seconds.toFixed(1)} s = ${(n / result.seconds).toFixed(2)} stories/s, ${result.sqlPerStory.toFixed(0)} SQL/story`);
      }
      const ours = s6[`ours-${scale}`];
      const naive = s6[`naive-${scale}`];
      for (const [mode, result] of [[`ours (importBundles, ${process.env.BENCH_S6_BATCH || 10} stories/tx)`, ours], ['naive (documents().create per entity)', naive]]) {
        rows.push({
          scenario: `S6 import, ${mode}`,
          scale,
          rps: Math.round((result.stories / result.seconds) * 100) / 100,
          p50Ms: null,
          p99Ms: null,
          bytes: null,
          sqlPerRequest: Math.round(result.sqlPerStory),
          ratioToCeiling: null,
          ratioToStock: result === ours ? Math.round((naive.seconds / ours.seconds) * 100) / 100 : 1,
          stories: result.stories,
          seconds: Math.round(result.seconds * 100) / 100,
        });
      }
    }
    notes.s6 = s6;
  } finally {
    stopAll();
    if (process.env.BENCH_KEEP_DB !== '1') fs.rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  }

  // Ratios: to C0, and to S2 of the same scale (S6 rows carry ours/naive already).
  const ceiling = rows.find((row) => row.scenario.startsWith('C0'));
  for (const row of rows) {
    if (row.scenario.startsWith('S6')) continue;
    if (ceiling?.rps && row.rps) row.ratioToCeiling = Math.round((row.rps / ceiling.rps) * 10000) / 10000;
    const stock = rows.find((other) => other.scenario.startsWith('S2') && other.scale === row.scale);
    if (stock?.rps && row.rps && !row.scenario.startsWith('C0')) row.ratioToStock = Math.round((row.rps / stock.rps) * 100) / 100;
  }
  notes.totalSeconds = (Date.now() - started) / 1000;
  const { table } = writeResults({ rows, notes, appDir });
  console.log(`\n${table}\n`);
  log(`done in ${notes.totalSeconds.toFixed(0)} s; wrote bench/results/latest.json and latest.md`);
};

process.on('SIGINT', () => {
  stopAll();
  process.exit(130);
});

main().catch((error) => {
  stopAll();
  console.error(error);
  process.exit(1);
});
