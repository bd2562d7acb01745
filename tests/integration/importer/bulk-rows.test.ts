import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { startApp, type TestApp } from '../../helpers/strapi';
import { importBundle } from '../../../src/importer/import/import-bundle';
import type { ImportBundle } from '../../../src/importer/import/input';
import type { StoryReport } from '../../../src/importer/import/report';
import { importBundle as importOneByOne } from './reference/document-service-import';

/**
 * The batching importer writes its new documents without the document
 * service: its rows must be the rows the document service wrote (the old
 * importer, frozen in ./reference), column for column — documentId, locale,
 * publishedAt, labels, link tables with their order columns, components, the
 * organization name index, the review notes, workflow and content-version rows.
 * Ids, documentIds and timestamps differ by nature: rows are compared by
 * content, and references by the content of the row they point at.
 */
const BUNDLE_FILE = path.resolve(__dirname, '../../../database/seed/bundles/china-surveillance-export.json');
const seeded = (): ImportBundle => JSON.parse(fs.readFileSync(BUNDLE_FILE, 'utf8'));

/** A second story sharing most entities: aliases, fill-ins, new people and quotes, a repeated measure. */
const sequel = (): ImportBundle => {
  const bundle = seeded();
  bundle.article.uri = `${bundle.article.uri}-follow-up`;
  bundle.article.headline = `${bundle.article.headline}, again`;
  const [first, second] = bundle.organizations;
  // Same slug, another spelling: the name becomes an alias; a description fills a blank.
  first.name = `The ${first.name} Group`;
  first.description = first.description ?? 'Filled in by the follow-up story.';
  // Another slug but a known name: found through the name index.
  second.slug = `${second.slug}-renamed`;
  bundle.people.push({ key: 'new-person', name: 'Ada Newcomer', slug: 'ada-newcomer', jobTitle: 'Analyst', affiliation: first.key, expertType: 'academic' } as never);
  bundle.quotes = bundle.quotes.slice(0, 5).map((quote, index) => ({ ...quote, key: `q${index}`, speaker: index === 0 ? 'new-person' : quote.speaker }));
  bundle.sanctions.push({ ...bundle.sanctions[0], key: 'repeat' });
  bundle.reviewFlags = bundle.reviewFlags.slice(0, 3);
  return bundle;
};

const VOLATILE = new Set(['id', 'document_id', 'created_at', 'updated_at']);
const PLUGIN_TABLES = ['newsroom_organization_keys', 'editorial_workflow_notes', 'editorial_workflow_states', 'editorial_workflow_history', 'newsroom_content_versions'];

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

type Meta = { tableName: string; uid: string; attributes: Record<string, { joinTable?: any; target?: string }> };

const tables = () => {
  const metas = [...(app.strapi.db.metadata as unknown as Map<string, Meta>).values()];
  const ours = metas.filter((meta) => meta.uid.startsWith('api::') || meta.uid.startsWith('newsroom.'));
  const byUid = new Map(metas.map((meta) => [meta.uid, meta]));
  const content = ours.map((meta) => meta.tableName);
  /** link table → its id columns and the tables they point into */
  const links = new Map<string, Record<string, string>>();
  for (const meta of ours) {
    for (const attribute of Object.values(meta.attributes)) {
      const table = attribute.joinTable;
      if (!table || !attribute.target) continue;
      links.set(table.name, { ...links.get(table.name), [table.joinColumn.name]: meta.tableName, [table.inverseJoinColumn.name]: byUid.get(attribute.target)!.tableName });
    }
  }
  return { content, links };
};

const componentTable = (uid: string) => (app.strapi.db.metadata as unknown as Map<string, Meta>).get(uid)!.tableName;

const reset = async () => {
  const knex = app.strapi.db.connection;
  const { content, links } = tables();
  for (const table of [...links.keys(), ...content, ...PLUGIN_TABLES.filter((name) => name !== 'newsroom_content_versions')]) await knex(table).delete();
  await knex('newsroom_content_versions').update({ seq: 0 });
};

