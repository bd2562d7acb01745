'use strict';

/**
 * Data work for the bench, in a child process (Strapi loaded, no HTTP):
 *
 *   node bench/lib/build-corpus.js '<json task>'
 *
 * task.kind = 'build': import stories [from, to) through `importBundle` (one
 *   transaction per story, as in production), on the first build also the
 *   fixed-quote-count stories and the bulk sanction records, then publish every
 *   draft that has no published version. Prints one JSON line with timings.
 * task.kind = 's6': import `n` stories into a fresh database with `mode`
 *   'ours' (importBundles, batches of S6_BATCH stories per transaction) or
 *   'naive' (documents().create per entity).
 *
 * task.dbEnv names the database (DATABASE_CLIENT=sqlite + DATABASE_FILENAME, or
 * postgres + DATABASE_HOST/…; see lib/app.js); task.db (a SQLite file) is the
 * older spelling. task.template (SQLite only): save a copy of the empty,
 * schema-synced database there before anything is written.
 *
 * The last stdout line is the JSON result (with `rssMb`, this process's peak RSS).
 */
const fs = require('fs');
const { loadStrapi, requireDist } = require('./app');
const gen = require('../fixtures/generate');
const { naiveImportBundle, UID } = require('./naive-import');

const PUBLISH_ORDER = [UID.organization, UID.expert, UID.sanctionRecord, UID.quote, UID.article];
const PUBLISH_BATCH = 200;
/** The stories whose quote count is fixed, for "SQL per request as quotes grow". */
const QUOTE_PROBES = [5, 15, 50];

const seconds = (started) => Number(process.hrtime.bigint() - started) / 1e9;

/**
 * Publishing for seeding. The editorial-workflow plugin may refuse
 * documents().publish() for unapproved documents; use whatever bypass it offers
 * for system/seed writes, else publish directly (and say so in the result).
 */
const publisherFor = (strapi) => {
  const plugin = strapi.plugin('editorial-workflow');
  const services = plugin ? Object.entries(plugin.services ?? {}) : [];
  const fn = (names) => {
    for (const [serviceName] of services) {
      const service = plugin.service(serviceName);
      for (const name of names) {
        if (typeof service?.[name] === 'function') return { how: `editorial-workflow.${serviceName}.${name}`, call: service[name].bind(service) };
      }
    }
    return null;
  };
  const direct = (uid, documentId) => strapi.documents(uid).publish({ documentId });

  const publishApproved = fn(['publishApproved', 'publishAsSystem', 'systemPublish']);
  if (publishApproved) return { how: publishApproved.how, wrap: (work) => work(), publish: (uid, documentId) => publishApproved.call(uid, documentId) };
  const bypass = fn(['withGateBypass', 'withWorkflowBypass', 'withSystemContext', 'runAsSystem', 'asSystem', 'bypass']);
  if (bypass) return { how: bypass.how, wrap: (work) => bypass.call(work), publish: direct };
  return { how: plugin ? 'documents().publish() (editorial-workflow loaded, no bypass found)' : 'documents().publish() (no editorial-workflow plugin loaded)', wrap: (work) => work(), publish: direct };
};

const unpublishedDocumentIds = async (strapi, uid) => {
  const table = strapi.getModel(uid).collectionName;
  const knex = strapi.db.connection;
  const rows = await knex(table)
    .distinct('document_id')
    .whereNull('published_at')
    .whereNotIn('document_id', knex(table).select('document_id').whereNotNull('published_at'));
  return rows.map((row) => row.document_id);
};

/** Publish `ids` ({ uid: [documentId] }) in PUBLISH_ORDER, in one transaction; time per type into `stats`. */
const publishDocuments = async (strapi, publisher, ids, stats) => {
  await publisher.wrap(() =>
    strapi.db.transaction(async () => {
      for (const uid of PUBLISH_ORDER) {
        const list = ids[uid] ?? [];
        if (!list.length) continue;
        const started = process.hrtime.bigint();
        for (const documentId of list) await publisher.publish(uid, documentId);
        const stat = (stats[uid] ??= { documents: 0, seconds: 0 });
        stat.documents += list.length;
        stat.seconds += seconds(started);
      }
    }),
  );
};

/** Whatever is still unpublished (a safety net: the per-story publishing should leave nothing). */
const publishAll = async (strapi, publisher, stats) => {
  const ids = {};
  for (const uid of PUBLISH_ORDER) ids[uid] = await unpublishedDocumentIds(strapi, uid);
  for (const uid of PUBLISH_ORDER) {
    for (let i = 0; i < ids[uid].length; i += PUBLISH_BATCH) await publishDocuments(strapi, publisher, { [uid]: ids[uid].slice(i, i + PUBLISH_BATCH) }, stats);
  }
  return Object.values(ids).reduce((sum, list) => sum + list.length, 0);
};

/** Records the documents created through the document service (bench-only middleware). */
const trackCreated = (strapi) => {
  let created = {};
  strapi.documents.use(async (ctx, next) => {
    const result = await next();
    if (ctx.action === 'create' && result?.documentId && PUBLISH_ORDER.includes(ctx.uid)) (created[ctx.uid] ??= []).push(result.documentId);
    return result;
  });
  return () => {
    const taken = created;
    created = {};
    return taken;
  };
};

