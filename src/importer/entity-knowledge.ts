/**
 * The small, explicit lexicon the parser needs for wire stories about Chinese
 * security/surveillance exports. It is used for NORMALISATION only: the parser
 * finds people, affiliations, previous names, sanctions and quotes from the text
 * itself; the lexicon maps the names it finds to a canonical organisation
 * (key, name, type, country, parent) and supplies speaker-cue vocabulary.
 *
 * Honesty rules:
 *  - an alias is listed only if the story class actually uses it;
 *  - `wikidataId` is left out: none was checked against Wikidata for this lexicon;
 *  - countries are the organisation's seat (ISO 3166-1 alpha-2).
 */
import type { OrgType } from './types';

export type KnownOrganization = {
  key: string;
  name: string;
  orgType: OrgType;
  country?: string;
  /** Other current names, abbreviations and the forms stories use ("Washington"). Matched case-sensitively. */
  alternateNames: readonly string[];
  /** Former names (matched too, so "Meiya Pico" resolves to SDIC). */
  previousNames: readonly string[];
  parentOrganization?: string;
  wikidataId?: string;
  /** Short code used in article URIs when the organisation is a news agency. */
  agencyCode?: string;
};

export const KNOWN_ORGANIZATIONS: readonly KnownOrganization[] = [
  {
    key: 'agence-france-presse',
    name: 'Agence France-Presse',
    orgType: 'news_agency',
    country: 'FR',
    alternateNames: ['AFP'],
    previousNames: [],
    agencyCode: 'afp',
  },
  {
    key: 'associated-press',
    name: 'Associated Press',
    orgType: 'news_agency',
    country: 'US',
    alternateNames: ['AP', 'The Associated Press'],
    previousNames: [],
    agencyCode: 'ap',
  },
  {
    key: 'australian-strategic-policy-institute',
    name: 'Australian Strategic Policy Institute',
    orgType: 'think_tank',
    country: 'AU',
    alternateNames: ['ASPI'],
    previousNames: [],
  },
  {
    key: 'university-of-texas',
    name: 'University of Texas',
    orgType: 'university',
    country: 'US',
    alternateNames: [],
    previousNames: [],
  },
  {
    key: 'south-african-police-service',
    name: 'South African Police Service',
    orgType: 'police',
    country: 'ZA',
    alternateNames: ['SAPS', 'South African police'],
    previousNames: [],
  },
  {
    key: 'ecuadorian-national-police',
    name: 'Ecuadorian National Police',
    orgType: 'police',
    country: 'EC',
    alternateNames: ['Policía Nacional del Ecuador', 'National Police of Ecuador', 'Ecuadorian police'],
    previousNames: [],
  },
  {
    key: 'ministry-of-public-security-cn',
    name: 'Ministry of Public Security',
    orgType: 'ministry',
    country: 'CN',
    alternateNames: ["Ministry of Public Security of the People's Republic of China"],
    previousNames: [],
  },
  {
    key: 'institute-of-forensic-science-of-china',
    name: 'Institute of Forensic Science of China',
    orgType: 'government_agency',
    country: 'CN',
    alternateNames: [
      "Ministry of Public Security's Institute of Forensic Science of China",
      'Institute of Forensic Medicine of the Ministry of Public Security',
      'Institute of Forensic Medicine',
    ],
    previousNames: [],
    parentOrganization: 'ministry-of-public-security-cn',
  },
  {
    key: 'caltta-technologies',
    name: 'Caltta Technologies',
    orgType: 'company',
    country: 'CN',
    alternateNames: ['Caltta'],
    previousNames: [],
  },
  {
    key: 'huawei',
    name: 'Huawei',
    orgType: 'company',
    country: 'CN',
    alternateNames: ['Huawei Technologies Co., Ltd.', 'Huawei Technologies'],
    previousNames: [],
  },
  {
    key: 'sdic-intelligence-xiamen-information',
    name: 'SDIC Intelligence Xiamen Information',
    orgType: 'company',
    country: 'CN',
    alternateNames: ['SDIC Intelligence Xiamen Information Co., Ltd.'],
    previousNames: ['Xiamen Meiya Pico Information', 'Xiamen Meiya Pico Information Co., Ltd.', 'Meiya Pico'],
  },
  {
    key: 'us-department-of-the-treasury',
    name: 'United States Department of the Treasury',
    orgType: 'ministry',
    country: 'US',
    alternateNames: ['U.S. Treasury', 'US Treasury', 'Treasury Department', 'Department of the Treasury'],
    previousNames: [],
    parentOrganization: 'united-states-government',
  },
  {
    key: 'us-department-of-commerce',
    name: 'United States Department of Commerce',
    orgType: 'ministry',
    country: 'US',
    alternateNames: ['U.S. Department of Commerce', 'Commerce Department', 'Department of Commerce'],
    previousNames: [],
    parentOrganization: 'united-states-government',
  },
  {
    key: 'united-states-government',
    name: 'United States government',
    orgType: 'government_agency',
    country: 'US',
    alternateNames: ['United States', 'Washington', 'U.S. government', 'US government'],
    previousNames: [],
  },
  {
    key: 'chinese-communist-party',
    name: 'Chinese Communist Party',
    orgType: 'political_party',
    country: 'CN',
    alternateNames: ['Communist Party of China', 'CCP', 'CPC'],
    previousNames: [],
  },
  {
    key: 'global-forum-on-public-security-cooperation',
    name: 'Global Forum on Public Security Cooperation',
    orgType: 'event',
    country: 'CN',
    alternateNames: [],
    previousNames: [],
  },
];

