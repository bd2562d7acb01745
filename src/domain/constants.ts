export const UID = {
  article: 'api::article.article',
  quote: 'api::quote.quote',
  expert: 'api::expert.expert',
  organization: 'api::organization.organization',
  sanctionRecord: 'api::sanction-record.sanction-record',
} as const;

export type NewsroomUid = (typeof UID)[keyof typeof UID];

export const NEWSROOM_UIDS: readonly NewsroomUid[] = Object.values(UID);

/** Actions the Public role may perform: published reads only. */
export const PUBLIC_READ_ACTIONS = ['find', 'findOne'] as const;

export const MESSAGES = {
  partialDate: 'must be a partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD',
  calendarDate: 'must be a real calendar date',
  endBeforeStart: 'endDate must not be before startDate',
  activeEnded: 'an active sanction cannot have an endDate in the past: set listingStatus to lifted or expired',
  sameOrgAuthority: 'the sanctioned organization must differ from the authority that imposed the sanction',
  organizationRequired: 'the sanctioned organization is required',
  authorityRequired: 'the authority that imposed the sanction is required',
  quoteSpeaker: 'a quote needs a speaker, a speakerOrganization or a speakerDescription',
  quoteArticle: 'a quote belongs to an article',
  country: 'must be an ISO 3166-1 alpha-2 country code (e.g. US, CN)',
  wikidata: 'must be a Wikidata item id: Q followed by digits',
  url: 'must be an http(s) URL',
  language: 'must be a BCP 47 language tag (e.g. en, fr, zh-Hans)',
  stringList: 'must be a list of strings',
  urlList: 'must be a list of http(s) URLs',
} as const;