/** Long values (an article body) by their hash, so a difference reads as one short line. */
const short = (value: unknown) =>
  value instanceof Date ? 'date' : typeof value === 'string' && value.length > 80 ? `${value.slice(0, 40)}…#${crypto.createHash('sha1').update(value).digest('hex').slice(0, 8)}` : value;
const stable = (row: Record<string, unknown>) => JSON.stringify(Object.keys(row).sort().map((key) => [key, short(row[key])]));

/** Every row the import wrote, ids and documentIds replaced by the content of what they identify. */
const snapshot = async () => {
  const knex = app.strapi.db.connection;
  const { content, links } = tables();
  const byId = new Map<string, string>();
  const byDocumentId = new Map<string, string>();
  const result: Record<string, string[]> = {};
  for (const table of content) {
    const rows = await knex(table).select('*');
    result[table] = rows.map((row: Record<string, unknown>) => {
      const kept = Object.fromEntries(Object.entries(row).filter(([column]) => !VOLATILE.has(column)));
      if ('document_id' in row) {
        expect(row.document_id).toMatch(/^[a-z0-9]{20,}$/);
        expect(row.created_at).toBeTruthy();
        expect(row.updated_at).toBeTruthy();
      }
      const key = `${table}:${stable(kept)}`;
      byId.set(`${table}:${row.id}`, key);
      if (row.document_id) byDocumentId.set(String(row.document_id), key);
      return stable(kept);
    });
  }
  for (const [table, columns] of links) {
    const rows = await knex(table).select('*');
    result[table] = rows.map((row: Record<string, unknown>) =>
      stable(
        Object.fromEntries(
          Object.entries(row)
            .filter(([column]) => column !== 'id')
            .map(([column, value]) => {
              // A component link's cmp_id points into the table of its component_type.
              const into = column === 'cmp_id' && row.component_type ? componentTable(String(row.component_type)) : columns[column];
              return [column, into ? (byId.get(`${into}:${value}`) ?? `dangling ${value}`) : value];
            }),
        ),
      ),
    );
  }
  for (const table of PLUGIN_TABLES) {
    const rows = await knex(table).select('*');
    result[table] = rows.map((row: Record<string, unknown>) =>
      stable(
        Object.fromEntries(
          Object.entries(row)
            // The name index's document_id and a note's target_document_id name a newsroom document; a note's own document_id does not.
            .filter(([column]) => !VOLATILE.has(column) || (table === 'newsroom_organization_keys' && column === 'document_id'))
            .map(([column, value]) => {
              if (column.endsWith('document_id')) return [column, byDocumentId.get(String(value)) ?? `unknown ${value}`];
              // Plugin records are not draft-and-publish: their publishedAt is a timestamp, which must be set.
              if (column === 'published_at') return [column, value ? 'set' : value];
              return [column, value];
            }),
        ),
      ),
    );
  }
  for (const table of Object.keys(result)) result[table].sort();
  return result;
};

const run = async (importer: (bundle: ImportBundle) => Promise<StoryReport>) => {
  await reset();
  const reports = [];
  for (const bundle of [seeded(), sequel(), sequel()]) reports.push((await importer(bundle)).counts);
  return { reports, rows: await snapshot() };
};

describe('Given the seeded story and a follow-up sharing its entities', () => {
  it('then the batching importer writes the same rows and reports the same counts as the one-document-at-a-time importer', async () => {
    const reference = await run((bundle) => importOneByOne(app.strapi, bundle));
    const batching = await run((bundle) => importBundle(app.strapi, bundle));
    expect(reference.rows.quotes.length).toBe(seeded().quotes.length + 5);
    expect(reference.reports[1].organization.updated).toBeGreaterThan(0);
    for (const table of Object.keys(reference.rows)) expect({ table, rows: batching.rows[table] }).toEqual({ table, rows: reference.rows[table] });
    expect(batching.reports).toEqual(reference.reports);
  });
});
