import type { Core } from '@strapi/strapi';
import { UID, type NewsroomUid } from '../../domain/constants';
import { importDocuments } from './documents';
import type { ImportQuote } from './input';
import { quoteData } from './quotes';
import type { Outcome } from './report';

/**
 * The article side of the importer over `strapi.documents` (and the story's
 * lock and slug reservation): the article is written through the document
 * service, so every middleware (validation, labels, the workflow's content
 * guard that returns a changed approved story to review) sees it. Shared
 * entities and a new article's quotes are in shared-entities.ts and quotes.ts.
 */
export type Upserted = { documentId: string; outcome: Outcome };

type Knex = Core.Strapi['db']['connection'];
type Doc = Record<string, unknown> & { documentId: string };

export const createRepositories = (strapi: Core.Strapi, knex: Knex) => {
  const docs = (uid: NewsroomUid) => importDocuments(strapi, uid);

  const findDraft = async (uid: NewsroomUid, filters: Record<string, unknown>, populate?: Record<string, unknown>) =>
    (await docs(uid).findDraft(filters, populate)) as Doc | null;

  return {
    knex,

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

    async createArticle(data: Record<string, unknown>): Promise<{ documentId: string; id: number }> {
      const created = (await docs(UID.article).create(data)) as Doc & { id: number };
      return { documentId: created.documentId, id: created.id };
    },

    async updateArticle(documentId: string, data: Record<string, unknown>): Promise<void> {
      await docs(UID.article).update(documentId, data);
    },

    /** Quotes of an imported article are keyed by their position in the story. */
    async upsertQuote(quote: ImportQuote, links: Record<string, string | null>, article: string): Promise<Upserted> {
      const data = {
        ...quoteData(quote),
        article,
        speaker: links.speaker,
        speakerOrganization: links.speakerOrganization,
      };
      const existing = await findDraft(UID.quote, { article: { documentId: article }, position: quote.position });
      if (!existing) {
        const created = (await docs(UID.quote).create(data)) as Doc;
        return { documentId: created.documentId, outcome: 'created' };
      }
      await docs(UID.quote).update(existing.documentId, data);
      return { documentId: existing.documentId, outcome: 'updated' };
    },
  };
};

export type Repositories = ReturnType<typeof createRepositories>;
