import type { Core } from '@strapi/strapi';
import { UID } from '../../../../src/domain/constants';
import { nameKeys } from '../../../../src/importer/import/name-key';
import type { ImportOrganization, ImportPerson, ImportQuote, ImportSanction } from '../../../../src/importer/import/input';
import type { Outcome } from '../../../../src/importer/import/report';

/**
 * (Organization names are indexed by the organization-names document
 * middleware on every write, inside this transaction.)
 *
 * Repositories over `strapi.documents` for the importer: each finds a record by
 * its stable key and creates it, fills it in, or leaves it alone. Shared
 * entities (organizations, people, sanction records) are only *filled in*: an
 * editor's value is never overwritten by a wire story.
 */
export type Upserted = { documentId: string; outcome: Outcome };

type Knex = Core.Strapi['db']['connection'];
type Doc = Record<string, unknown> & { documentId: string };

const ORG_KEYS_TABLE = 'newsroom_organization_keys';

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

const sameList = (a: unknown, b: string[]): boolean =>
  Array.isArray(a) && a.length === b.length && a.every((item, index) => item === b[index]);

export const createRepositories = (strapi: Core.Strapi, knex: Knex) => {
  const docs = (uid: string) => strapi.documents(uid as any);

  const findDraft = async (uid: string, filters: Record<string, unknown>, populate?: Record<string, unknown>) =>
    (await docs(uid).findFirst({ filters, status: 'draft', populate } as any)) as Doc | null;

  const findOrganizationByNames = async (names: (string | null | undefined)[]): Promise<Doc | null> => {
    const keys = nameKeys(names);
    if (!keys.length) return null;
    const row = await knex(ORG_KEYS_TABLE).whereIn('name_key', keys).first('document_id');
    if (!row) return null;
    return (await docs(UID.organization).findOne({ documentId: row.document_id, status: 'draft' } as any)) as Doc | null;
  };

  return {
    async upsertOrganization(org: ImportOrganization, parentDocumentId: string | null): Promise<Upserted> {
      const names = [org.name, ...(org.alternateNames ?? []), ...(org.previousNames ?? [])];
      const existing =
        (await findDraft(UID.organization, { slug: org.slug }, { parentOrganization: { fields: ['documentId'] } })) ??
        (await findOrganizationByNames(names));
      const fields = {
        orgType: org.orgType,
        country: org.country,
        website: org.website,
        wikidataId: org.wikidataId,
        description: org.description,
      };

      if (!existing) {
        const created = (await docs(UID.organization).create({
          data: {
            name: org.name,
            slug: org.slug,
            alternateNames: org.alternateNames ?? [],
            previousNames: org.previousNames ?? [],
            ...present(fields),
            ...(parentDocumentId ? { parentOrganization: parentDocumentId } : {}),
          },
        } as any)) as Doc;
        return { documentId: created.documentId, outcome: 'created' };
      }

      // Matched by slug or by any known name: a differently spelled name becomes an alias.
      const alternateNames = union(existing.alternateNames, org.alternateNames, org.name !== existing.name ? [org.name] : []);
      const previousNames = union(existing.previousNames, org.previousNames);
      const patch: Record<string, unknown> = fillPatch(existing, fields);
      if (!sameList(existing.alternateNames, alternateNames)) patch.alternateNames = alternateNames;
      if (!sameList(existing.previousNames, previousNames)) patch.previousNames = previousNames;
      if (parentDocumentId && blank(existing.parentOrganization)) patch.parentOrganization = parentDocumentId;

      if (!Object.keys(patch).length) return { documentId: existing.documentId, outcome: 'unchanged' };
      await docs(UID.organization).update({ documentId: existing.documentId, data: patch } as any);
      return { documentId: existing.documentId, outcome: 'updated' };
    },

    async upsertPerson(person: ImportPerson, affiliationDocumentId: string | null): Promise<Upserted> {
      const existing = await findDraft(UID.expert, { slug: person.slug }, { affiliation: { fields: ['documentId'] } });
      const fields = {
        jobTitle: person.jobTitle,
        expertType: person.expertType,
        nationality: person.nationality,
        wikidataId: person.wikidataId,
      };
      if (!existing) {
        const created = (await docs(UID.expert).create({
          data: { name: person.name, slug: person.slug, ...present(fields), ...(affiliationDocumentId ? { affiliation: affiliationDocumentId } : {}) },
        } as any)) as Doc;
        return { documentId: created.documentId, outcome: 'created' };
      }
      const patch = fillPatch(existing, fields);
      // `other` is the schema default, not an editor's choice.
      if (existing.expertType === 'other' && person.expertType && person.expertType !== 'other') patch.expertType = person.expertType;
      if (affiliationDocumentId && blank(existing.affiliation)) patch.affiliation = affiliationDocumentId;
      if (!Object.keys(patch).length) return { documentId: existing.documentId, outcome: 'unchanged' };
      await docs(UID.expert).update({ documentId: existing.documentId, data: patch } as any);
      return { documentId: existing.documentId, outcome: 'updated' };
    },

    async upsertSanction(record: ImportSanction, organization: string, authority: string): Promise<Upserted> {
      // A measure is identified by who, by whom, under which programme, since when.
      const existing = await findDraft(UID.sanctionRecord, {
        organization: { documentId: organization },
        authority: { documentId: authority },
        program: record.program ?? { $null: true },
        startDate: record.startDate ?? { $null: true },
      });
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
      if (!existing) {
        const created = (await docs(UID.sanctionRecord).create({
          data: { ...present(fields), organization, authority },
        } as any)) as Doc;
        return { documentId: created.documentId, outcome: 'created' };
      }
      const patch = fillPatch(existing, fields);
      if (!Object.keys(patch).length) return { documentId: existing.documentId, outcome: 'unchanged' };
      await docs(UID.sanctionRecord).update({ documentId: existing.documentId, data: patch } as any);
      return { documentId: existing.documentId, outcome: 'updated' };
    },

    /**
     * The story's slug, or the first free `slug-2`, `slug-3`… when another
     * story (another uri) already has it: two stories may share a headline.
     */
    async freeArticleSlug(slug: string, uri: string): Promise<string> {
      const table = strapi.db.metadata.get(UID.article).tableName;
      const rows: { slug: string }[] = await knex(table)
        .distinct('slug')
        .where((where) => where.where('slug', slug).orWhere('slug', 'like', `${slug}-%`))
        .andWhere((where) => where.whereNot('uri', uri).orWhereNull('uri'));
      const taken = new Set(rows.map((row) => row.slug));
      let candidate = slug;
      for (let n = 2; taken.has(candidate); n += 1) candidate = `${slug}-${n}`;
      return candidate;
    },

    /**
     * Take the story's article rows for this transaction (a no-op write: the
     * row lock on PostgreSQL, the write lock on SQLite), so two imports of the
     * same story run one after the other. Concurrent re-imports each replaced
     * the credit components the other had just read, leaving orphan rows.
     */
    async lockArticle(uri: string): Promise<void> {
      const table = strapi.db.metadata.get(UID.article).tableName;
      await knex(table).where('uri', uri).update({ updated_at: knex.ref('updated_at') });
    },

    async findArticleByUri(uri: string) {
      return findDraft(UID.article, { uri });
    },

    async createArticle(data: Record<string, unknown>): Promise<string> {
      const created = (await docs(UID.article).create({ data } as any)) as Doc;
      return created.documentId;
    },

    async updateArticle(documentId: string, data: Record<string, unknown>): Promise<void> {
      await docs(UID.article).update({ documentId, data } as any);
    },

    /** Quotes of an imported article are keyed by their position in the story. */
    async upsertQuote(quote: ImportQuote, links: Record<string, string | null>, article: string): Promise<Upserted> {
      const data = {
        text: quote.text,
        quoteType: quote.quoteType,
        speakerDescription: quote.speakerDescription ?? null,
        speakerTitleAtTime: quote.speakerTitleAtTime ?? null,
        cue: quote.cue ?? null,
        position: quote.position,
        context: quote.context ?? null,
        article,
        speaker: links.speaker,
        speakerOrganization: links.speakerOrganization,
      };
      const existing = await findDraft(UID.quote, { article: { documentId: article }, position: quote.position });
      if (!existing) {
        const created = (await docs(UID.quote).create({ data } as any)) as Doc;
        return { documentId: created.documentId, outcome: 'created' };
      }
      await docs(UID.quote).update({ documentId: existing.documentId, data } as any);
      return { documentId: existing.documentId, outcome: 'updated' };
    },
  };
};

export type Repositories = ReturnType<typeof createRepositories>;
