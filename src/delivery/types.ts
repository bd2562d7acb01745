/** The field-limited article page graph (src/domain/article-preset.ts), after output sanitisation. */
export type OrgRef = {
  documentId: string;
  name: string;
  slug?: string | null;
  orgType?: string | null;
  country?: string | null;
  wikidataId?: string | null;
  website?: string | null;
  alternateNames?: unknown;
  previousNames?: unknown;
  leiCode?: string | null;
};

export type PersonRef = {
  documentId: string;
  name: string;
  slug?: string | null;
  jobTitle?: string | null;
  expertType?: string | null;
  nationality?: string | null;
  wikidataId?: string | null;
  sameAs?: unknown;
  affiliation?: OrgRef | null;
};

export type QuoteRef = {
  documentId: string;
  text: string;
  quoteType?: string | null;
  speakerDescription?: string | null;
  speakerTitleAtTime?: string | null;
  cue?: string | null;
  position?: number | null;
  context?: string | null;
  verificationStatus?: string | null;
  speaker?: PersonRef | null;
  speakerOrganization?: OrgRef | null;
};

export type SanctionRef = {
  documentId: string;
  authorityCountry?: string | null;
  program?: string | null;
  measureType?: string | null;
  listingStatus?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  listingDate?: string | null;
  reason?: string | null;
  delistingReason?: string | null;
  sourceUrl?: string | null;
  verificationStatus?: string | null;
  organization?: OrgRef | null;
  authority?: OrgRef | null;
};

export type MediaFormat = { url?: string; width?: number; height?: number; mime?: string; size?: number };

export type MediaRef = {
  url?: string;
  alternativeText?: string | null;
  width?: number;
  height?: number;
  mime?: string;
  size?: number;
  formats?: Record<string, MediaFormat> | null;
};

export type ArticlePage = {
  documentId: string;
  headline: string;
  slug: string;
  uri?: string | null;
  standfirst?: string | null;
  body?: unknown;
  section?: string | null;
  dateline?: string | null;
  byline?: string | null;
  language?: string | null;
  translationMethod?: string | null;
  originalLanguage?: string | null;
  datePublished?: string | null;
  dateModified?: string | null;
  publishedAtText?: string | null;
  embargoedUntil?: string | null;
  publishedAt?: string | null;
  updatedAt?: string | null;
  createdAt?: string | null;
  credits?: Array<{ name: string; role?: string | null; organization?: OrgRef | null }> | null;
  leadImage?: { caption?: string | null; credit?: string | null; image?: MediaRef | null } | null;
  corrections?: Array<{ date: string; text: string }> | null;
  subjects?: Array<{ name: string; uri?: string | null; rel?: string | null }> | null;
  sourceAgency?: OrgRef | null;
  quotes?: QuoteRef[] | null;
  people?: PersonRef[] | null;
  organizations?: OrgRef[] | null;
  sanctionRecords?: SanctionRef[] | null;
};

/** Context the renderers need beyond the graph. */
export type RenderContext = {
  /** Base URL for document IRIs (config delivery.publicUrl); empty → urn:newsroom:… */
  publicUrl: string;
  /** Workflow state from the adapter (ninjs pubStatus). */
  workflowState: string;
  /** ninjs `version` of this representation. */
  version?: string;
  /** Rights statements (ninjs copyrightHolder / usageTerms). */
  copyrightHolder?: string;
  usageTerms?: string;
  /** The article's page on the news site (JSON-LD url / mainEntityOfPage). */
  pageUrl?: string;
  /** Publisher (JSON-LD) — the site's name and URL. */
  publisher?: { name: string; url: string };
  /** Makes an upload's URL absolute (`/uploads/x.jpg` → `https://api.example/uploads/x.jpg`). */
  mediaUrl?: (url: string) => string;
};

/** An upload URL made absolute with the render context (unchanged when already absolute or no base). */
export const absoluteMedia = (rc: Pick<RenderContext, 'mediaUrl'>, url: string): string => (rc.mediaUrl ? rc.mediaUrl(url) : url);

const WIKIDATA_ID = /^Q[1-9]\d*$/;
export const wikidataUrl = (id: string | null | undefined): string | null =>
  id && WIKIDATA_ID.test(id) ? `https://www.wikidata.org/wiki/${id}` : null;

/** A stable IRI for a newsroom document (`kind` singular: article, expert, organization, …). */
export const documentIri = (publicUrl: string, kind: string, documentId: string): string =>
  publicUrl ? `${publicUrl}/api/${kind}s/${documentId}` : `urn:newsroom:${kind}:${documentId}`;

export const isAbsoluteUri = (value: unknown): value is string => {
  if (typeof value !== 'string' || !/^[a-zA-Z][a-zA-Z\d+.-]*:/.test(value) || /\s/.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
};

export const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim().length > 0) : [];

/**
 * The editorial publication date: `datePublished` (set by the first publication,
 * never moved); Strapi's `publishedAt` (moves with every correction) only for
 * rows published before that rule existed.
 */
export const publicationDate = (article: Pick<ArticlePage, 'datePublished' | 'publishedAt'>): string | null =>
  article.datePublished ?? article.publishedAt ?? null;

/** The last correction or update (`dateModified`), else the publication date — never earlier than it. */
export const modificationDate = (article: Pick<ArticlePage, 'datePublished' | 'dateModified' | 'publishedAt'>): string | null => {
  const published = publicationDate(article);
  const modified = article.dateModified ?? null;
  if (!modified || !published) return modified ?? published;
  return new Date(modified).getTime() >= new Date(published).getTime() ? modified : published;
};
