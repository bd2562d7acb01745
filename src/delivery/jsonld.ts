import { blocksToText, wordCount } from './blocks';
import {
  absoluteMedia,
  documentIri,
  modificationDate,
  publicationDate,
  isAbsoluteUri,
  stringList,
  wikidataUrl,
  type ArticlePage,
  type OrgRef,
  type PersonRef,
  type QuoteRef,
  type RenderContext,
} from './types';

/**
 * schema.org NewsArticle as JSON-LD. The @context is inline, with an explicit
 * IRI for every term used, so any JSON-LD processor can expand the document
 * without fetching anything. IRIs use `http://schema.org/`, as the official
 * schema.org context does, so the expansion matches that of
 * `"@context": "https://schema.org"`.
 */
const S = 'http://schema.org/';
const term = (name: string) => `${S}${name}`;
const idTerm = (name: string) => ({ '@id': term(name), '@type': '@id' });
const dateTimeTerm = (name: string) => ({ '@id': term(name), '@type': term('DateTime') });

export const SCHEMA_ORG_CONTEXT = {
  schema: S,
  // types
  NewsArticle: term('NewsArticle'),
  Person: term('Person'),
  Organization: term('Organization'),
  Quotation: term('Quotation'),
  CorrectionComment: term('CorrectionComment'),
  ImageObject: term('ImageObject'),
  CreativeWork: term('CreativeWork'),
  Thing: term('Thing'),
  // properties
  headline: term('headline'),
  description: term('description'),
  articleBody: term('articleBody'),
  wordCount: term('wordCount'),
  inLanguage: term('inLanguage'),
  identifier: term('identifier'),
  datePublished: dateTimeTerm('datePublished'),
  dateModified: dateTimeTerm('dateModified'),
  dateCreated: dateTimeTerm('dateCreated'),
  author: term('author'),
  contributor: term('contributor'),
  creditText: term('creditText'),
  sourceOrganization: term('sourceOrganization'),
  articleSection: term('articleSection'),
  dateline: term('dateline'),
  correction: term('correction'),
  about: term('about'),
  mentions: term('mentions'),
  hasPart: term('hasPart'),
  citation: term('citation'),
  text: term('text'),
  spokenByCharacter: term('spokenByCharacter'),
  creator: term('creator'),
  name: term('name'),
  alternateName: term('alternateName'),
  jobTitle: term('jobTitle'),
  affiliation: term('affiliation'),
  position: term('position'),
  caption: term('caption'),
  width: term('width'),
  height: term('height'),
  sameAs: idTerm('sameAs'),
  url: idTerm('url'),
  contentUrl: idTerm('contentUrl'),
  image: term('image'),
  publisher: term('publisher'),
  mainEntityOfPage: idTerm('mainEntityOfPage'),
  WebPage: term('WebPage'),
} as const;

type Json = null | string | number | boolean | Json[] | { [key: string]: Json };

/** Drop null/undefined/'' values and empty arrays/objects, recursively. */
export const compact = (value: unknown): Json | undefined => {
  if (value === null || value === undefined || value === '') return undefined;
  if (Array.isArray(value)) {
    const items = value.map(compact).filter((item): item is Json => item !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => [key, compact(item)] as const)
      .filter(([, item]) => item !== undefined);
    return entries.length ? (Object.fromEntries(entries) as Json) : undefined;
  }
  return value as Json;
};

const AUTHOR_ROLES = new Set(['reporter', 'byline']);

