/**
 * A yup schema (Strapi's yup 0.32.9 via @strapi/utils) for StoryBundle, and
 * validateBundle(), which collects EVERY failing field (abortEarly: false) and
 * throws one Error naming the file, each field path and the reason:
 *
 *   Invalid story bundle database/seed/bundles/x.json (2 problems):
 *     - article.headline: is required
 *     - sanctions[1].endDate: endDate must not be before startDate
 *
 * Cross-references (organisation/person keys) are checked against the keys
 * the bundle itself declares, passed to yup as validation context.
 * Domain rules (partial dates, ISO countries, Wikidata ids) reuse src/domain.
 */
import { yup } from '@strapi/utils';
import { MESSAGES } from '../domain/constants';
import { isIsoCountryCode } from '../domain/countries';
import { isEndBeforeStart, isPartialDateFormat, isRealPartialDate, isWhollyBefore, partialDateRange } from '../domain/partial-date';
import {
  BUNDLE_SCHEMA_VERSION,
  CREDIT_ROLES,
  EXPERT_TYPES,
  FLAG_CODES,
  MEASURE_TYPES,
  ORG_TYPES,
  QUOTE_TYPES,
  REMOVED_KINDS,
  SANCTION_STATUSES,
  SCHEMA_MESSAGES,
  SOURCE_FORMATS,
  SUBJECT_RELS,
  TRANSLATION_METHODS,
  VERIFICATION_STATUSES,
} from './constants';
import { containsContactDetails } from './parse/text';
import type { StoryBundle } from './types';
import { isHttpUrl } from '../domain/schemas';

type SchemaContext = {
  orgKeys: ReadonlySet<string>;
  personKeys: ReadonlySet<string>;
  orgCountries: ReadonlyMap<string, string>;
};

type Test = yup.TestContext<Record<string, unknown>>;

const context = (test: Test): SchemaContext => {
  const ctx = test.options.context as Partial<SchemaContext> | undefined;
  return {
    orgKeys: ctx?.orgKeys ?? new Set<string>(),
    personKeys: ctx?.personKeys ?? new Set<string>(),
    orgCountries: ctx?.orgCountries ?? new Map<string, string>(),
  };
};

const parentOf = (test: Test): Record<string, unknown> => (test.parent ?? {}) as Record<string, unknown>;

const isPresent = (value: unknown): boolean => value !== undefined;

