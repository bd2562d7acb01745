import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID, type NewsroomUid } from '../../domain/constants';
import { expertLabel, sanctionRecordLabel } from '../../labels/format';
import { validateNew, type BulkWriter, type NewDocument } from './bulk-create';
import { importDocuments } from './documents';
import type { ImportOrganization, ImportPerson, ImportSanction } from './input';
import { nameKeys } from './name-key';
import type { Outcome } from './report';

/**
 * The entities a story shares with others (organizations, people, sanction
 * records): one lookup per type for the whole story, new ones created in bulk,
 * existing ones only *filled in* (an editor's value is never overwritten by a
 * wire story) through the document service, once per document.
 */
type Knex = Core.Strapi['db']['connection'];
type Row = Record<string, any> & { id: number; documentId: string };

export const ORG_KEYS_TABLE = 'newsroom_organization_keys';
const LABEL_MAX = 300;

/** What the rest of the story needs of a resolved entity. */
export type Resolved = { documentId: string; outcome: Outcome };

/** The story's view of the database: draft row ids and names by documentId, for links and labels. */
export type Known = { draftIds: Map<string, number>; names: Map<string, string> };

const blank = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

const present = <T extends Record<string, unknown>>(data: T): Partial<T> =>
  Object.fromEntries(Object.entries(data).filter(([, value]) => !blank(value))) as Partial<T>;

/** Fields the stored record lacks and the bundle provides. */
const fillPatch = (stored: Record<string, unknown>, incoming: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(present(incoming)).filter(([field]) => blank(stored[field])));

const union = (...lists: unknown[]): string[] => [
  ...new Set(lists.flatMap((list) => (Array.isArray(list) ? list : [])).filter((item): item is string => typeof item === 'string' && item !== '')),
];

const sameList = (a: unknown, b: string[]): boolean => Array.isArray(a) && a.length === b.length && a.every((item, index) => item === b[index]);

const relationId = (value: unknown): string | null => (value as { documentId?: string } | null | undefined)?.documentId ?? null;

/**
 * One record of the story: either a document already in the database (its
 * draft, with the patch to write) or a new one (its data, written in bulk).
 * A later record of the same story that matches it sees its state so far, as
 * it would have if it had been written one at a time.
 */
type Entry = { documentId: string; state: Record<string, unknown>; links: Record<string, string | null>; isNew: boolean; patch: Record<string, unknown> };

const applyPatch = (entry: Entry, patch: Record<string, unknown>, links: string[]): Outcome => {
  if (!Object.keys(patch).length) return 'unchanged';
  for (const [field, value] of Object.entries(patch)) {
    if (links.includes(field)) entry.links[field] = value as string;
    else entry.state[field] = value;
    if (!entry.isNew) entry.patch[field] = value;
  }
  return 'updated';
};