/**
 * Verbs that introduce reported speech (present and past forms), matched in
 * lower case only. Forms that are also common nouns ("notes", "claims",
 * "states" as in "United States") are left out on purpose.
 */
export const SPEAKER_CUES: readonly string[] = [
  'says', 'said', 'adds', 'added', 'observes', 'observed', 'boasts', 'boasted',
  'underlines', 'underlined', 'stresses', 'stressed', 'noted', 'explains', 'explained',
  'warns', 'warned', 'argues', 'argued', 'insists', 'insisted', 'claimed',
  'tells', 'told', 'stated', 'emphasises', 'emphasised', 'emphasizes', 'emphasized',
  'considering', 'describing',
];

/**
 * Head words of ranks and titles that may precede a name: in "Public Security
 * Minister Wang Xiaohong" or "Colonel Galo Erazo" the title runs up to the last
 * head word and the name follows.
 */
export const TITLE_HEAD_WORDS: readonly string[] = [
  'Minister', 'Secretary', 'President', 'Premier', 'Director', 'Commissioner', 'Inspector', 'Chief',
  'General', 'Colonel', 'Major', 'Captain', 'Lieutenant', 'Sergeant', 'Commander', 'Admiral',
  'Professor', 'Prof.', 'Dr.', 'Dr', 'Ambassador', 'Spokesperson', 'Spokesman', 'Spokeswoman',
  'Chairman', 'Chairwoman', 'Governor', 'Mayor', 'Senator',
];

/** Cues that introduce the speaker's own view but cannot open reported speech without quotation marks. */
export const PARTICIPLE_CUES: readonly string[] = ['considering', 'describing'];

/** Words that begin a capitalised run but are never part of a person's name. */
export const NOT_NAME_WORDS: readonly string[] = ['The', 'A', 'An', 'This', 'That', 'In', 'At', 'And', 'So', 'But', 'By'];

/** How an affiliation's type maps onto an expert type. */
export const EXPERT_TYPE_BY_ORG_TYPE: Readonly<Partial<Record<OrgType, 'analyst' | 'academic' | 'official' | 'law_enforcement' | 'industry' | 'journalist'>>> = {
  think_tank: 'analyst',
  ngo: 'analyst',
  university: 'academic',
  ministry: 'official',
  government_agency: 'official',
  intergovernmental: 'official',
  political_party: 'official',
  police: 'law_enforcement',
  company: 'industry',
  news_agency: 'journalist',
};

/** Affiliations whose members' nationality can be read from the organisation's country (state bodies). */
export const NATIONALITY_FROM_ORG_TYPES: readonly OrgType[] = ['police', 'ministry', 'government_agency'];
