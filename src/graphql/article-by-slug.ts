import type { Core } from '@strapi/strapi';
import { GraphQLError } from 'graphql';
import { UID } from '../domain/constants';
import { blocksToHtml, blocksToText } from '../delivery/blocks';
import { deliverablePage } from '../delivery/page-store';
import { sanitizeGraphOutput } from '../delivery/public-output';
import { withdrawalOf } from '../delivery/workflow-adapter';

/**
 * `articleBySlug(slug)` — the GraphQL twin of GET /api/articles/slug/:slug,
 * resolved from the same stored page graph (src/delivery/page-store.ts): one
 * indexed read, then every nested field is a property of that one object (no
 * relation resolvers, no N+1). The types mirror the page preset
 * (src/domain/article-preset.ts) with non-null list items. Not published (or
 * still embargoed, or held): null, the REST route's 404. Withdrawn: an error
 * with `extensions.code: "GONE"` and the notice, the REST route's 410.
 *
 * The list fields accept `sort`, `status` and `pagination` for queries written
 * against the former `Article` return type, and ignore them: the page graph is
 * always the published version, quotes in their position order.
 */
const ORG = `documentId: ID!
  name: String!
  slug: String
  orgType: String
  country: String
  wikidataId: String
  website: String`;

const LIST_ARGS = '(sort: [String], status: PublicationStatus, pagination: PaginationArg)';

export const ARTICLE_PAGE_TYPE_DEFS = `
  type PageOrganization {
    ${ORG}
  }

  type PagePerson {
    documentId: ID!
    name: String!
    slug: String
    jobTitle: String
    expertType: String
    nationality: String
    wikidataId: String
    "Links to the same person elsewhere (Wikidata, Wikipedia, an official page)."
    sameAs: [String!]!
    affiliation: PageOrganization
  }

  type PageQuote {
    documentId: ID!
    text: String!
    quoteType: String
    speakerDescription: String
    speakerTitleAtTime: String
    cue: String
    position: Int
    context: String
    verificationStatus: String
    speaker: PagePerson
    speakerOrganization: PageOrganization
  }

  type PageSanctionRecord {
    documentId: ID!
    authorityCountry: String
    program: String
    measureType: String
    listingStatus: String
    startDate: String
    endDate: String
    listingDate: String
    reason: String
    delistingReason: String
    sourceUrl: String
    verificationStatus: String
    organization: PageOrganization
    authority: PageOrganization
  }

  type PageCredit {
    name: String!
    role: String
    organization: PageOrganization
  }

  type PageMedia {
    url: String
    alternativeText: String
    width: Int
    height: Int
    mime: String
    "Strapi's image formats as stored (thumbnail, small, medium, large); the same data typed: renditions."
    formats: JSON
    renditions: [PageRendition!]!
  }

  "One size of an image (Strapi's responsive formats)."
  type PageRendition {
    name: String!
    url: String!
    width: Int
    height: Int
    mime: String
  }

  type PageLeadImage {
    caption: String
    credit: String
    image: PageMedia
  }

  type PageCorrection {
    date: DateTime!
    text: String!
  }

  type PageSubject {
    name: String!
    uri: String
    rel: String
  }

  "An article page as published: the article with everything its page shows."
  type ArticlePage {
    documentId: ID!
    headline: String!
    slug: String!
    uri: String
    standfirst: String
    "The body as Strapi Blocks (for a blocks renderer); typed alternatives: bodyHtml, bodyText."
    body: JSON
    "The body as HTML (paragraphs, headings, lists, quotes, images; text escaped, unsafe links dropped)."
    bodyHtml: String!
    "The body as plain text, paragraphs separated by blank lines."
    bodyText: String!
    section: String
    dateline: String
    byline: String
    language: String
    translationMethod: String
    originalLanguage: String
    datePublished: DateTime
    dateModified: DateTime
    publishedAtText: String
    embargoedUntil: DateTime
    publishedAt: DateTime
    updatedAt: DateTime
    createdAt: DateTime
    credits: [PageCredit!]!
    leadImage: PageLeadImage
    corrections: [PageCorrection!]!
    subjects: [PageSubject!]!
    sourceAgency: PageOrganization
    quotes${LIST_ARGS}: [PageQuote!]!
    people${LIST_ARGS}: [PagePerson!]!
    organizations${LIST_ARGS}: [PageOrganization!]!
    sanctionRecords${LIST_ARGS}: [PageSanctionRecord!]!
  }

  type Query {
    articleBySlug(slug: String!): ArticlePage
  }
`;

/** Lists come out as lists (a page without quotes has `quotes: []`, never null). */
const LIST_FIELDS = ['credits', 'corrections', 'subjects', 'quotes', 'people', 'organizations', 'sanctionRecords'];
const withLists = (page: Record<string, unknown>) =>
  Object.fromEntries([...Object.entries(page), ...LIST_FIELDS.map((name) => [name, page[name] ?? []])]);

/**
 * The resolvers of the page's own types: typed views of the stored graph's JSON values, computed from the
 * object in hand, no SQL. Every other field of these types is a plain property read (graphql's default).
 */
export const PAGE_FIELD_RESOLVERS: Record<string, Record<string, (source: Record<string, unknown>) => unknown>> = {
  ArticlePage: {
    bodyHtml: (page) => blocksToHtml(page.body),
    bodyText: (page) => blocksToText(page.body),
  },
  PagePerson: {
    sameAs: (person) => (Array.isArray(person.sameAs) ? person.sameAs.filter((link): link is string => typeof link === 'string') : []),
  },
  PageMedia: {
    renditions: (media) =>
      Object.entries((media.formats && typeof media.formats === 'object' ? media.formats : {}) as Record<string, Record<string, unknown> | null>)
        .filter(([, format]) => typeof format?.url === 'string')
        .map(([name, format]) => ({ name, url: format!.url, width: format!.width ?? null, height: format!.height ?? null, mime: format!.mime ?? null })),
  },
};

/** The object types of the page graph (ARTICLE_PAGE_TYPE_DEFS). */
export const PAGE_TYPES = [...ARTICLE_PAGE_TYPE_DEFS.matchAll(/^\s*type (\w+) \{/gm)].map((match) => match[1]).filter((name) => name !== 'Query');

export const registerArticleBySlugQuery = (strapi: Core.Strapi): void => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;

  graphql.service('extension').use(() => ({
    typeDefs: ARTICLE_PAGE_TYPE_DEFS,
    resolvers: {
      ...PAGE_FIELD_RESOLVERS,
      Query: {
        articleBySlug: {
          resolve: async (_parent: unknown, args: { slug: string }, context: { state?: { auth?: unknown } }) => {
            const page = await deliverablePage(strapi, args.slug);
            // What the REST route's sanitizer would leave (relations the caller may not read are dropped).
            if (page) return withLists((await sanitizeGraphOutput(strapi, UID.article, page, context.state?.auth)).data);
            const withdrawal = await withdrawalOf(strapi, UID.article, args.slug);
            if (!withdrawal) return null;
            throw new GraphQLError(withdrawal.notice ?? `The article "${args.slug}" has been withdrawn`, {
              extensions: { code: 'GONE', notice: withdrawal.notice, documentId: withdrawal.documentId, withdrawnAt: withdrawal.withdrawnAt },
            });
          },
        },
      },
    },
    resolversConfig: {
      'Query.articleBySlug': { auth: { scope: ['api::article.article.findOne'] } },
    },
  }));
};
