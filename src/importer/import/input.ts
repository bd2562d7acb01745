/**
 * What the importer needs from a story bundle. The parser's StoryBundle
 * satisfies it; keeping the writer's view narrow means a curated bundle can
 * carry more (removed blocks, provenance) without the writer caring.
 */
export type ImportOrganization = {
  key: string;
  name: string;
  slug: string;
  alternateNames?: string[];
  previousNames?: string[];
  orgType?: string;
  country?: string | null;
  parentOrganization?: string | null;
  website?: string | null;
  wikidataId?: string | null;
  description?: string | null;
};

export type ImportPerson = {
  key: string;
  name: string;
  slug: string;
  jobTitle?: string | null;
  affiliation?: string | null;
  expertType?: string;
  nationality?: string | null;
  wikidataId?: string | null;
};

export type ImportQuote = {
  key: string;
  text: string;
  quoteType: string;
  speaker?: string | null;
  speakerOrganization?: string | null;
  speakerDescription?: string | null;
  speakerTitleAtTime?: string | null;
  cue?: string | null;
  position: number;
  context?: string | null;
};

export type ImportSanction = {
  key: string;
  organization: string;
  authority: string;
  authorityCountry: string;
  program?: string | null;
  measureType?: string;
  status?: string;
  startDate?: string | null;
  endDate?: string | null;
  listingDate?: string | null;
  reason?: string | null;
  delistingReason?: string | null;
  sourceUrl?: string | null;
  verificationStatus?: string;
};

export type ImportCredit = { name: string; role: string; organization?: string | null };

export type ImportFlag = { code: string; message: string; path?: string; excerpt?: string };

export type ImportArticle = {
  uri: string;
  headline: string;
  slug: string;
  standfirst?: string | null;
  body: unknown[];
  section?: string | null;
  dateline?: string | null;
  byline?: string | null;
  language?: string;
  translationMethod?: string;
  originalLanguage?: string | null;
  datePublished?: string | null;
  publishedAtText?: string | null;
  embargoedUntil?: string | null;
  credits?: ImportCredit[];
  leadImage?: { caption?: string | null; credit?: string | null } | null;
  subjects?: { name: string; uri?: string | null; rel?: string }[];
  sourceAgency?: string | null;
};

export type ImportBundle = {
  article: ImportArticle;
  quotes: ImportQuote[];
  people: ImportPerson[];
  organizations: ImportOrganization[];
  sanctions: ImportSanction[];
  reviewFlags: ImportFlag[];
};
