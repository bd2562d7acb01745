/**
 * The one documented, field-limited graph a frontend needs for an article page:
 * the article, its quotes in order with speakers and their organizations, the
 * people and organizations it mentions, and the sanction records it cites.
 * No admin metadata (createdBy/updatedBy), no private fields.
 */
const ORG_FIELDS = ['documentId', 'name', 'slug', 'orgType', 'country', 'wikidataId', 'website'];
const PERSON_FIELDS = ['documentId', 'name', 'slug', 'jobTitle', 'expertType', 'nationality', 'wikidataId', 'sameAs'];

export const SANCTION_RECORD_FIELDS = [
  'documentId',
  'authorityCountry',
  'program',
  'measureType',
  'listingStatus',
  'startDate',
  'endDate',
  'listingDate',
  'reason',
  'delistingReason',
  'sourceUrl',
  'verificationStatus',
] as const;

export const ARTICLE_FIELDS = [
  'documentId',
  'headline',
  'slug',
  'uri',
  'standfirst',
  'body',
  'section',
  'dateline',
  'byline',
  'language',
  'translationMethod',
  'originalLanguage',
  'datePublished',
  'dateModified',
  'publishedAtText',
  'embargoedUntil',
  'publishedAt',
  'updatedAt',
  'createdAt',
];

export const ARTICLE_PAGE_POPULATE = {
  credits: { populate: { organization: { fields: ORG_FIELDS } } },
  leadImage: { populate: { image: { fields: ['url', 'alternativeText', 'width', 'height', 'mime', 'formats'] } } },
  corrections: true,
  subjects: true,
  sourceAgency: { fields: ORG_FIELDS },
  quotes: {
    sort: ['position:asc', 'id:asc'],
    fields: ['documentId', 'text', 'quoteType', 'speakerDescription', 'speakerTitleAtTime', 'cue', 'position', 'context', 'verificationStatus'],
    populate: {
      speaker: { fields: PERSON_FIELDS, populate: { affiliation: { fields: ORG_FIELDS } } },
      speakerOrganization: { fields: ORG_FIELDS },
    },
  },
  people: { fields: PERSON_FIELDS, populate: { affiliation: { fields: ORG_FIELDS } } },
  organizations: { fields: ORG_FIELDS },
  sanctionRecords: {
    fields: SANCTION_RECORD_FIELDS,
    populate: { organization: { fields: ORG_FIELDS }, authority: { fields: ORG_FIELDS } },
  },
};
