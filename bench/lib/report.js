'use strict';

/** bench/results/latest.json (the rows), latest-details.json (everything else) and latest.md. */
const fs = require('fs');
const os = require('os');
const path = require('path');

const fmt = (value, digits = 0) => (value === null || value === undefined || Number.isNaN(value) ? '–' : Number(value).toFixed(digits));
const pct = (value) => (value === null || value === undefined ? '–' : `${(value * 100).toFixed(value < 0.1 ? 2 : 1)} %`);

const machine = () => {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = (/^model name\s*:\s*(.+)$/m.exec(cpuinfo) ?? [])[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    cpu: model.trim(),
    node: process.version,
    date: new Date().toISOString(),
    loadavg: os.loadavg().map((n) => n.toFixed(2)).join(' '),
  };
};

const find = (rows, prefix, scale, db) =>
  rows.find((row) => row.scenario.startsWith(prefix) && (scale === undefined || row.scale === scale) && (db === undefined || (row.db ?? 'sqlite') === db) && !row.error);

const DBS = ['sqlite', 'postgres'];
const SCALES = ['1x', '10x', '100x'];
const DB_LABEL = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const PEAK_RSS_LIMIT_MB = 350;
const FLAT_RPS_MIN = 0.5;

const S1_WARM = 'S1 slug, cache warm';
const S1_COLD = 'S1 slug, cache cold';
const FRONT_WARM = 'S3 front list of 25, stored summaries, cache warm';
const FRONT_COLD = 'S3 front list of 25, stored summaries, cache cold';

/** "28.4 % (25.1–30.2 %)": a median ratio and its spread over the interleaved rounds. */
const ratioText = (row) => (row.ratioSpread ? `${pct(row.ratioToCeiling)} (${pct(row.ratioSpread[0])}–${pct(row.ratioSpread[1])}, ${row.rounds} rounds)` : pct(row.ratioToCeiling));

const quoteSqlOf = (notes) => Object.values(notes.sets ?? notes.scales ?? {}).flatMap((set) => (set.quoteSql ?? []).map((q) => ({ db: set.db ?? 'sqlite', ...q })));

