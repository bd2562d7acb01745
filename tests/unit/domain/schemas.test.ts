import { validateYupSchema } from '@strapi/utils';
import { MESSAGES, UID, type NewsroomUid } from '../../../src/domain/constants';
import { isIsoCountryCode } from '../../../src/domain/countries';
import { DOMAIN_SCHEMAS, RULE_RELATIONS } from '../../../src/domain/schemas';

/** Validate exactly as the document middleware does; resolve to the failing paths (empty = valid). */
const failures = async (uid: NewsroomUid, value: Record<string, unknown>): Promise<{ path: string; message: string }[]> => {
  try {
    await validateYupSchema(DOMAIN_SCHEMAS[uid], { strict: false, abortEarly: false })(value);
    return [];
  } catch (error) {
    const err = error as { name: string; details?: { errors: { path: string[]; message: string }[] } };
    expect(err.name).toBe('ValidationError');
    return (err.details?.errors ?? []).map((e) => ({ path: e.path.join('.'), message: e.message }));
  }
};
const failingPaths = async (uid: NewsroomUid, value: Record<string, unknown>) => (await failures(uid, value)).map((f) => f.path);

const ORG = 'org0000000000000000000001';
const AUTH = 'auth000000000000000000001';
const ART = 'art0000000000000000000001';

const sanction = (over: Record<string, unknown> = {}) => ({
  organization: ORG,
  authority: AUTH,
  authorityCountry: 'US',
  listingStatus: 'active',
  startDate: '2019-05',
  ...over,
});

describe('Given country codes', () => {
  it.each(['US', 'CN', 'GB', 'TW', 'DE', 'SS'])('when %s is checked, then it is an ISO 3166-1 alpha-2 code', (code) => {
    expect(isIsoCountryCode(code)).toBe(true);
  });
  it.each(['us', 'UK', 'EU', 'UN', 'XX', 'USA', 'U', '', ' US'])('when %p is checked, then it is refused', (code) => {
    expect(isIsoCountryCode(code)).toBe(false);
  });
});

describe('Given a sanction record', () => {
  it('when every rule holds, then it is valid', async () => {
    expect(await failingPaths(UID.sanctionRecord, sanction({ endDate: '2999', sourceUrl: 'https://example.gov/list' }))).toEqual([]);
  });

  it('when the end date is before the start date (mixed precision), then endDate is refused', async () => {
    const found = await failures(UID.sanctionRecord, sanction({ startDate: '2021-06-01', endDate: '2021-05', listingStatus: 'lifted' }));
    expect(found).toEqual([{ path: 'endDate', message: MESSAGES.endBeforeStart }]);
  });

  it('when the end date overlaps the start date only by precision, then it is accepted', async () => {
    expect(await failingPaths(UID.sanctionRecord, sanction({ startDate: '2021-06-15', endDate: '2021-06', listingStatus: 'lifted' }))).toEqual([]);
  });

  it.each(['startDate', 'endDate', 'listingDate'])('when %s is an impossible calendar date, then that field is refused', async (field) => {
    const found = await failures(UID.sanctionRecord, sanction({ listingStatus: 'lifted', [field]: '2021-02-30' }));
    expect(found).toContainEqual({ path: field, message: MESSAGES.calendarDate });
  });

  it.each(['startDate', 'endDate', 'listingDate'])('when %s is not a partial ISO date, then that field is refused', async (field) => {
    const found = await failures(UID.sanctionRecord, sanction({ listingStatus: 'lifted', [field]: '05/2021' }));
    expect(found).toContainEqual({ path: field, message: MESSAGES.partialDate });
  });

  it('when it is active with an end date in the past, then endDate is refused', async () => {
    const found = await failures(UID.sanctionRecord, sanction({ endDate: '2020-01-01' }));
    expect(found).toEqual([{ path: 'endDate', message: MESSAGES.activeEnded }]);
  });

  it.each(['lifted', 'expired'])('when it is %s with an end date in the past, then it is valid', async (listingStatus) => {
    expect(await failingPaths(UID.sanctionRecord, sanction({ endDate: '2020-01-01', listingStatus }))).toEqual([]);
  });

  it('when it is active and ends this year, then it is valid (the year is not wholly past)', async () => {
    expect(await failingPaths(UID.sanctionRecord, sanction({ endDate: String(new Date().getUTCFullYear()) }))).toEqual([]);
  });

  it('when the organization is also the authority, then authority is refused', async () => {
    const found = await failures(UID.sanctionRecord, sanction({ authority: ORG }));
    expect(found).toEqual([{ path: 'authority', message: MESSAGES.sameOrgAuthority }]);
  });

  it.each([
    ['organization', MESSAGES.organizationRequired],
    ['authority', MESSAGES.authorityRequired],
  ])('when %s is missing, then it is required', async (field, message) => {
    expect(await failures(UID.sanctionRecord, sanction({ [field]: null }))).toContainEqual({ path: field, message });
    expect(await failures(UID.sanctionRecord, sanction({ [field]: undefined }))).toContainEqual({ path: field, message });
  });

  it.each(['us', 'EU', 'USA'])('when authorityCountry is %s, then it is refused', async (authorityCountry) => {
    expect(await failures(UID.sanctionRecord, sanction({ authorityCountry }))).toEqual([{ path: 'authorityCountry', message: MESSAGES.country }]);
  });

  it('when authorityCountry is missing, then it is refused', async () => {
    expect(await failingPaths(UID.sanctionRecord, sanction({ authorityCountry: null }))).toEqual(['authorityCountry']);
  });

  it.each(['ftp://example.com/list', 'javascript:alert(1)', 'example.com/list', 'https://', 'mailto:a@b.c'])(
    'when sourceUrl is %p, then it is refused',
    async (sourceUrl) => {
      expect(await failures(UID.sanctionRecord, sanction({ sourceUrl }))).toEqual([{ path: 'sourceUrl', message: MESSAGES.url }]);
    },
  );

  it('when several rules break at once, then every failing field is reported', async () => {
    const paths = await failingPaths(UID.sanctionRecord, sanction({ authority: ORG, authorityCountry: 'XX', startDate: '2021-13', sourceUrl: 'nope' }));
    expect(paths.sort()).toEqual(['authority', 'authorityCountry', 'sourceUrl', 'startDate']);
  });
});