const blank = (value: unknown): boolean => value === undefined || value === null || value === '';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const URI = /^urn:newsroom:[a-z0-9]+(?:-[a-z0-9]+)*:[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

export const isIsoDateTime = (value: string): boolean => {
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return false;
  const day = partialDateRange(match[1]);
  return day !== null && !Number.isNaN(Date.parse(value));
};


// ---- field builders ----------------------------------------------------------

const text = () => yup.string().strict(true);
const requiredText = () =>
  text()
    .required(SCHEMA_MESSAGES.required)
    .test('not-blank', SCHEMA_MESSAGES.nonEmpty, (value) => value === undefined || value.trim() !== '');
const nullableText = (max: number) => text().nullable().defined(SCHEMA_MESSAGES.required).max(max);
const oneOf = (values: readonly string[]) => text().oneOf([...values], SCHEMA_MESSAGES.oneOf(values));
const requiredOneOf = (values: readonly string[]) => oneOf(values).required(SCHEMA_MESSAGES.required);
const key = () => requiredText().matches(SLUG, SCHEMA_MESSAGES.slug);
const slug = () => requiredText().matches(SLUG, SCHEMA_MESSAGES.slug);
const stringList = () => yup.array().of(text().defined()).test('present', SCHEMA_MESSAGES.required, isPresent);

const orgRef = () =>
  text()
    .nullable()
    .test('org-ref', 'unknown organization', function orgRefTest(value) {
      if (blank(value)) return true;
      return context(this as Test).orgKeys.has(String(value)) || this.createError({ message: SCHEMA_MESSAGES.unknownOrg(String(value)) });
    });

const personRef = () =>
  text().test('person-ref', 'unknown person', function personRefTest(value) {
    if (blank(value)) return true;
    return context(this as Test).personKeys.has(String(value)) || this.createError({ message: SCHEMA_MESSAGES.unknownPerson(String(value)) });
  });

const country = () =>
  text().test('iso-country', MESSAGES.country, (value) => blank(value) || isIsoCountryCode(String(value)));

const wikidataId = () => text().test('wikidata', MESSAGES.wikidata, (value) => blank(value) || /^Q[1-9]\d*$/.test(String(value)));

const httpUrl = () => text().test('http-url', MESSAGES.url, (value) => blank(value) || isHttpUrl(String(value)));

const language = () => text().test('language', MESSAGES.language, (value) => blank(value) || LANGUAGE.test(String(value)));

const isoDateTime = () => text().test('iso-datetime', SCHEMA_MESSAGES.isoDateTime, (value) => blank(value) || isIsoDateTime(String(value)));

const partialDate = () =>
  text()
    .test('partial-date-format', MESSAGES.partialDate, (value) => blank(value) || isPartialDateFormat(String(value)))
    .test(
      'partial-date-calendar',
      MESSAGES.calendarDate,
      (value) => blank(value) || !isPartialDateFormat(String(value)) || isRealPartialDate(String(value)),
    );

/** Keys must be unique within a list; every duplicate is reported at its own path. */
const uniqueKeys = <T extends yup.AnySchema>(item: T) =>
  yup
    .array()
    .of(item)
    .test('present', SCHEMA_MESSAGES.required, isPresent)
    .test('unique-keys', 'duplicate key', function uniqueKeysTest(list) {
      if (!Array.isArray(list)) return true;
      const seen = new Set<string>();
      const errors: yup.ValidationError[] = [];
      list.forEach((entry: unknown, index: number) => {
        const k = (entry as { key?: unknown } | null)?.key;
        if (typeof k !== 'string') return;
        if (seen.has(k)) errors.push(this.createError({ path: `${this.path}[${index}].key`, message: SCHEMA_MESSAGES.duplicateKey(k) }));
        seen.add(k);
      });
      return errors.length === 0 || new yup.ValidationError(errors);
    });

// ---- parts ---------------------------------------------------------------------

const textNode = yup
  .object({
    type: requiredOneOf(['text']),
    text: text().defined(SCHEMA_MESSAGES.required),
    bold: yup.boolean().strict(true),
    italic: yup.boolean().strict(true),
    underline: yup.boolean().strict(true),
    strikethrough: yup.boolean().strict(true),
    code: yup.boolean().strict(true),
  })
  .noUnknown(true, SCHEMA_MESSAGES.unknownKeys('${unknown}'));

const block = yup
  .object({
    type: requiredOneOf(['paragraph', 'heading']),
    level: yup
      .number()
      .strict(true)
      .test('heading-level', SCHEMA_MESSAGES.headingLevel, function headingLevel(value) {
        const type = parentOf(this as Test).type;
        if (type !== 'heading') return value === undefined;
        return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 6;
      }),
    children: yup.array().of(textNode).test('present', SCHEMA_MESSAGES.required, isPresent).min(1, SCHEMA_MESSAGES.noChildren),
  })
  .noUnknown(true, SCHEMA_MESSAGES.unknownKeys('${unknown}'));

const credit = yup
  .object({ name: requiredText().max(200), role: requiredOneOf(CREDIT_ROLES), organization: orgRef() })
  .noUnknown(true, SCHEMA_MESSAGES.unknownKeys('${unknown}'));

const subject = yup
  .object({ name: requiredText().max(200), uri: httpUrl(), rel: requiredOneOf(SUBJECT_RELS) })
  .noUnknown(true, SCHEMA_MESSAGES.unknownKeys('${unknown}'));

const article = yup
  .object({
    uri: requiredText().max(500).matches(URI, SCHEMA_MESSAGES.uri),
    headline: requiredText().max(300),
    slug: slug(),
    standfirst: requiredText(),
    body: yup.array().of(block).test('present', SCHEMA_MESSAGES.required, isPresent).min(1, SCHEMA_MESSAGES.nonEmpty),
    section: nullableText(100),
    dateline: nullableText(200),
    byline: nullableText(500),
    credits: yup.array().of(credit).test('present', SCHEMA_MESSAGES.required, isPresent),
    leadImage: yup
      .object({ caption: text().defined(SCHEMA_MESSAGES.required), credit: text().defined(SCHEMA_MESSAGES.required).max(300) })
      .noUnknown(true, SCHEMA_MESSAGES.unknownKeys('${unknown}'))
      .nullable()
      .defined(SCHEMA_MESSAGES.required)
      .default(undefined),
    publishedAtText: nullableText(200),
    datePublished: isoDateTime().nullable().defined(SCHEMA_MESSAGES.required),
    translationMethod: requiredOneOf(TRANSLATION_METHODS),
    originalLanguage: language().nullable().defined(SCHEMA_MESSAGES.required),
    language: language().required(SCHEMA_MESSAGES.required),
    subjects: yup.array().of(subject).test('present', SCHEMA_MESSAGES.required, isPresent),
    sourceAgency: orgRef().defined(SCHEMA_MESSAGES.required),
  })
  .noUnknown(true, SCHEMA_MESSAGES.unknownKeys('${unknown}'));

const quote = yup
  .object({
    key: key(),
    text: requiredText(),
    quoteType: requiredOneOf(QUOTE_TYPES),
    speaker: personRef().test('has-speaker', MESSAGES.quoteSpeaker, function hasSpeaker(value) {
      const parent = parentOf(this as Test);
      const description = typeof parent.speakerDescription === 'string' ? parent.speakerDescription.trim() : '';
      return !blank(value) || !blank(parent.speakerOrganization) || description.length > 0;
    }),
    speakerOrganization: orgRef(),
    speakerDescription: text().max(300),
    speakerTitleAtTime: text().max(300),
    cue: text().max(50),
    position: yup.number().strict(true).integer().min(1).required(SCHEMA_MESSAGES.required),
    context: text(),
  })
  .noUnknown(true, SCHEMA_MESSAGES.unknownKeys('${unknown}'));

const person = yup
  .object({
    key: key(),
    name: requiredText().max(200),
    slug: slug(),
    jobTitle: text().max(300),
    affiliation: orgRef(),
    expertType: requiredOneOf(EXPERT_TYPES),
    nationality: country(),
  })
  .noUnknown(true, SCHEMA_MESSAGES.unknownKeys('${unknown}'));

const organization = yup
  .object({
    key: key(),
    name: requiredText().max(300),
    slug: slug(),
    alternateNames: stringList(),
    previousNames: stringList(),
    orgType: requiredOneOf(ORG_TYPES),
    country: country(),
    parentOrganization: orgRef().test('not-self', 'an organization cannot be its own parent', function notSelf(value) {
      return blank(value) || value !== parentOf(this as Test).key;
    }),
    wikidataId: wikidataId(),
  })
  .noUnknown(true, SCHEMA_MESSAGES.unknownKeys('${unknown}'));

const todayIso = (): string => new Date().toISOString().slice(0, 10);

const sanction = yup
  .object({
    key: key(),
    organization: orgRef().required(MESSAGES.organizationRequired),
    authority: orgRef()
      .required(MESSAGES.authorityRequired)
      .test('differs-from-organization', MESSAGES.sameOrgAuthority, function differs(value) {
        return blank(value) || value !== parentOf(this as Test).organization;
      }),
    authorityCountry: country()
      .required(SCHEMA_MESSAGES.required)
      .test('matches-authority', 'authority country mismatch', function matchesAuthority(value) {
        const authority = parentOf(this as Test).authority;
        const expected = typeof authority === 'string' ? context(this as Test).orgCountries.get(authority) : undefined;
        return blank(value) || !expected || value === expected || this.createError({ message: SCHEMA_MESSAGES.countryMatchesAuthority(expected) });
      }),
    program: text().max(300),
    measureType: requiredOneOf(MEASURE_TYPES),
    status: requiredOneOf(SANCTION_STATUSES),
    startDate: partialDate(),
    endDate: partialDate()
      .test('not-before-start', MESSAGES.endBeforeStart, function notBeforeStart(value) {
        const start = parentOf(this as Test).startDate;
        return blank(value) || typeof start !== 'string' || !isEndBeforeStart(start, String(value));
      })
      .test('active-not-ended', MESSAGES.activeEnded.replace('listingStatus', 'status'), function activeNotEnded(value) {
        return blank(value) || parentOf(this as Test).status !== 'active' || !isWhollyBefore(String(value), todayIso());
      }),
    listingDate: partialDate(),
    reason: text(),
    delistingReason: text(),
    sourceUrl: httpUrl().test('verified-needs-source', SCHEMA_MESSAGES.verifiedNeedsSource, function verifiedNeedsSource(value) {
      return parentOf(this as Test).verificationStatus !== 'verified' || !blank(value);
    }),
    verificationStatus: requiredOneOf(VERIFICATION_STATUSES),
  })
  .noUnknown(true, SCHEMA_MESSAGES.unknownKeys('${unknown}'));

const removedBlock = yup
  .object({ kind: requiredOneOf(REMOVED_KINDS), text: requiredText(), reason: requiredText() })
  .noUnknown(true, SCHEMA_MESSAGES.unknownKeys('${unknown}'));

const reviewFlag = yup
  .object({ code: requiredOneOf(FLAG_CODES), message: requiredText(), path: text(), excerpt: text() })
  .noUnknown(true, SCHEMA_MESSAGES.unknownKeys('${unknown}'));

const source = yup
  .object({ file: requiredText(), retrievedAt: isoDateTime(), format: requiredOneOf(SOURCE_FORMATS) })
  .noUnknown(true, SCHEMA_MESSAGES.unknownKeys('${unknown}'));

/** Every string in the bundle, with its path, for the contact-details check. */
const strings = (value: unknown, path: string, out: { path: string; value: string }[] = []): { path: string; value: string }[] => {
  if (typeof value === 'string') out.push({ path, value });
  else if (Array.isArray(value)) value.forEach((item, index) => strings(item, `${path}[${index}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) strings(v, path ? `${path}.${k}` : k, out);
  }
  return out;
};

export const bundleSchema = yup
  .object({
    schemaVersion: yup.number().strict(true).required(SCHEMA_MESSAGES.required).oneOf([BUNDLE_SCHEMA_VERSION], SCHEMA_MESSAGES.oneOf([String(BUNDLE_SCHEMA_VERSION)])),
    source: source.required(SCHEMA_MESSAGES.required).default(undefined),
    article: article.required(SCHEMA_MESSAGES.required).default(undefined),
    quotes: uniqueKeys(quote).test('positions', SCHEMA_MESSAGES.positions, (list) =>
      !Array.isArray(list) || list.every((q: unknown, index: number) => (q as { position?: unknown } | null)?.position === index + 1),
    ),
    people: uniqueKeys(person),
    organizations: uniqueKeys(organization),
    sanctions: uniqueKeys(sanction),
    removed: yup.array().of(removedBlock).test('present', SCHEMA_MESSAGES.required, isPresent),
    reviewFlags: yup.array().of(reviewFlag).test('present', SCHEMA_MESSAGES.required, isPresent),
  })
  .noUnknown(true, SCHEMA_MESSAGES.unknownKeys('${unknown}'))
  .test('no-contact-details', SCHEMA_MESSAGES.pii, function noContactDetails(value) {
    const errors = strings(value, '')
      .filter((entry) => containsContactDetails(entry.value))
      .map((entry) => this.createError({ path: entry.path, message: SCHEMA_MESSAGES.pii }));
    return errors.length === 0 || new yup.ValidationError(errors);
  });

const keysOf = (list: unknown): string[] =>
  Array.isArray(list)
    ? list.flatMap((item: unknown) => {
        const k = (item as { key?: unknown } | null)?.key;
        return typeof k === 'string' ? [k] : [];
      })
    : [];

const schemaContext = (input: Record<string, unknown>): SchemaContext => {
  const orgCountries = new Map<string, string>();
  if (Array.isArray(input.organizations)) {
    for (const org of input.organizations as unknown[]) {
      const { key: k, country: c } = (org ?? {}) as { key?: unknown; country?: unknown };
      if (typeof k === 'string' && typeof c === 'string') orgCountries.set(k, c);
    }
  }
  return { orgKeys: new Set(keysOf(input.organizations)), personKeys: new Set(keysOf(input.people)), orgCountries };
};

/** Strip the field path yup puts in front of its default messages. */
const reasonOf = (path: string, message: string): string =>
  path && message.startsWith(`${path} `) ? message.slice(path.length + 1) : message;

export class BundleValidationError extends Error {
  readonly file: string;
  readonly problems: readonly { path: string; reason: string }[];

  constructor(file: string, problems: readonly { path: string; reason: string }[]) {
    const lines = problems.map((p) => `  - ${p.path}: ${p.reason}`);
    super(`Invalid story bundle ${file} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
    this.name = 'BundleValidationError';
    this.file = file;
    this.problems = problems;
  }
}

/**
 * Validate an untrusted bundle (parsed JSON). Returns it typed, or throws a
 * BundleValidationError listing every problem as "<path>: <reason>".
 */
export const validateBundle = (input: unknown, file = '<bundle>'): StoryBundle => {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new BundleValidationError(file, [{ path: '(root)', reason: 'must be a JSON object' }]);
  }
  try {
    bundleSchema.validateSync(input, { abortEarly: false, strict: true, context: schemaContext(input as Record<string, unknown>) });
  } catch (error) {
    if (!(error instanceof yup.ValidationError)) throw error;
    const leaves = error.inner.length > 0 ? error.inner : [error];
    const seen = new Set<string>();
    const problems = leaves.flatMap((leaf) => {
      const path = leaf.path || '(root)';
      const reason = reasonOf(leaf.path ?? '', leaf.message);
      const id = `${path}\u0000${reason}`;
      if (seen.has(id)) return [];
      seen.add(id);
      return [{ path, reason }];
    });
    throw new BundleValidationError(file, problems);
  }
  return input as StoryBundle;
};
