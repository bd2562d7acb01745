import { yup } from '@strapi/utils';
import { MESSAGES, UID, type NewsroomUid } from './constants';
import { isIsoCountryCode } from './countries';
import { isEndBeforeStart, isPartialDateFormat, isRealPartialDate, isWhollyBefore } from './partial-date';

/**
 * Domain rules, as yup schemas over a document's *merged* state (stored values
 * overlaid with the incoming write; to-one relations reduced to the target's
 * documentId or null). They run in a document-service middleware, so the admin
 * panel, REST, GraphQL, the importer and plugin code all meet the same rules.
 */

const blank = (value: unknown): boolean => value === undefined || value === null || value === '';

const country = () =>
  yup
    .string()
    .nullable()
    .test('iso-country', MESSAGES.country, (value) => blank(value) || isIsoCountryCode(String(value)));

const wikidataId = () =>
  yup
    .string()
    .nullable()
    .test('wikidata', MESSAGES.wikidata, (value) => blank(value) || /^Q[1-9]\d*$/.test(String(value)));

export const isHttpUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
};

const httpUrl = () =>
  yup
    .string()
    .nullable()
    .test('http-url', MESSAGES.url, (value) => blank(value) || isHttpUrl(String(value)));

const partialDate = () =>
  yup
    .string()
    .nullable()
    .test('partial-date-format', MESSAGES.partialDate, (value) => blank(value) || isPartialDateFormat(String(value)))
    .test('partial-date-calendar', MESSAGES.calendarDate, (value) => blank(value) || !isPartialDateFormat(String(value)) || isRealPartialDate(String(value)));

const stringList = () =>
  yup
    .mixed()
    .nullable()
    .test('string-list', MESSAGES.stringList, (value) => blank(value) || (Array.isArray(value) && value.every((item) => typeof item === 'string')));

const urlList = () =>
  yup
    .mixed()
    .nullable()
    .test('url-list', MESSAGES.urlList, (value) => blank(value) || (Array.isArray(value) && value.every((item) => typeof item === 'string' && isHttpUrl(item))));

// A pragmatic BCP 47 shape check: language, optional script/region/variants.
const BCP47 = /^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|\d{3}))?(-([a-zA-Z\d]{5,8}|\d[a-zA-Z\d]{3}))*$/;
const language = () =>
  yup
    .string()
    .nullable()
    .test('bcp47', MESSAGES.language, (value) => blank(value) || BCP47.test(String(value)));

const todayIso = (): string => new Date().toISOString().slice(0, 10);

const sanctionRecord = yup.object({
  organization: yup.string().nullable().required(MESSAGES.organizationRequired),
  authority: yup
    .string()
    .nullable()
    .required(MESSAGES.authorityRequired)
    .test('differs-from-organization', MESSAGES.sameOrgAuthority, function differs(value) {
      return blank(value) || value !== this.parent.organization;
    }),
  authorityCountry: country().required(),
  startDate: partialDate(),
  listingDate: partialDate(),
  endDate: partialDate()
    .test('not-before-start', MESSAGES.endBeforeStart, function notBeforeStart(value) {
      const start = this.parent.startDate;
      return blank(value) || blank(start) || !isEndBeforeStart(String(start), String(value));
    })
    .test('active-not-ended', MESSAGES.activeEnded, function activeNotEnded(value) {
      return blank(value) || this.parent.listingStatus !== 'active' || !isWhollyBefore(String(value), todayIso());
    }),
  sourceUrl: httpUrl(),
});

const quote = yup.object({
  article: yup.string().nullable().required(MESSAGES.quoteArticle),
  speaker: yup
    .string()
    .nullable()
    .test('has-speaker', MESSAGES.quoteSpeaker, function hasSpeaker(value) {
      const { speakerOrganization, speakerDescription } = this.parent;
      const description = typeof speakerDescription === 'string' ? speakerDescription.trim() : '';
      return !blank(value) || !blank(speakerOrganization) || description.length > 0;
    }),
});

const expert = yup.object({
  nationality: country(),
  wikidataId: wikidataId(),
  sameAs: urlList(),
});

const organization = yup.object({
  country: country(),
  wikidataId: wikidataId(),
  website: httpUrl(),
  alternateNames: stringList(),
  previousNames: stringList(),
});

const article = yup.object({
  language: language(),
  originalLanguage: language(),
});

export const DOMAIN_SCHEMAS: Record<NewsroomUid, ReturnType<typeof yup.object>> = {
  [UID.article]: article,
  [UID.quote]: quote,
  [UID.expert]: expert,
  [UID.organization]: organization,
  [UID.sanctionRecord]: sanctionRecord,
};

/** To-one relations whose target identity the rules need, per content type. */
export const RULE_RELATIONS: Record<NewsroomUid, readonly string[]> = {
  [UID.article]: [],
  [UID.quote]: ['article', 'speaker', 'speakerOrganization'],
  [UID.expert]: [],
  [UID.organization]: [],
  [UID.sanctionRecord]: ['organization', 'authority'],
};