const rowOf = async (knex, table, slug, published) => {
  const query = knex(table).where({ slug }).first('id', 'document_id');
  const row = await (published ? query.whereNotNull('published_at') : query.whereNull('published_at'));
  if (!row) throw new Error(`bench: ${table} "${slug}" not found`);
  return row;
};

/**
 * Sanction records for one organization, straight into the tables (draft and
 * published rows, organization and authority link rows) in one transaction.
 */
const bulkSanctions = async (strapi, { orgSlug, authoritySlug, count, tag }) => {
  const knex = strapi.db.connection;
  const prefix = `https://sanctions.example.gov/${tag}/`;
  const rows = gen.sanctionRows(count, tag);
  const now = new Date().toISOString();
  await knex.transaction(async (trx) => {
    const org = { draft: await rowOf(trx, 'organizations', orgSlug, false), published: await rowOf(trx, 'organizations', orgSlug, true) };
    const auth = { draft: await rowOf(trx, 'organizations', authoritySlug, false), published: await rowOf(trx, 'organizations', authoritySlug, true) };
    const records = rows.flatMap((row, k) => {
      const documentId = `bench${tag}${String(k).padStart(8, '0')}`.slice(0, 24).padEnd(24, 'x');
      const base = { ...row, document_id: documentId, created_at: now, updated_at: now, locale: null };
      return [
        { ...base, published_at: null },
        { ...base, published_at: now },
      ];
    });
    await trx.batchInsert('sanction_records', records, 500);
    const inserted = await trx('sanction_records').where('source_url', 'like', `${prefix}%`).orderBy('id').select('id', 'published_at');
    const links = (table, target) =>
      inserted.map((record, index) => ({
        sanction_record_id: record.id,
        organization_id: record.published_at ? target.published.id : target.draft.id,
        sanction_record_ord: index + 1,
      }));
    await trx.batchInsert('sanction_records_organization_lnk', links('organization', org), 500);
    await trx.batchInsert('sanction_records_authority_lnk', links('authority', auth), 500);
  });
  return { organization: orgSlug, records: count };
};

const articleList = async (strapi) =>
  (await strapi.db.connection('articles').whereNotNull('published_at').orderBy('id').select('slug', 'document_id')).map((row) => ({
    slug: row.slug,
    documentId: row.document_id,
  }));

const countStatements = (strapi) => {
  let n = 0;
  strapi.db.connection.on('query', () => {
    n += 1;
  });
  return () => n;
};

/**
 * Wait until no statement has run for 100 ms (post-commit event emission has
 * finished); returns when the last statement was seen, so the idle wait is not timed.
 */
const drain = async (sql) => {
  let last = sql();
  let lastChange = process.hrtime.bigint();
  for (let quiet = 0; quiet < 5; ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (sql() === last) quiet += 1;
    else {
      last = sql();
      lastChange = process.hrtime.bigint();
      quiet = 0;
    }
  }
  return lastChange;
};

/**
 * The newsroom's directory (organizations, experts), created and published
 * before any story — as a newsroom that already knows its sources. Publishing a
 * shared entity later, with many articles in the database, is measured
 * separately (sharedPublishCost): it is where publish cost grows with the corpus.
 */
const seedDirectory = async (strapi) => {
  const { organizations, experts } = gen.directory();
  const orgIds = new Map();
  const started = process.hrtime.bigint();
  await strapi.db.transaction(async () => {
    for (const org of organizations) {
      const { key, ...data } = org;
      const created = await strapi.documents(UID.organization).create({ data });
      orgIds.set(key, created.documentId);
    }
    for (const person of experts) {
      const { key: _key, affiliation, ...data } = person;
      await strapi.documents(UID.expert).create({ data: { ...data, affiliation: orgIds.get(affiliation) ?? null } });
    }
  });
  const createdSeconds = seconds(started);
  return { organizations: organizations.length, experts: experts.length, createdSeconds };
};

/** Re-publish shared entities referenced by many articles; ms per publish. */
const sharedPublishCost = async (strapi, publisher) => {
  const out = {};
  const probes = [
    ['organization (wire agency, sourceAgency of ~1/3 of articles)', UID.organization, 'organizations', 'bench-wire-0'],
    ['organization (pool member)', UID.organization, 'organizations', 'bench-org-7'],
    ['expert (pool member)', UID.expert, 'experts', 'bench-expert-7'],
  ];
  for (const [label, uid, table, slug] of probes) {
    const row = await strapi.db.connection(table).where({ slug }).whereNull('published_at').first('document_id');
    if (!row) continue;
    const started = process.hrtime.bigint();
    await publisher.wrap(() => strapi.db.transaction(() => publisher.publish(uid, row.document_id)));
    out[label] = Math.round(seconds(started) * 1000);
  }
  return out;
};

const dbOf = (task) => (task.dbEnv ? { dbEnv: task.dbEnv } : { dbFile: task.db });