const targets = (rows, notes) => {
  const out = [];
  const verdict = (ok) => (ok === null ? 'n/a' : ok ? 'MET' : 'MISSED');
  const quoteSql = quoteSqlOf(notes);
  for (const db of DBS) {
    const at = (scale) => `${DB_LABEL[db]} ${scale}`;
    for (const scale of SCALES) {
      const warm = find(rows, S1_WARM, scale, db);
      const cold = find(rows, S1_COLD, scale, db);
      const gql = find(rows, 'S4 GraphQL', scale, db);
      const frontCold = find(rows, FRONT_COLD, scale, db);
      const frontWarm = find(rows, FRONT_WARM, scale, db);
      if (warm) out.push([`S1 warm ≥ 25 % of C0 (${at(scale)}; median of interleaved rounds)`, ratioText(warm), verdict(warm.ratioToCeiling >= 0.25)]);
      if (cold) {
        out.push([`S1 cold ≥ 10× S2 stock (${at(scale)})`, cold.ratioToStock === null ? 'no S2 row' : `${fmt(cold.ratioToStock, 2)}× (${fmt(cold.rps)} vs ${fmt(cold.rps / cold.ratioToStock)} req/s)`, verdict(cold.ratioToStock === null ? null : cold.ratioToStock >= 10)]);
        out.push([`S1 cold ≤ 3 SQL (${at(scale)})`, `${fmt(cold.sqlPerRequest)} SQL`, verdict(cold.sqlPerRequest <= 3)]);
      }
      if (gql && cold) out.push([`S4 GraphQL ≥ S1 cold req/s and ≤ 3 SQL (${at(scale)})`, `${fmt(gql.rps)} vs ${fmt(cold.rps)} req/s, ${fmt(gql.sqlPerRequest)} SQL`, verdict(gql.rps >= cold.rps && gql.sqlPerRequest <= 3)]);
      if (frontCold) out.push([`S3 front list cold ≤ 6 SQL (${at(scale)})`, `${fmt(frontCold.sqlPerRequest)} SQL, ${fmt(frontCold.rps)} req/s`, verdict(frontCold.sqlPerRequest <= 6)]);
      if (frontWarm) out.push([`S3 front list warm ≥ 10 % of C0 (${at(scale)}; median of interleaved rounds)`, ratioText(frontWarm), verdict(frontWarm.ratioToCeiling >= 0.1)]);
      // Bytes on the wire for the seeded-like page: S1 with Accept-Encoding: br.
      const page = [warm, cold].find((row) => row?.bytes && row.brBytes);
      if (warm || cold) {
        out.push([
          `S1 page with br ≤ 15 % of the uncompressed body (${at(scale)})`,
          page ? `${fmt(page.brBytes)} of ${fmt(page.bytes)} B = ${pct(page.brBytes / page.bytes)}` : 'no Content-Encoding: br answer',
          verdict(page ? page.brBytes / page.bytes <= 0.15 : false),
        ]);
      }
    }

    // Flat cost: the exact SQL of S1 cold from 5 to 50 quotes, and from 1× to 100×.
    const quotes = quoteSql.filter((q) => q.db === db);
    for (const scale of SCALES) {
      const list = quotes.filter((q) => q.scale === scale);
      if (!list.length) continue;
      const values = list.map((q) => q.sql);
      const ok = list.every((q) => q.status === 200) && values.every((v) => v === values[0]) && Math.max(...values) <= 3;
      out.push([`S1 cold SQL flat 5→50 quotes and ≤ 3 (${at(scale)})`, list.map((q) => `${q.quotes}q=${q.sql}${q.status === 200 ? '' : ` (HTTP ${q.status})`}`).join(', '), verdict(ok)]);
    }
    // Flat from 1× to 100×: the same exact SQL at every size, and req/s at the largest size at least
    // FLAT_RPS_MIN of the smallest's (a tolerance for a shared machine's noise, not a goal: flat means ≈ 1).
    const flat = (label, prefix, extraSql = []) => {
      const list = SCALES.map((scale) => find(rows, prefix, scale, db)).filter(Boolean);
      if (list.length < 2) return;
      const first = list[0];
      const last = list[list.length - 1];
      const sql = [...list.map((row) => row.sqlPerRequest), ...extraSql];
      const kept = last.rps / first.rps;
      out.push([
        `${label} flat ${first.scale}→${last.scale}: same SQL/request, req/s ≥ ${FLAT_RPS_MIN * 100} % of ${first.scale}'s (${DB_LABEL[db]})`,
        `${list.map((row) => `${row.scale}: ${fmt(row.sqlPerRequest)} SQL, ${fmt(row.rps)} req/s, p50 ${fmt(row.p50Ms)} ms`).join('; ')} (req/s ${last.scale} ÷ ${first.scale} = ${fmt(kept, 2)})`,
        verdict(sql.every((v) => v === sql[0]) && kept >= FLAT_RPS_MIN),
      ]);
    };
    flat('S1 cold', S1_COLD, quotes.map((q) => q.sql));
    flat('S3 front cold', FRONT_COLD);
    const copies = Object.values(notes.sets ?? {}).find((set) => set.db === db && set.copiesChecked)?.copiesChecked;
    if (copies) out.push([`100× copies answer 200 on the slug route (${DB_LABEL[db]}, sample)`, `${copies.ok}/${copies.checked} of ${copies.copies} copies`, verdict(copies.ok === copies.checked && copies.checked > 0)]);

    // Peak RSS of the app: the highest rssMb over this database's app rows (not C0, not the S6 import tasks).
    const app = rows.filter((row) => (row.db ?? 'sqlite') === db && row.rssMb && !row.scenario.startsWith('C0') && !row.scenario.startsWith('S6'));
    if (app.length) {
      const top = app.reduce((a, b) => (b.rssMb > a.rssMb ? b : a));
      out.push([`Peak RSS of the app under the bench ≤ ${PEAK_RSS_LIMIT_MB} MB (${DB_LABEL[db]})`, `${fmt(top.rssMb)} MB (${top.scenario}, ${top.scale})`, verdict(top.rssMb <= PEAK_RSS_LIMIT_MB)]);
    }
  }

  const s6 = notes.s6 ?? {};
  for (const scale of ['1x', '10x']) {
    const ours = s6[`ours-${scale}`];
    const naive = s6[`naive-${scale}`];
    if (!ours || !naive) continue;
    // Several interleaved rounds: the ratio of the median times, and each round's own ratio beside it.
    const perRound = (ours.rounds ?? []).length > 1 ? ours.rounds.map((seconds, i) => naive.rounds[i] / seconds) : [];
    const spread = perRound.length ? ` (median of ${perRound.length} rounds; per round ${perRound.map((ratio) => `${fmt(ratio, 2)}×`).join(', ')})` : '';
    out.push([`S6 ours ≥ 3× naive (${scale})`, `${fmt(naive.seconds / ours.seconds, 2)}×${spread}`, verdict(naive.seconds / ours.seconds >= 3)]);
  }
  if (s6['ours-1x'] && s6['ours-10x']) {
    const factor = s6['ours-10x'].stories / s6['ours-1x'].stories;
    const ratio = s6['ours-10x'].seconds / s6['ours-1x'].seconds;
    out.push([`S6 ours: ${factor}× stories ≤ ${fmt(factor * 1.1, 1)}× time`, `${fmt(ratio, 2)}× time (naive ${fmt(s6['naive-10x'].seconds / s6['naive-1x'].seconds, 2)}×)`, verdict(ratio <= factor * 1.1)]);
  }
  const route = rows.filter((row) => row.scenario.startsWith('S5 org sanctions route') && row.bytes);
  const big = route.filter((row) => / of 5000$/.test(row.scenario));
  const small = route.filter((row) => !/ of 5000$/.test(row.scenario));
  if (big.length && small.length) {
    const spread = Math.max(...big.map((b) => Math.abs(b.bytes - small[0].bytes) / small[0].bytes));
    out.push([
      'S5 payload independent of record count (page of 25: org with 5000 vs 50 records)',
      `${big.map((b) => `${b.bytes} B`).join(', ')} vs ${small.map((s) => `${s.bytes} B`).join(', ')}; p50 ${big.map((b) => b.p50Ms).join('/')} vs ${small.map((s) => s.p50Ms).join('/')} ms`,
      verdict(spread <= 0.1),
    ]);
  }
  return out;
};

