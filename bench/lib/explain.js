'use strict';

/**
 * EXPLAIN QUERY PLAN (SQLite) for the statements the routes actually ran
 * (captured from the app with their bindings) and for the lookups the brief
 * names (slug, uri, link-table foreign keys, content versions, workflow state).
 * A `SCAN <table>` without an index is flagged with the table's row count.
 */
const Database = require('better-sqlite3');

const toBinding = (value) => {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
};

const open = (dbFile) => new Database(dbFile, { readonly: true, fileMustExist: true });

const rowCount = (db, table) => {
  try {
    return db.prepare(`SELECT count(*) AS n FROM "${table.replace(/"/g, '')}"`).get().n;
  } catch {
    return null;
  }
};

const planOf = (db, sql, bindings = []) => {
  try {
    return db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...bindings.map(toBinding)).map((row) => row.detail);
  } catch (error) {
    return [`(not explainable: ${error.message})`];
  }
};

/** `from \`articles\` as \`t0\`` → { t0: 'articles' }; raw SQL's `FROM newsroom_page_graphs p JOIN articles a` → { p: …, a: 'articles' } */
const aliasesOf = (sql) => ({
  ...Object.fromEntries([...sql.matchAll(/\b(?:from|join)\s+[`"]?(\w+)[`"]?\s+(?!as\b|on\b|where\b|left\b|inner\b|join\b|order\b|limit\b)[`"]?([a-z_]\w*)[`"]?/gi)].map((m) => [m[2], m[1]])),
  ...Object.fromEntries([...sql.matchAll(/[`"]?(\w+)[`"]?\s+as\s+[`"]?(t\d+)[`"]?/gi)].map((m) => [m[2], m[1]])),
});

/**
 * What deserves attention: any SCAN (the statement reads a whole table or index,
 * so its cost grows with the table, not with the answer), and a temp B-tree
 * sort in a top-level statement (populate loads sort a handful of rows: ignored).
 */
const flagsOf = (db, plan, sql = '') => {
  const aliases = aliasesOf(sql);
  // Populate loads fetch the related rows of a handful of parent ids (`where (t1.x in (?, …))`).
  const populateLoad = sql.includes('__strapi') || /where \(`t1`\.`\w+` in \(/.test(sql);
  // An index-ordered scan under LIMIT stops after LIMIT rows: fine, unless something still sorts.
  const orderedByIndex = /\border by\b/i.test(sql) && /\blimit\b/i.test(sql) && !plan.some((d) => /USE TEMP B-TREE FOR ORDER BY/.test(d));
  return plan.flatMap((detail) => {
    const scan = /^SCAN (\S+)(?: AS \S+)?(?: USING (COVERING )?INDEX (\S+))?/.exec(detail);
    if (scan && scan[3] && orderedByIndex) return [];
    if (scan) {
      const table = aliases[scan[1]] ?? scan[1];
      const how = scan[3] ? `${scan[2] ? 'covering ' : ''}index ${scan[3]}` : 'table';
      return [`full scan of ${table} via ${how} (${rowCount(db, table) ?? '?'} rows)`];
    }
    if (/USE TEMP B-TREE FOR ORDER BY/.test(detail) && !populateLoad) return ['sorts the whole match in a temp B-tree (ORDER BY not served by an index)'];
    return [];
  });
};

/** captured: { label: [{ sql, bindings }] } → { label: [{ sql, plan, flags }] } (distinct statements). */
const explainAll = (dbFile, captured) => {
  const db = open(dbFile);
  try {
    const out = {};
    for (const [label, statements] of Object.entries(captured)) {
      const seen = new Set();
      out[label] = [];
      for (const { sql, bindings } of statements) {
        if (!/^\s*(select|with)\b/i.test(sql) || seen.has(sql)) continue;
        seen.add(sql);
        const plan = planOf(db, sql, bindings);
        out[label].push({ sql, plan, flags: flagsOf(db, plan, sql) });
      }
    }
    return out;
  } finally {
    db.close();
  }
};

const tables = (db) => db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all().map((row) => row.name);
const columns = (db, table) => db.prepare(`PRAGMA table_info("${table}")`).all().map((row) => row.name);

/** The named lookups, whatever route ends up using them. */
const explainLookups = (dbFile) => {
  const db = open(dbFile);
  try {
    const have = new Set(tables(db));
    const lookups = [
      ['article by slug (published)', 'SELECT id FROM articles WHERE slug = ? AND published_at IS NOT NULL', ['x']],
      ['article by uri (draft, importer)', 'SELECT id FROM articles WHERE uri = ? AND published_at IS NULL', ['x']],
      ['article by documentId (published)', 'SELECT id FROM articles WHERE document_id = ? AND published_at IS NOT NULL', ['x']],
      ['quotes of an article (link FK)', 'SELECT quote_id FROM quotes_article_lnk WHERE article_id IN (?)', [1]],
      ['people of an article (link FK)', 'SELECT expert_id FROM articles_people_lnk WHERE article_id IN (?)', [1]],
      ['speaker of quotes (link FK)', 'SELECT expert_id FROM quotes_speaker_lnk WHERE quote_id IN (?, ?)', [1, 2]],
      ['sanction records of an organization (link FK)', 'SELECT sanction_record_id FROM sanction_records_organization_lnk WHERE organization_id = ?', [1]],
      ['organization by name key (importer)', 'SELECT document_id FROM newsroom_organization_keys WHERE name_key IN (?)', ['x']],
      ['public role permissions', 'SELECT t0.* FROM up_permissions t0 LEFT JOIN up_permissions_role_lnk t1 ON t0.id = t1.permission_id WHERE t1.role_id = ?', [2]],
    ];
    if (have.has('newsroom_content_versions')) {
      lookups.push(['content version of keys (response cache)', 'SELECT max(seq) FROM newsroom_content_versions WHERE version_key IN (?, ?)', ['a', 'b']]);
    }
    if (have.has('editorial_workflow_states')) {
      const cols = new Set(columns(db, 'editorial_workflow_states'));
      lookups.push(['workflow state of a document (publish gate)', 'SELECT * FROM editorial_workflow_states WHERE target_uid = ? AND target_document_id = ?', ['api::article.article', 'x']]);
      if (cols.has('scheduled_publish_at')) {
        lookups.push([
          'workflow: approved and due (scheduler tick)',
          'SELECT * FROM editorial_workflow_states WHERE state = ? AND legal_hold = 0 AND scheduled_publish_at IS NOT NULL AND scheduled_publish_at <= ? AND target_uid IN (?) ORDER BY scheduled_publish_at',
          ['approved', Date.now(), 'api::article.article'],
        ]);
      }
    }
    if (have.has('editorial_workflow_notes')) {
      lookups.push(['workflow notes of a document', 'SELECT * FROM editorial_workflow_notes WHERE target_uid = ? AND target_document_id = ?', ['api::article.article', 'x']]);
    }
    return lookups
      .filter(([, sql]) => {
        const table = /FROM "?(\w+)"?/i.exec(sql)[1];
        return have.has(table);
      })
      .map(([label, sql, bindings]) => {
        const plan = planOf(db, sql, bindings);
        return { label, sql, plan, flags: flagsOf(db, plan, sql) };
      });
  } finally {
    db.close();
  }
};

module.exports = { explainAll, explainLookups };