const build = async (task) => {
  const strapi = await loadStrapi(dbOf(task));
  // A consistent copy of the empty, schema-synced database for the S6 runs (SQLite only).
  if (task.template && strapi.db.dialect.client === 'sqlite') await strapi.db.connection.raw('VACUUM INTO ?', [task.template]);
  const sql = countStatements(strapi);
  const takeCreated = trackCreated(strapi);
  const publisher = publisherFor(strapi);
  const { importBundle } = requireDist('src/importer/import/import-bundle.js');

  let directory = null;
  if (task.first) {
    directory = await seedDirectory(strapi);
    const started = process.hrtime.bigint();
    await publishDocuments(strapi, publisher, takeCreated(), {});
    directory.publishSeconds = seconds(started);
  }

  // As a newsroom works: each story is imported (one transaction) and then published.
  const stories = [];
  for (let i = task.from; i < task.to; i += 1) stories.push(gen.story(i));
  if (task.first) for (const quotes of QUOTE_PROBES) stories.push(gen.story(0, { quotes, tag: `q${quotes}` }));
  let importSeconds = 0;
  let importSql = 0;
  const publishStats = {};
  for (const bundle of stories) {
    const sql0 = sql();
    const t0 = process.hrtime.bigint();
    await importBundle(strapi, bundle);
    importSeconds += seconds(t0);
    importSql += sql() - sql0;
    await publishDocuments(strapi, publisher, takeCreated(), publishStats);
  }
  const leftover = await publishAll(strapi, publisher, publishStats);
  const publishSeconds = Object.values(publishStats).reduce((sum, stat) => sum + stat.seconds, 0);
  const published = { how: publisher.how, leftover, byType: publishStats };
  const sharedPublishMs = await sharedPublishCost(strapi, publisher);

  let bulk = null;
  if (task.first) {
    const t2 = process.hrtime.bigint();
    const authority = gen.AUTHORITIES[0].slug;
    const big = await bulkSanctions(strapi, { orgSlug: gen.MEGACORP.slug, authoritySlug: authority, count: task.megacorpRecords, tag: 'mega' });
    const small = await bulkSanctions(strapi, { orgSlug: gen.SMALLCORP.slug, authoritySlug: authority, count: task.smallcorpRecords, tag: 'small' });
    bulk = { seconds: seconds(t2), big, small };
  }

  const organizations = {};
  for (const slug of [gen.MEGACORP.slug, gen.SMALLCORP.slug]) organizations[slug] = (await rowOf(strapi.db.connection, 'organizations', slug, true)).document_id;
  const probes = {};
  for (const quotes of QUOTE_PROBES) probes[quotes] = gen.story(0, { quotes, tag: `q${quotes}` }).article.slug;

  await drain(sql);
  const result = {
    stories: stories.length,
    importSeconds,
    importSqlPerStory: importSql / Math.max(1, stories.length),
    publishSeconds,
    published,
    directory,
    sharedPublishMs,
    bulk,
    articles: await articleList(strapi),
    organizations,
    quoteProbes: probes,
  };
  return { strapi, result };
};

/** Stories per import transaction in S6 "ours". */
const S6_BATCH = Number(process.env.BENCH_S6_BATCH || 10);

const s6 = async (task) => {
  const strapi = await loadStrapi(dbOf(task));
  const sql = countStatements(strapi);
  const { importBundles } = requireDist('src/importer/import/import-bundle.js');
  const bundles = gen.stories(0, task.n);
  const t0 = process.hrtime.bigint();
  if (task.mode === 'naive') {
    for (const bundle of bundles) await naiveImportBundle(strapi, bundle);
  } else {
    // Ours: batches of S6_BATCH stories per transaction (each story still all or nothing, see importBundles).
    for (let i = 0; i < bundles.length; i += S6_BATCH) {
      const results = await importBundles(strapi, bundles.slice(i, i + S6_BATCH).map((bundle) => ({ bundle })));
      const refused = results.find((item) => 'error' in item);
      if (refused) throw refused.error;
    }
  }
  // Post-commit work (Strapi's entry.create event payloads) is part of the cost: wait until it is done.
  const end = await drain(sql);
  return { strapi, result: { mode: task.mode, stories: task.n, seconds: Number(end - t0) / 1e9, sqlPerStory: sql() / task.n } };
};

/** This process's peak resident memory (VmHWM), MB. */
const peakRssMb = () => {
  try {
    const kb = Number((/^VmHWM:\s+(\d+)/m.exec(fs.readFileSync('/proc/self/status', 'utf8')) ?? [])[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
};

const main = async () => {
  const task = JSON.parse(process.argv[2]);
  const { strapi, result } = task.kind === 'build' ? await build(task) : await s6(task);
  const line = `\n${JSON.stringify({ ...result, rssMb: peakRssMb() })}\n`;
  await strapi.destroy().catch(() => {});
  // Exit once the line is flushed (stdout to a pipe is asynchronous).
  process.stdout.write(line, () => process.exit(0));
};

main().catch((error) => {
  process.stderr.write(`build-corpus: ${error.stack ?? error}\n`);
  process.exit(1);
});