export const createSharedEntities = (strapi: Core.Strapi, knex: Knex, bulk: BulkWriter, known: Known) => {
  const query = (uid: NewsroomUid) => strapi.db.query(uid);
  const drafts = async (uid: NewsroomUid, where: Record<string, unknown>, populate: Record<string, unknown>): Promise<Row[]> =>
    (await query(uid).findMany({ where: { publishedAt: null, ...where }, populate })) as Row[];
  const remember = (rows: Row[]) => rows.forEach((row) => (known.draftIds.set(row.documentId, row.id), row.name && known.names.set(row.documentId, row.name)));
  const entryOf = (row: Row, links: string[]): Entry => ({
    documentId: row.documentId,
    state: row,
    links: Object.fromEntries(links.map((link) => [link, relationId(row[link])])),
    isNew: false,
    patch: {},
  });

  /** Existing documents get their accumulated patch (document service: validation, labels, workflow); new ones are created in bulk. */
  const flush = async (uid: (typeof UID)[keyof typeof UID], entries: Entry[], toDocument: (entry: Entry) => NewDocument) => {
    for (const entry of entries.filter((candidate) => !candidate.isNew && Object.keys(candidate.patch).length)) {
      await importDocuments(strapi, uid).update(entry.documentId, entry.patch);
    }
    const fresh = entries.filter((entry) => entry.isNew).map(toDocument);
    for (const doc of fresh) await validateNew(strapi, uid, doc);
    await bulk.createMany(uid, fresh, known.draftIds);
  };

  return {
    async organizations(items: ImportOrganization[], ref: (key: string | null | undefined, what: string) => string | null, resolved: Map<string, string>) {
      const LINKS = ['parentOrganization'];
      const populate = { parentOrganization: { select: ['documentId'] } };
      const slugs = [...new Set(items.map((org) => org.slug))];
      const namesOf = (org: ImportOrganization) => [org.name, ...(org.alternateNames ?? []), ...(org.previousNames ?? [])];
      const bySlugRows = await drafts(UID.organization, { slug: { $in: slugs } }, populate);
      const keyRows: { name_key: string; document_id: string }[] = await knex(ORG_KEYS_TABLE)
        .whereIn('name_key', nameKeys(items.flatMap(namesOf)))
        .select('name_key', 'document_id');
      const missing = [...new Set(keyRows.map((row) => row.document_id))].filter((id) => !bySlugRows.some((row) => row.documentId === id));
      const byKeyRows = missing.length ? await drafts(UID.organization, { documentId: { $in: missing } }, populate) : [];
      remember([...bySlugRows, ...byKeyRows]);

      const entries = new Map<string, Entry>([...bySlugRows, ...byKeyRows].map((row) => [row.documentId, entryOf(row, LINKS)]));
      const bySlug = new Map<string, Entry>(bySlugRows.map((row) => [row.slug as string, entries.get(row.documentId) as Entry]));
      const byKey = new Map<string, Entry>();
      for (const row of keyRows) {
        // A key of a deleted organization finds nothing, as before.
        const entry = entries.get(row.document_id);
        if (entry && !byKey.has(row.name_key)) byKey.set(row.name_key, entry);
      }
      /** A document's slug and names find it for the story's later records, as the index would after its write. */
      const index = (entry: Entry) => {
        if (entry.state.slug && !bySlug.has(String(entry.state.slug))) bySlug.set(String(entry.state.slug), entry);
        const names = [entry.state.name, ...union(entry.state.alternateNames), ...union(entry.state.previousNames)] as string[];
        for (const key of nameKeys(names)) if (!byKey.has(key)) byKey.set(key, entry);
      };

      const outcomes = new Map<string, Outcome>();
      for (const org of items) {
        const parent = ref(org.parentOrganization, `organization ${org.key}.parentOrganization`);
        const fields = { orgType: org.orgType, country: org.country, website: org.website, wikidataId: org.wikidataId, description: org.description };
        const match = bySlug.get(org.slug) ?? nameKeys(namesOf(org)).map((key) => byKey.get(key)).find(Boolean);
        if (!match) {
          const entry: Entry = {
            documentId: bulk.newDocumentId(UID.organization),
            state: { name: org.name, slug: org.slug, alternateNames: org.alternateNames ?? [], previousNames: org.previousNames ?? [], ...present(fields) },
            links: parent ? { parentOrganization: parent } : {},
            isNew: true,
            patch: {},
          };
          entries.set(entry.documentId, entry);
          index(entry);
          known.names.set(entry.documentId, org.name);
          resolved.set(org.key, entry.documentId);
          outcomes.set(org.key, 'created');
          continue;
        }
        // Matched by slug or by any known name: a differently spelled name becomes an alias.
        const current = { ...match.state, ...match.links };
        const alternateNames = union(current.alternateNames, org.alternateNames, org.name !== current.name ? [org.name] : []);
        const previousNames = union(current.previousNames, org.previousNames);
        const patch: Record<string, unknown> = fillPatch(current, fields);
        if (!sameList(current.alternateNames, alternateNames)) patch.alternateNames = alternateNames;
        if (!sameList(current.previousNames, previousNames)) patch.previousNames = previousNames;
        if (parent && blank(current.parentOrganization)) patch.parentOrganization = parent;
        outcomes.set(org.key, applyPatch(match, patch, LINKS));
        index(match);
        resolved.set(org.key, match.documentId);
      }

      const all = [...entries.values()];
      await flush(UID.organization, all, (entry) => ({ documentId: entry.documentId, data: entry.state, links: entry.links }));
      // The name index the organization-names middleware keeps for documents it writes.
      const keys = all
        .filter((entry) => entry.isNew)
        .flatMap((entry) =>
          nameKeys([entry.state.name, ...union(entry.state.alternateNames), ...union(entry.state.previousNames)] as string[]).map((name_key) => ({
            name_key,
            document_id: entry.documentId,
          })),
        );
      for (let i = 0; i < keys.length; i += 200) await knex(ORG_KEYS_TABLE).insert(keys.slice(i, i + 200)).onConflict('name_key').ignore();
      return outcomes;
    },

    async people(items: ImportPerson[], affiliationOf: (person: ImportPerson) => string | null, resolved: Map<string, string>) {
      const LINKS = ['affiliation'];
      const rows = await drafts(UID.expert, { slug: { $in: [...new Set(items.map((person) => person.slug))] } }, { affiliation: { select: ['documentId'] } });
      remember(rows);
      const bySlug = new Map(rows.map((row) => [row.slug as string, entryOf(row, LINKS)]));
      const outcomes = new Map<string, Outcome>();
      for (const person of items) {
        const affiliation = affiliationOf(person);
        const fields = { jobTitle: person.jobTitle, expertType: person.expertType, nationality: person.nationality, wikidataId: person.wikidataId };
        const match = bySlug.get(person.slug);
        if (!match) {
          const entry: Entry = {
            documentId: bulk.newDocumentId(UID.expert),
            state: { name: person.name, slug: person.slug, ...present(fields) },
            links: affiliation ? { affiliation } : {},
            isNew: true,
            patch: {},
          };
          bySlug.set(person.slug, entry);
          known.names.set(entry.documentId, person.name);
          resolved.set(person.key, entry.documentId);
          outcomes.set(person.key, 'created');
          continue;
        }
        const current = { ...match.state, ...match.links };
        const patch = fillPatch(current, fields);
        // `other` is the schema default, not an editor's choice.
        if (current.expertType === 'other' && person.expertType && person.expertType !== 'other') patch.expertType = person.expertType;
        if (affiliation && blank(current.affiliation)) patch.affiliation = affiliation;
        outcomes.set(person.key, applyPatch(match, patch, LINKS));
        resolved.set(person.key, match.documentId);
      }
      await flush(UID.expert, [...bySlug.values()], (entry) => ({
        documentId: entry.documentId,
        // The label the labels middleware would write after the create.
        data: { ...entry.state, label: expertLabel({ name: entry.state.name, affiliation: { name: nameOf(entry.links.affiliation) } }).slice(0, LABEL_MAX) },
        links: entry.links,
      }));
      return outcomes;
    },

    async sanctions(items: { record: ImportSanction; organization: string; authority: string }[]) {
      const LINKS = ['organization', 'authority'];
      const populate = { organization: { select: ['documentId'] }, authority: { select: ['documentId'] } };
      const orgIds = [...new Set(items.map((item) => item.organization))];
      const rows = orgIds.length ? await drafts(UID.sanctionRecord, { organization: { documentId: { $in: orgIds } } }, populate) : [];
      remember(rows);
      // A measure is identified by who, by whom, under which programme, since when.
      const identity = (state: Record<string, unknown>, links: Record<string, string | null>) =>
        JSON.stringify([links.organization ?? null, links.authority ?? null, state.program ?? null, state.startDate ?? null]);
      const byIdentity = new Map<string, Entry>();
      for (const row of rows) {
        const entry = entryOf(row, LINKS);
        const key = identity(entry.state, entry.links);
        if (!byIdentity.has(key)) byIdentity.set(key, entry);
      }
      const results: Resolved[] = [];
      for (const { record, organization, authority } of items) {
        const fields = {
          authorityCountry: record.authorityCountry,
          program: record.program,
          measureType: record.measureType,
          listingStatus: record.status,
          startDate: record.startDate,
          endDate: record.endDate,
          listingDate: record.listingDate,
          reason: record.reason,
          delistingReason: record.delistingReason,
          sourceUrl: record.sourceUrl,
          verificationStatus: record.verificationStatus,
        };
        const links = { organization, authority };
        const key = identity(fields, links);
        const match = byIdentity.get(key);
        if (!match) {
          const entry: Entry = { documentId: bulk.newDocumentId(UID.sanctionRecord), state: present(fields), links, isNew: true, patch: {} };
          byIdentity.set(key, entry);
          results.push({ documentId: entry.documentId, outcome: 'created' });
          continue;
        }
        results.push({ documentId: match.documentId, outcome: applyPatch(match, fillPatch(match.state, fields), LINKS) });
      }
      await flush(UID.sanctionRecord, [...byIdentity.values()], (entry) => ({
        documentId: entry.documentId,
        data: { ...entry.state, label: sanctionRecordLabel({ ...entry.state, organization: { name: nameOf(entry.links.organization) } }).slice(0, LABEL_MAX) },
        links: entry.links,
      }));
      return results;
    },
  };

  function nameOf(documentId: string | null | undefined): string | null {
    if (!documentId) return null;
    const name = known.names.get(documentId);
    if (name === undefined) throw new errors.ApplicationError(`importer: no name known for ${documentId}`);
    return name;
  }
};