/** "SQLite (1x, 10x, 100x) · PostgreSQL 15.4 (1x)", or why a database did not run. */
const databasesLine = (notes) =>
  DBS.map((db) => {
    const info = notes.databases?.[db];
    if (!info) return null;
    if (info.skipped) return `${DB_LABEL[db]}: skipped — ${info.skipped}`;
    const name = `${DB_LABEL[db]}${info.version ? ` ${info.version}` : ''}`;
    return info.scales?.length ? `${name} (${info.scales.join(', ')})` : `${name}: FAILED (see Failures)`;
  })
    .filter(Boolean)
    .join(' · ');

const table = (header, rows) =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

const writeResults = ({ rows, notes, appDir }) => {
  const dir = path.join(appDir, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const info = machine();
  fs.writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(rows, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'latest-details.json'), `${JSON.stringify({ machine: info, notes }, null, 2)}\n`);

  const http = rows.filter((row) => !row.scenario.startsWith('S6'));
  const rpsText = (row) => (row.rpsSpread ? `${fmt(row.rps)} (${fmt(row.rpsSpread[0])}–${fmt(row.rpsSpread[1])})` : fmt(row.rps));
  const main = table(
    ['scenario', 'db', 'scale', 'req/s', 'p50 ms', 'p99 ms', 'bytes', 'br bytes', 'SQL/req', '÷ C0', '÷ S2', 'RSS MB', 'errors'],
    http.map((row) => [
      row.scenario + (row.cache ? ` [${row.cache}]` : '') + (row.error ? ` **FAILED: ${row.error.split('\n')[0].slice(0, 120).replace(/\|/g, '/')}**` : ''),
      row.db ?? 'sqlite',
      row.scale,
      rpsText(row),
      fmt(row.p50Ms),
      fmt(row.p99Ms),
      fmt(row.bytes),
      row.brBytes ? `${fmt(row.brBytes)} (${pct(row.brBytes / row.bytes)})` : '–',
      row.sqlPerRequest === null ? '–' : `${fmt(row.sqlPerRequest, 1)}`,
      ratioText(row),
      row.ratioToStock === null ? '–' : `${fmt(row.ratioToStock, 2)}×`,
      fmt(row.rssMb ?? row.peakRssMb),
      fmt(row.errors),
    ]),
  );
  const s6 = table(
    ['S6 import', 'scale', 'stories', 'seconds', 'stories/s', 'SQL/story', 'ours ÷ naive', 'peak RSS MB'],
    rows
      .filter((row) => row.scenario.startsWith('S6') && !row.error)
      .map((row) => [row.scenario.replace('S6 import, ', ''), row.scale, fmt(row.stories), fmt(row.seconds, 1), fmt(row.rps, 2), fmt(row.sqlPerRequest), row.scenario.includes('ours') ? `${fmt(row.ratioToStock, 2)}×` : '', fmt(row.rssMb)]),
  );
  const quoteSql = quoteSqlOf(notes);
  const quotes = table(['quotes on article', 'db', 'corpus', 'SQL per S1 cold request'], quoteSql.map((q) => [q.quotes, q.db, q.scale, `${q.sql}${q.status === 200 ? '' : ` (HTTP ${q.status})`}`]));
  const goals = table(['target', 'measured', ''], targets(rows, notes));
  const failures = (notes.failures ?? []).map((f) => `- **${f.part}**: ${f.error.split('\n').slice(0, 3).join(' ').slice(0, 400)}`);

  const sqlite1x = notes.sets?.['sqlite 1x'] ?? notes.scales?.['1x'] ?? {};
  const flaggedOf = (explain = {}) =>
    Object.entries(explain).flatMap(([label, statements]) =>
      statements.filter((s) => s.flags.length).map((s) => `- **${label}**: ${s.flags.join('; ')} — \`${s.sql.replace(/\s+/g, ' ').slice(0, 160)}${s.sql.length > 160 ? '…' : ''}\``),
    );
  const flagged = flaggedOf(sqlite1x.explain);
  const sqlite100x = notes.sets?.['sqlite 100x'];
  const flagged100 = flaggedOf(sqlite100x?.explain);
  const plans100 = Object.entries(sqlite100x?.explain ?? {}).flatMap(([label, statements]) =>
    statements.filter((s) => !s.sql.includes('up_permissions')).map((s) => `- **${label}**: ${s.plan.join('; ')} — \`${s.sql.replace(/\s+/g, ' ').slice(0, 120)}…\``),
  );
  const lookups = table(
    ['lookup', 'plan'],
    (sqlite1x.lookups ?? []).map((l) => [l.label, `${l.plan.join('; ')}${l.flags.length ? ' **⚠**' : ''}`]),
  );
  const perType = (b) =>
    Object.entries(b.published?.byType ?? {})
      .map(([uid, stat]) => `${uid.split('.').pop()} ${fmt((stat.seconds / Math.max(1, stat.documents)) * 1000, 1)} ms × ${stat.documents}`)
      .join(', ');
  const builds = (notes.builds ?? []).map((b) => {
    const where = `${b.db ?? 'sqlite'} ${b.scale}`;
    if (b.replicated) {
      const r = b.replicated;
      return `- ${where}: replicated in SQL (bench/lib/replicate-corpus.js) from ${r.originals} published articles: +${r.copies} article rows, +${r.copies} stored page graphs, +${r.workflowStates} workflow-state rows in one transaction, ${fmt(r.seconds, 1)} s → ${r.publishedArticles} published articles, ${r.pageRows} stored pages`;
    }
    return `- ${where}: +${b.stories} stories imported in ${fmt(b.importSeconds, 1)} s (${fmt(b.stories / b.importSeconds, 1)}/s, ${fmt(b.importSqlPerStory)} SQL/story), each published right after its import via ${b.published?.how}: ${fmt(b.publishSeconds, 1)} s (per document: ${perType(b)})${b.bulk ? `; ${b.bulk.big.records}+${b.bulk.small.records} sanction records bulk-inserted in ${fmt(b.bulk.seconds, 2)} s` : ''}${b.directory ? `; directory (${b.directory.organizations} organizations, ${b.directory.experts} experts) created in ${fmt(b.directory.createdSeconds, 1)} s and published in ${fmt(b.directory.publishSeconds, 1)} s before the first story` : ''}`;
  });
  const imported = (notes.builds ?? []).filter((b) => b.sharedPublishMs);
  const shared = table(
    ['re-publish of a shared entity (ms)', ...imported.map((b) => `${b.db ?? 'sqlite'} ${b.scale} (${b.articles} articles)`)],
    [...new Set(imported.flatMap((b) => Object.keys(b.sharedPublishMs ?? {})))].map((label) => [label, ...imported.map((b) => fmt(b.sharedPublishMs?.[label]))]),
  );

  const md = [
    '# Newsroom bench — latest run',
    '',
    `Machine: nproc ${info.nproc} · ${info.cpu} · Node ${info.node} · ${info.date} · load average at end ${info.loadavg}`,
    `Databases: ${databasesLine(notes) || '–'}`,
    `Config: scale \`${notes.config.scale}\` · corpus ${notes.config.articles.join(' / ')} articles (1× / 10× / 100×, the 100× by replication) · S6 ${notes.config.s6.join(' / ')} stories · ${notes.config.connections} connections · ${notes.config.warmup} s warm-up + ${notes.config.duration} s per scenario · warm rows: ${notes.config.rounds} rounds × ${notes.config.roundSeconds} s interleaved with C0 · NODE_ENV=production · total ${fmt(notes.totalSeconds)} s`,
    '',
    main,
    '',
    [
      'req/s: the measured run; for the rows interleaved with C0 (C0 and the warm rows), the median over the rounds (min–max).',
      'br bytes: body length with `Accept-Encoding: br` when the route answers `Content-Encoding: br` (share of the uncompressed `bytes`).',
      'SQL/req: statements run by one request (knex `query` events in the app, sequential probes, median of 3; latest.json also has `sqlPerRequestLoad`, the average over the measured run).',
      "÷ C0: req/s relative to a plain Node server sending S1's exact bytes — for the warm rows the median of the per-round ratios (min–max, rounds); for the other rows ÷ the median C0 of the same database and scale.",
      '÷ S2: relative to stock findOne with the same populate, same database and scale. RSS MB: peak RSS of the serving process during that scenario (polled every 100 ms; S6: the import task\'s VmHWM).',
      '[HIT/MISS/BYPASS]: the X-Delivery-Cache header of the probes.',
    ].join(' '),
    '',
    s6,
    '',
    quotes,
    '',
    '## Targets',
    '',
    goals,
    '',
    ...(failures.length ? ['## Failures', '', ...failures, ''] : []),
    '## Query plans (SQLite, 1× corpus)',
    '',
    flagged.length ? ['Statements the routes ran that scan a table or sort in a temp B-tree:', '', ...flagged].join('\n') : 'No statement run by the routes scans a table without an index.',
    '',
    lookups,
    '',
    ...(sqlite100x?.explain
      ? [
          '## Query plans (SQLite, 100× corpus: S1 cold and S3 front)',
          '',
          ...plans100,
          '',
          flagged100.length ? ['Flagged:', '', ...flagged100].join('\n') : 'Nothing flagged.',
          '',
        ]
      : []),
    '## Corpus build',
    '',
    ...builds,
    '',
    shared,
    '',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'latest.md'), md);
  return { table: [`Databases: ${databasesLine(notes) || '–'}`, '', main, '', s6, '', quotes, '', goals, ...(failures.length ? ['', 'Failures:', ...failures] : [])].join('\n') };
};

module.exports = { writeResults };