describe('Given a quote', () => {
  it.each([
    ['a speaker', { speaker: 'exp0000000000000000000001' }],
    ['a speakerOrganization', { speakerOrganization: ORG }],
    ['a speakerDescription', { speakerDescription: 'a police spokesperson' }],
  ])('when it has an article and %s, then it is valid', async (_what, speaker) => {
    expect(await failingPaths(UID.quote, { article: ART, text: 'x', ...speaker })).toEqual([]);
  });

  it.each([
    ['nothing', {}],
    ['nulls', { speaker: null, speakerOrganization: null, speakerDescription: null }],
    ['a blank description', { speakerDescription: '   ' }],
  ])('when its speaker is %s, then speaker is refused', async (_what, speaker) => {
    expect(await failures(UID.quote, { article: ART, text: 'x', ...speaker })).toEqual([{ path: 'speaker', message: MESSAGES.quoteSpeaker }]);
  });

  it('when it has no article, then article is refused', async () => {
    expect(await failures(UID.quote, { article: null, speakerDescription: 'x' })).toEqual([{ path: 'article', message: MESSAGES.quoteArticle }]);
  });
});

describe('Given an expert', () => {
  it('when its fields are well formed, then it is valid', async () => {
    expect(await failingPaths(UID.expert, { nationality: 'FR', wikidataId: 'Q42', sameAs: ['https://www.wikidata.org/wiki/Q42'] })).toEqual([]);
    expect(await failingPaths(UID.expert, { nationality: null, wikidataId: '', sameAs: [] })).toEqual([]);
  });

  it.each(['fr', 'FRA', 'EU'])('when nationality is %s, then it is refused', async (nationality) => {
    expect(await failures(UID.expert, { nationality })).toEqual([{ path: 'nationality', message: MESSAGES.country }]);
  });

  it.each(['42', 'Q', 'Q0', 'Q012', 'q42', 'P31', 'Q42 ', 'https://www.wikidata.org/wiki/Q42'])('when wikidataId is %p, then it is refused', async (wikidataId) => {
    expect(await failures(UID.expert, { wikidataId })).toEqual([{ path: 'wikidataId', message: MESSAGES.wikidata }]);
  });

  it.each([
    ['a non-http URL in the list', ['https://ok.example', 'ftp://bad.example']],
    ['a bare string', 'https://ok.example'],
    ['a non-string item', [42]],
    ['an object', { url: 'https://ok.example' }],
  ])('when sameAs is %s, then it is refused', async (_what, sameAs) => {
    expect(await failures(UID.expert, { sameAs })).toEqual([{ path: 'sameAs', message: MESSAGES.urlList }]);
  });
});

describe('Given an organization', () => {
  it('when its fields are well formed, then it is valid', async () => {
    const org = { country: 'CN', wikidataId: 'Q1234', website: 'https://www.example.cn/', alternateNames: ['Ex'], previousNames: [] };
    expect(await failingPaths(UID.organization, org)).toEqual([]);
  });

  it.each(['cn', 'CHN', 'ZZ'])('when country is %s, then it is refused', async (country) => {
    expect(await failures(UID.organization, { country })).toEqual([{ path: 'country', message: MESSAGES.country }]);
  });

  it('when wikidataId is malformed, then it is refused', async () => {
    expect(await failingPaths(UID.organization, { wikidataId: 'Q-1' })).toEqual(['wikidataId']);
  });

  it.each(['www.example.com', 'ftp://example.com', 'javascript:void(0)', 'http//example.com'])('when website is %p, then it is refused', async (website) => {
    expect(await failures(UID.organization, { website })).toEqual([{ path: 'website', message: MESSAGES.url }]);
  });

  it.each(['alternateNames', 'previousNames'])('when %s is not a list of strings, then it is refused', async (field) => {
    expect(await failures(UID.organization, { [field]: ['ok', 3] })).toEqual([{ path: field, message: MESSAGES.stringList }]);
    expect(await failingPaths(UID.organization, { [field]: 'just a string' })).toEqual([field]);
  });
});

describe('Given an article', () => {
  it.each(['en', 'fr', 'zh-Hans', 'en-GB', 'es-419', 'zh-Hant-TW'])('when language is %s, then it is valid', async (language) => {
    expect(await failingPaths(UID.article, { language, originalLanguage: language })).toEqual([]);
  });

  it.each(['english', 'e', 'en_GB', 'en-', '12'])('when language is %p, then language and originalLanguage are refused', async (tag) => {
    expect(await failures(UID.article, { language: tag })).toEqual([{ path: 'language', message: MESSAGES.language }]);
    expect(await failures(UID.article, { originalLanguage: tag })).toEqual([{ path: 'originalLanguage', message: MESSAGES.language }]);
  });
});

describe('Given the rule relations', () => {
  it('when listed per type, then exactly the to-one relations the rules read are resolved', () => {
    expect(RULE_RELATIONS[UID.sanctionRecord]).toEqual(['organization', 'authority']);
    expect(RULE_RELATIONS[UID.quote]).toEqual(['article', 'speaker', 'speakerOrganization']);
    expect(RULE_RELATIONS[UID.article]).toEqual([]);
  });
});