export const toJsonLd = (article: ArticlePage, rc: RenderContext): Record<string, Json> => {
  const iri = (kind: string, documentId: string) => documentIri(rc.publicUrl, kind, documentId);

  const organization = (org: OrgRef | null | undefined) =>
    org && {
      '@type': 'Organization',
      '@id': iri('organization', org.documentId),
      name: org.name,
      url: isAbsoluteUri(org.website) ? org.website : undefined,
      sameAs: [wikidataUrl(org.wikidataId)],
    };

  const person = (p: PersonRef | null | undefined) =>
    p && {
      '@type': 'Person',
      '@id': iri('expert', p.documentId),
      name: p.name,
      jobTitle: p.jobTitle,
      affiliation: organization(p.affiliation),
      sameAs: [...new Set([wikidataUrl(p.wikidataId), ...stringList(p.sameAs).filter(isAbsoluteUri)].filter(Boolean))],
    };

  // Every quote keeps its speaker: a person, else an organization, else the unnamed source's description.
  const quotation = (q: QuoteRef) => {
    const speaker =
      person(q.speaker) ?? organization(q.speakerOrganization) ?? (q.speakerDescription ? { '@type': 'Person', description: q.speakerDescription } : undefined);
    return {
      '@type': 'Quotation',
      '@id': iri('quote', q.documentId),
      text: q.text,
      position: q.position,
      description: q.speakerDescription,
      spokenByCharacter: speaker,
      creator: speaker,
    };
  };

  const thing = (subject: { name: string; uri?: string | null }) => ({
    '@type': 'Thing',
    name: subject.name,
    sameAs: isAbsoluteUri(subject.uri) ? subject.uri : undefined,
  });

  const credits = article.credits ?? [];
  const creditPerson = (credit: { name: string; organization?: OrgRef | null }) => ({
    '@type': 'Person',
    name: credit.name,
    affiliation: organization(credit.organization),
  });
  const body = blocksToText(article.body);
  const subjects = article.subjects ?? [];
  const image = article.leadImage?.image;

  const doc = {
    '@context': SCHEMA_ORG_CONTEXT,
    '@type': 'NewsArticle',
    '@id': isAbsoluteUri(article.uri) ? article.uri : iri('article', article.documentId),
    url: rc.pageUrl,
    mainEntityOfPage: rc.pageUrl ? { '@type': 'WebPage', '@id': rc.pageUrl } : undefined,
    publisher: rc.publisher ? { '@type': 'Organization', name: rc.publisher.name, url: rc.publisher.url } : undefined,
    identifier: article.documentId,
    headline: article.headline,
    description: article.standfirst,
    articleBody: body,
    wordCount: body ? wordCount(body) : undefined,
    inLanguage: article.language,
    datePublished: publicationDate(article),
    dateModified: modificationDate(article),
    dateCreated: article.createdAt,
    articleSection: article.section,
    dateline: article.dateline,
    creditText: article.byline,
    author: credits.filter((c) => AUTHOR_ROLES.has(c.role ?? '')).map(creditPerson),
    contributor: credits.filter((c) => !AUTHOR_ROLES.has(c.role ?? '')).map(creditPerson),
    sourceOrganization: organization(article.sourceAgency),
    image: image?.url
      ? { '@type': 'ImageObject', contentUrl: absoluteMedia(rc, image.url), url: absoluteMedia(rc, image.url), caption: article.leadImage?.caption, creditText: article.leadImage?.credit, width: image.width, height: image.height }
      : undefined,
    correction: (article.corrections ?? []).map((c) => ({ '@type': 'CorrectionComment', text: c.text, datePublished: c.date })),
    about: subjects.filter((s) => s.rel !== 'mentions').map(thing),
    mentions: [
      ...(article.people ?? []).map(person),
      ...(article.organizations ?? []).map(organization),
      ...subjects.filter((s) => s.rel === 'mentions').map(thing),
    ],
    hasPart: (article.quotes ?? []).map(quotation),
    citation: (article.sanctionRecords ?? [])
      .filter((r) => isAbsoluteUri(r.sourceUrl))
      .map((r) => ({
        '@type': 'CreativeWork',
        url: r.sourceUrl,
        name: [r.authority?.name, r.program, r.organization?.name].filter(Boolean).join(' — ') || undefined,
      })),
  };
  return compact(doc) as Record<string, Json>;
};
