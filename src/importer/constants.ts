/**
 * Enumerations, flag codes and messages shared by the story parser
 * (src/importer/parse) and the bundle schema (src/importer/bundle-schema.ts).
 * Enum values mirror the Strapi content model (src/api/* /content-types, src/components/newsroom).
 */

export const BUNDLE_SCHEMA_VERSION = 1 as const;

export const SOURCE_FORMATS = ['scraped_text', 'html_page'] as const;

export const CREDIT_ROLES = ['reporter', 'photographer', 'editor', 'translator', 'byline'] as const;

export const TRANSLATION_METHODS = ['original', 'human', 'machine', 'machine_post_edited'] as const;

export const SUBJECT_RELS = ['about', 'mentions'] as const;

export const QUOTE_TYPES = ['direct', 'partial', 'indirect'] as const;

export const EXPERT_TYPES = ['analyst', 'academic', 'official', 'law_enforcement', 'industry', 'journalist', 'other'] as const;

export const ORG_TYPES = [
  'company',
  'government_agency',
  'ministry',
  'police',
  'think_tank',
  'university',
  'ngo',
  'news_agency',
  'political_party',
  'intergovernmental',
  'event',
  'other',
] as const;

export const MEASURE_TYPES = ['sanction', 'export_control', 'investment_ban', 'debarment', 'other'] as const;

export const SANCTION_STATUSES = ['active', 'lifted', 'expired', 'proposed'] as const;

export const VERIFICATION_STATUSES = ['as_reported', 'verified'] as const;

export const REMOVED_KINDS = [
  'share_line',
  'advertisement',
  'read_also',
  'author_bio',
  'contact',
  'bullet',
  'photo_line',
  'byline',
  'date_line',
  'section_line',
  /** Site furniture recognised by its form (src/importer/knowledge/boilerplate.json). */
  'boilerplate',
  /** A figure caption or media caption inside the article (HTML input). */
  'caption',
  /** A block that is (almost) all link text: a link to another story (HTML input). */
  'related_link',
] as const;

export const FLAG_CODES = [
  /** A date printed relative to the scrape time ("yesterday at 10:29"). */
  'relative_date',
  /** Two different bylines (e.g. agency reporter vs the republishing site's author box). */
  'conflicting_bylines',
  /** A phrase that reads as a machine-translation artefact or a broken fragment. */
  'garbled_translation',
  /** A block that was not kept in the body (noise, or a header line moved into a field). */
  'removed_block',
  /** A field the parser inferred rather than read. */
  'inferred_field',
  /** A quote whose speaker was resolved from a pronoun, a continuation or the sentence context. */
  'inferred_attribution',
  /** An organisation named in the text that the lexicon does not know. */
  'unknown_entity',
  /** A quoted passage stored without a speaker: the parser could not tell who said it (the message says why). */
  'unattributed_quote',
] as const;

export type FlagCode = (typeof FLAG_CODES)[number];

/** Blocks/inline node types the parser emits (a subset of Strapi's blocks editor format). */
export const BLOCK_TYPES = ['paragraph', 'heading'] as const;

/**
 * Machine-translation calques that a French→English engine produces. Each
 * entry carries the source language it betrays: finding one is the evidence
 * behind `translationMethod: 'machine'` and `originalLanguage`.
 */
export type TranslationArtefact = {
  pattern: RegExp;
  suggestion: string;
  explanation: string;
  sourceLanguage: string;
};

export const TRANSLATION_ARTEFACTS: readonly TranslationArtefact[] = [
  {
    pattern: /\bfrom the stranger\b/i,
    suggestion: 'from abroad',
    explanation: 'French "de l\'étranger" (from abroad) translated word for word',
    sourceLanguage: 'fr',
  },
  {
    pattern: /\b(?:tele)?phones mobile\b/i,
    suggestion: 'mobile phones',
    explanation: 'French noun–adjective order ("téléphones mobiles") kept in English',
    sourceLanguage: 'fr',
  },
];

/** Messages used in thrown errors and review flags. */
export const PARSE_MESSAGES = {
  notAString: 'input is not a string (read the file as UTF-8 text first)',
  empty: 'input is empty (no text after trimming whitespace)',
  binary: 'input looks like binary data, not scraped UTF-8 text',
  noHeadline: 'no headline found (expected a short line before the first paragraph)',
  noBody: 'no body paragraphs found after removing noise',
  badRetrievedAt: 'retrievedAt is not a valid date/time',
} as const;

export const SCHEMA_MESSAGES = {
  required: 'is required',
  nonEmpty: 'must not be empty',
  oneOf: (values: readonly string[]) => `must be one of: ${values.join(', ')}`,
  slug: 'must be a lowercase slug (a-z, 0-9 and single hyphens)',
  uri: 'must be a URN like urn:newsroom:<agency>:<slug>',
  isoDateTime: 'must be an ISO 8601 date-time with a timezone (e.g. 2025-06-11T10:29:00.000Z)',
  unknownOrg: (key: string) => `refers to unknown organization key "${key}"`,
  unknownPerson: (key: string) => `refers to unknown person key "${key}"`,
  duplicateKey: (key: string) => `duplicate key "${key}"`,
  verifiedNeedsSource: 'a verified record needs a sourceUrl',
  pii: 'contains contact details (e-mail address or phone number) that must not be stored',
  positions: 'quote positions must be 1, 2, 3… in order',
  headingLevel: 'heading level must be an integer from 1 to 6',
  noChildren: 'a block needs at least one text child',
  unknownKeys: (keys: string) => `has unknown field(s): ${keys}`,
  countryMatchesAuthority: (country: string) => `must match the authority's country (${country})`,
} as const;
