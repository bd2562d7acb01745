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

const find = (rows, prefix, scale) => rows.find((row) => row.scenario.startsWith(prefix) && (scale === undefined || row.scale === scale));

const targets = (rows, notes) => {
  const out = [];
  const verdict = (ok) => (ok === null ? 'n/a' : ok ? 'MET' : 'MISSED');
  for (const scale of ['1x', '10x']) {
    const warm = find(rows, 'S1 slug, cache warm', scale);
    const cold = find(rows, 'S1 slug, cache cold', scale);
    if (warm) out.push([`S1 warm ≥ 10 % of C0 (${scale})`, pct(warm.ratioToCeiling), verdict(warm.ratioToCeiling >= 0.1)]);
    if (cold) out.push([`S1 cold ≥ 1× S2 (${scale})`, `${fmt(cold.ratioToStock, 2)}×`, verdict(cold.ratioToStock >= 1)]);
    // Issue 14: the stored page graph and the fronts' list.
    const gql = find(rows, 'S4 GraphQL', scale);
    const frontCold = find(rows, 'S3 front list of 25, stored summaries, cache cold', scale);
    const frontWarm = find(rows, 'S3 front list of 25, stored summaries, cache warm', scale);
    if (cold) out.push([`S1 cold ≥ 10× S2 and ≤ 3 SQL (${scale})`, `${fmt(cold.ratioToStock, 2)}×, ${fmt(cold.sqlPerRequest)} SQL`, verdict(cold.ratioToStock >= 10 && cold.sqlPerRequest <= 3)]);
    if (gql && cold) out.push([`S4 GraphQL ≥ S1 cold req/s and ≤ 3 SQL (${scale})`, `${fmt(gql.rps)} vs ${fmt(cold.rps)} req/s, ${fmt(gql.sqlPerRequest)} SQL`, verdict(gql.rps >= cold.rps && gql.sqlPerRequest <= 3)]);
    if (frontCold) out.push([`S3 front list cold ≤ 6 SQL (${scale})`, `${fmt(frontCold.sqlPerRequest)} SQL`, verdict(frontCold.sqlPerRequest <= 6)]);
    if (frontWarm) out.push([`S3 front list warm ≥ 10 % of C0 (${scale})`, pct(frontWarm.ratioToCeiling), verdict(frontWarm.ratioToCeiling >= 0.1)]);
  }
  const quoteSql = Object.values(notes.scales ?? {}).flatMap((scale) => scale.quoteSql ?? []);
  if (quoteSql.length) {
    const values = quoteSql.map((q) => q.sql);
    const constant = values.every((v) => v === values[0]);
    out.push([
      'SQL per S1 cold constant and ≤ 8 (5→50 quotes, 1×→10×)',
      quoteSql.map((q) => `${q.quotes}q@${q.scale}=${q.sql}`).join(', '),
      verdict(constant && Math.max(...values) <= 8),
    ]);
  }
  const s6 = notes.s6 ?? {};
  for (const scale of ['1x', '10x']) {
    const ours = s6[`ours-${scale}`];
    const naive = s6[`naive-${scale}`];
    if (ours && naive) out.push([`S6 ours ≥ 3× naive (${scale})`, `${fmt(naive.seconds / ours.seconds, 2)}×`, verdict(naive.seconds / ours.seconds >= 3)]);
  }
  if (s6['ours-1x'] && s6['ours-10x']) {
    const factor = s6['ours-10x'].stories / s6['ours-1x'].stories;
    const ratio = s6['ours-10x'].seconds / s6['ours-1x'].seconds;
    out.push([`S6 ours: ${factor}× stories ≤ ${factor * 1.1}× time`, `${fmt(ratio, 2)}× time (naive ${fmt(s6['naive-10x'].seconds / s6['naive-1x'].seconds, 2)}×)`, verdict(ratio <= factor * 1.1)]);
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

const table = (header, rows) =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

const writeResults = ({ rows, notes, appDir }) => {
  const dir = path.join(appDir, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const info = machine();
  fs.writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(rows, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'latest-details.json'), `${JSON.stringify({ machine: info, notes }, null, 2)}\n`);

  const http = rows.filter((row) => !row.scenario.startsWith('S6'));
  const main = table(
    ['scenario', 'scale', 'req/s', 'p50 ms', 'p99 ms', 'bytes', 'SQL/req', '÷ C0', '÷ S2', 'peak RSS MB', 'errors'],
    http.map((row) => [
      row.scenario + (row.cache ? ` [${row.cache}]` : '') + (row.error ? ` **FAILED: ${row.error.split('\n')[0].slice(0, 120).replace(/\|/g, '/')}**` : ''),
      row.scale,
      fmt(row.rps),
      fmt(row.p50Ms),
      fmt(row.p99Ms),
      fmt(row.bytes),
      row.sqlPerRequest === null ? '–' : `${fmt(row.sqlPerRequest, 1)}`,
      pct(row.ratioToCeiling),
      row.ratioToStock === null ? '–' : `${fmt(row.ratioToStock, 2)}×`,
      fmt(row.peakRssMb),
      fmt(row.errors),
    ]),
  );
  const s6 = table(
    ['S6 import', 'scale', 'stories', 'seconds', 'stories/s', 'SQL/story', 'ours ÷ naive'],
    rows.filter((row) => row.scenario.startsWith('S6')).map((row) => [row.scenario.replace('S6 import, ', ''), row.scale, fmt(row.stories), fmt(row.seconds, 1), fmt(row.rps, 2), fmt(row.sqlPerRequest), row.scenario.includes('ours') ? `${fmt(row.ratioToStock, 2)}×` : '']),
  );
  const quoteSql = Object.values(notes.scales ?? {}).flatMap((scale) => scale.quoteSql ?? []);
  const quotes = table(['quotes on article', 'corpus', 'SQL per S1 cold request'], quoteSql.map((q) => [q.quotes, q.scale, q.sql]));
  const goals = table(['target', 'measured', ''], targets(rows, notes));

  const explain = notes.scales?.['1x']?.explain ?? {};
  const flagged = Object.entries(explain).flatMap(([label, statements]) =>
    statements.filter((s) => s.flags.length).map((s) => `- **${label}**: ${s.flags.join('; ')} — \`${s.sql.slice(0, 160)}${s.sql.length > 160 ? '…' : ''}\``),
  );
  const lookups = table(
    ['lookup', 'plan'],
    (notes.scales?.['1x']?.lookups ?? []).map((l) => [l.label, `${l.plan.join('; ')}${l.flags.length ? ' **⚠**' : ''}`]),
  );
  const perType = (b) =>
    Object.entries(b.published?.byType ?? {})
      .map(([uid, stat]) => `${uid.split('.').pop()} ${fmt((stat.seconds / Math.max(1, stat.documents)) * 1000, 1)} ms × ${stat.documents}`)
      .join(', ');
  const builds = (notes.builds ?? []).map(
    (b) =>
      `- ${b.scale}: +${b.stories} stories imported in ${fmt(b.importSeconds, 1)} s (${fmt(b.stories / b.importSeconds, 1)}/s, ${fmt(b.importSqlPerStory)} SQL/story), each published right after its import via ${b.published?.how}: ${fmt(b.publishSeconds, 1)} s (per document: ${perType(b)})${b.bulk ? `; ${b.bulk.big.records}+${b.bulk.small.records} sanction records bulk-inserted in ${fmt(b.bulk.seconds, 2)} s` : ''}${b.directory ? `; directory (${b.directory.organizations} organizations, ${b.directory.experts} experts) created in ${fmt(b.directory.createdSeconds, 1)} s and published in ${fmt(b.directory.publishSeconds, 1)} s before the first story` : ''}`,
  );
  const shared = table(
    ['re-publish of a shared entity (ms)', ...(notes.builds ?? []).map((b) => `${b.scale} (${b.articles} articles)`)],
    [...new Set((notes.builds ?? []).flatMap((b) => Object.keys(b.sharedPublishMs ?? {})))].map((label) => [label, ...(notes.builds ?? []).map((b) => fmt(b.sharedPublishMs?.[label]))]),
  );

  const md = [
    '# Newsroom bench — latest run',
    '',
    `Machine: nproc ${info.nproc} · ${info.cpu} · Node ${info.node} · ${info.date} · load average at end ${info.loadavg}`,
    `Config: scale \`${notes.config.scale}\` · corpus ${notes.config.articles.join(' / ')} articles (1× / 10×) · S6 ${notes.config.s6.join(' / ')} stories · ${notes.config.connections} connections · ${notes.config.warmup} s warm-up + ${notes.config.duration} s per scenario · SQLite · NODE_ENV=production · total ${fmt(notes.totalSeconds)} s`,
    '',
    main,
    '',
    'SQL/req: statements run by one request (knex `query` events in the app, sequential probes, median of 3; latest.json also has `sqlPerRequestLoad`, the average over the measured run). ÷ C0: req/s relative to a plain Node server sending S1\'s exact bytes. ÷ S2: relative to stock findOne with the same populate. [HIT/MISS/BYPASS]: the X-Delivery-Cache header of the probes.',
    '',
    s6,
    '',
    quotes,
    '',
    '## Targets',
    '',
    goals,
    '',
    '## Query plans (SQLite, 1× corpus)',
    '',
    flagged.length ? ['Statements the routes ran that scan a table or sort in a temp B-tree:', '', ...flagged].join('\n') : 'No statement run by the routes scans a table without an index.',
    '',
    lookups,
    '',
    '## Corpus build',
    '',
    ...builds,
    '',
    shared,
    '',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'latest.md'), md);
  return { table: [main, '', s6, '', quotes, '', goals].join('\n') };
};

module.exports = { writeResults };
