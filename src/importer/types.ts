/**
 * The StoryBundle: everything the parser extracts from one scraped wire story,
 * in a shape that maps one-to-one onto the Strapi content model
 * (article, quote, expert, organization, sanction-record + components).
 * Cross-references are by stable `key` (a slug), resolved to documentIds by the importer.
 */
import type {
  BUNDLE_SCHEMA_VERSION,
  CREDIT_ROLES,
  EXPERT_TYPES,
  FlagCode,
  MEASURE_TYPES,
  ORG_TYPES,
  QUOTE_TYPES,
  REMOVED_KINDS,
  SANCTION_STATUSES,
  SOURCE_FORMATS,
  SUBJECT_RELS,
  TRANSLATION_METHODS,
  VERIFICATION_STATUSES,
} from './constants';
import type { KnownOrganization } from './entity-knowledge';

export type CreditRole = (typeof CREDIT_ROLES)[number];
export type TranslationMethod = (typeof TRANSLATION_METHODS)[number];
export type SubjectRel = (typeof SUBJECT_RELS)[number];
export type QuoteType = (typeof QUOTE_TYPES)[number];
export type ExpertType = (typeof EXPERT_TYPES)[number];
export type OrgType = (typeof ORG_TYPES)[number];
export type MeasureType = (typeof MEASURE_TYPES)[number];
export type SanctionStatus = (typeof SANCTION_STATUSES)[number];
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];
export type RemovedKind = (typeof REMOVED_KINDS)[number];
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (see src/domain/partial-date.ts). */
export type PartialDate = string;
/** A stable slug naming an organization / person / quote / sanction inside the bundle. */
export type EntityKey = string;

// ---- Strapi blocks (the subset the parser emits) -------------------------

export type TextNode = {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
};

export type ParagraphBlock = { type: 'paragraph'; children: TextNode[] };
export type HeadingBlock = { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: TextNode[] };
export type Block = ParagraphBlock | HeadingBlock;

// ---- Article ---------------------------------------------------------------

export type Credit = { name: string; role: CreditRole; organization?: EntityKey };

export type LeadImage = { caption: string; credit: string };

export type Subject = { name: string; uri?: string; rel: SubjectRel };

export type Article = {
  /** Stable import key, e.g. urn:newsroom:afp:china-surveillance-export. */
  uri: string;
  headline: string;
  slug: string;
  /** The story's first paragraph. It is NOT repeated in `body`. */
  standfirst: string;
  body: Block[];
  section: string | null;
  dateline: string | null;
  /** The byline exactly as printed in the story header. */
  byline: string | null;
  credits: Credit[];
  leadImage: LeadImage | null;
  /** The publication date exactly as printed ("yesterday at 10:29"). */
  publishedAtText: string | null;
  /** ISO date-time resolved from publishedAtText, or null when it cannot be resolved. */
  datePublished: string | null;
  translationMethod: TranslationMethod;
  originalLanguage: string | null;
  language: string;
  subjects: Subject[];
  sourceAgency: EntityKey | null;
};

// ---- Entities --------------------------------------------------------------

export type Quote = {
  key: EntityKey;
  text: string;
  quoteType: QuoteType;
  speaker?: EntityKey;
  speakerOrganization?: EntityKey;
  speakerDescription?: string;
  speakerTitleAtTime?: string;
  cue?: string;
  /** 1-based order of appearance in the story. */
  position: number;
  /** The sentence the quote appears in, verbatim. */
  context?: string;
};

export type Person = {
  key: EntityKey;
  name: string;
  slug: string;
  jobTitle?: string;
  affiliation?: EntityKey;
  expertType: ExpertType;
  /** ISO 3166-1 alpha-2. */
  nationality?: string;
};

export type Organization = {
  key: EntityKey;
  name: string;
  slug: string;
  alternateNames: string[];
  previousNames: string[];
  orgType: OrgType;
  country?: string;
  parentOrganization?: EntityKey;
  wikidataId?: string;
};

export type SanctionRecord = {
  key: EntityKey;
  organization: EntityKey;
  authority: EntityKey;
  authorityCountry: string;
  program?: string;
  measureType: MeasureType;
  /** Maps onto the content model's `listingStatus`. */
  status: SanctionStatus;
  startDate?: PartialDate;
  endDate?: PartialDate;
  listingDate?: PartialDate;
  reason?: string;
  delistingReason?: string;
  sourceUrl?: string;
  verificationStatus: VerificationStatus;
};

// ---- Provenance / review ---------------------------------------------------

export type RemovedBlock = { kind: RemovedKind; text: string; reason: string };

export type ReviewFlag = { code: FlagCode; message: string; path?: string; excerpt?: string };

export type StorySource = {
  /** Path of the scraped input, relative to the repo root when known. */
  file: string;
  /** When the page was scraped (ISO 8601), if known. */
  retrievedAt?: string;
  format: SourceFormat;
};

export type StoryBundle = {
  schemaVersion: typeof BUNDLE_SCHEMA_VERSION;
  source: StorySource;
  article: Article;
  quotes: Quote[];
  people: Person[];
  organizations: Organization[];
  sanctions: SanctionRecord[];
  removed: RemovedBlock[];
  reviewFlags: ReviewFlag[];
};

/** Facts a saved HTML page states about itself (JSON-LD, Open Graph, meta author); they win over guesses from the text. */
export type PageFacts = {
  headline?: string;
  authors?: string[];
  section?: string;
  /** As the page states it (ISO 8601). */
  datePublished?: string;
  imageCaption?: string;
  siteName?: string;
  /** The page's canonical URL (link rel=canonical, og:url, JSON-LD url): the story's import key (parse/story-key.ts). */
  canonicalUrl?: string;
  /** Blocks the page's layout shows are not story text (captions, links), already taken out. */
  removed?: RemovedBlock[];
};

export type ParseOptions = {
  sourceFile?: string;
  retrievedAt?: Date | string;
  /** Set when the text was extracted from an HTML page (src/importer/html). */
  page?: PageFacts;
  /** Organisations the CMS already knows (src/importer/import/lexicon.ts), merged over the seed bundle. */
  lexicon?: readonly KnownOrganization[];
};
