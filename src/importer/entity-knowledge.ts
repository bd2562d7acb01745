/**
 * The lexicon the parser starts from, loaded from versioned data files in
 * ./knowledge (the organisation seed bundle, the attribution vocabulary). It is
 * used for NORMALISATION only: the parser
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
import cues from './knowledge/attribution-cues.json';
import organizationSeed from './knowledge/organizations.seed.json';

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

/** The seed bundle of organisations (versioned data); the CMS's own organisations are added at import time. */
export const KNOWN_ORGANIZATIONS: readonly KnownOrganization[] = organizationSeed.organizations as KnownOrganization[];

/** Verbs and phrases that introduce reported speech (versioned data: knowledge/attribution-cues.json). */
export const SPEAKER_CUES: readonly string[] = cues.speechVerbs;

/**
 * Head words of ranks and titles that may precede a name: in "Public Security
 * Minister Wang Xiaohong" or "Colonel Galo Erazo" the title runs up to the last
 * head word and the name follows.
 */
export const TITLE_HEAD_WORDS: readonly string[] = cues.titleHeadWords;

/** Honorifics that precede a surname ("Mr Obama", "Ms. Gonzales"): they are never part of the name. */
export const HONORIFICS: readonly string[] = cues.honorifics;

/** Cues that introduce the speaker's own view but cannot open reported speech without quotation marks. */
export const PARTICIPLE_CUES: readonly string[] = cues.participleCues;

/** Words that begin a capitalised run but are never part of a person's name. */
export const NOT_NAME_WORDS: readonly string[] = cues.notNameWords;

/** Words that make a name an organisation's ("… Office", "… Police", "the Palace"): such a name is never a person. */
export const ORGANIZATION_FORM_WORDS: readonly string[] = cues.organizationFormWords;

/** Common-noun subjects that speak for a body ("The airline said"): the quote is the body's, not a person's. */
export const COMMON_NOUN_SUBJECTS: readonly string[] = cues.commonNounSubjects;

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

/**
 * Adjectives and abbreviations that stand for a state in sanction phrasing
 * ("American sanctions on …", "U.S. sanctions"): the lexicon name each one
 * means. A state the lexicon (or the CMS) does not know stays unresolved.
 */
export const STATE_DEMONYMS: Readonly<Record<string, string>> = {
  American: 'United States',
  'U.S.': 'United States',
  US: 'United States',
  British: 'United Kingdom',
  'U.K.': 'United Kingdom',
  UK: 'United Kingdom',
  EU: 'European Union',
  European: 'European Union',
  UN: 'United Nations',
  'U.N.': 'United Nations',
};
