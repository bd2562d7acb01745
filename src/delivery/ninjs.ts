import { blocksToHtml, blocksToText, wordCount } from './blocks';
import { compact } from './jsonld';
import { NINJS_PROFILE } from './negotiate';
import { pubStatusOf, WORKFLOW_STATES, type WorkflowState } from './workflow-adapter';
import { absoluteMedia, documentIri, isAbsoluteUri, modificationDate, publicationDate, wikidataUrl, type ArticlePage, type OrgRef, type PersonRef, type RenderContext } from './types';

/**
 * IPTC ninjs 3.1 (https://www.iptc.org/std/ninjs/). Only properties of the
 * schema are emitted (it forbids any other: unevaluatedProperties false).
 */
const toDateTime = (value: string | null | undefined): string | undefined => {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};

/** An unknown state is treated as unpublished (→ withheld). */
const stateOf = (value: string): WorkflowState =>
  (WORKFLOW_STATES as readonly string[]).includes(value) ? (value as WorkflowState) : 'draft';

export const toNinjs = (article: ArticlePage, rc: RenderContext): Record<string, unknown> => {
  const people = new Map<string, { name: string; rel: string; uri?: string; literal: string }>();
  const addPerson = (p: PersonRef | null | undefined, rel: string) => {
    if (!p || people.has(p.documentId)) return;
    people.set(p.documentId, { name: p.name, rel, uri: wikidataUrl(p.wikidataId) ?? undefined, literal: p.documentId });
  };
  const organisations = new Map<string, { name: string; rel: string; uri?: string; literal: string }>();
  const addOrg = (o: OrgRef | null | undefined, rel: string) => {
    if (!o || organisations.has(o.documentId)) return;
    organisations.set(o.documentId, { name: o.name, rel, uri: wikidataUrl(o.wikidataId) ?? undefined, literal: o.documentId });
  };

  for (const quote of article.quotes ?? []) {
    addPerson(quote.speaker, 'quoted');
    addOrg(quote.speakerOrganization, 'quoted');
  }
  for (const person of article.people ?? []) addPerson(person, 'mentioned');
  for (const org of article.organizations ?? []) addOrg(org, 'mentioned');
  for (const record of article.sanctionRecords ?? []) {
    addOrg(record.organization, 'sanctioned');
    addOrg(record.authority, 'sanctioning-authority');
  }

  const text = blocksToText(article.body);
  const html = blocksToHtml(article.body);
  const state = stateOf(rc.workflowState);

  return compact({
    uri: isAbsoluteUri(article.uri) ? article.uri : documentIri(rc.publicUrl, 'article', article.documentId),
    standard: { name: 'ninjs', version: '3.1', schema: `${NINJS_PROFILE}#` },
    type: 'text',
    representationType: 'full',
    version: rc.version,
    copyrightHolder: rc.copyrightHolder,
    usageTerms: rc.usageTerms,
    firstCreated: toDateTime(article.createdAt),
    versionCreated: toDateTime(modificationDate(article)),
    contentCreated: toDateTime(publicationDate(article)),
    embargoedUntil: toDateTime(article.embargoedUntil),
    pubStatus: pubStatusOf(state),
    language: article.language,
    slugline: article.slug,
    headlines: [{ role: 'main', value: article.headline }],
    descriptions: [
      article.standfirst ? { role: 'summary', contentType: 'text/plain', value: article.standfirst } : undefined,
      ...(article.corrections ?? []).map((c) => ({ role: 'correction', contentType: 'text/plain', value: `${toDateTime(c.date) ?? c.date}: ${c.text}` })),
    ],
    bodies: [
      html ? { role: 'main', contentType: 'text/html', value: html, charCount: text.length, wordCount: wordCount(text) } : undefined,
      text ? { role: 'main', contentType: 'text/plain', value: text, charCount: text.length, wordCount: wordCount(text) } : undefined,
    ],
    by: article.byline ?? (article.credits ?? []).map((c) => c.name).join(', '),
    located: article.dateline,
    people: [...people.values()],
    organisations: [...organisations.values()],
    subjects: (article.subjects ?? []).map((s) => ({
      name: s.name,
      rel: s.rel ?? undefined,
      uri: isAbsoluteUri(s.uri) ? s.uri : undefined,
      literal: !isAbsoluteUri(s.uri) && s.uri ? s.uri : undefined,
    })),
    infoSources: article.sourceAgency
      ? [{ name: article.sourceAgency.name, role: 'source', uri: wikidataUrl(article.sourceAgency.wikidataId) ?? undefined, literal: article.sourceAgency.documentId }]
      : [],
    altIds: [{ role: 'documentId', value: article.documentId }],
    associations: leadImageAssociation(article, rc),
  }) as Record<string, unknown>;
};

/** The lead image as a ninjs association (`picture`) with its renditions: the original and Strapi's formats. */
const leadImageAssociation = (article: ArticlePage, rc: RenderContext): Record<string, unknown>[] => {
  const image = article.leadImage?.image;
  if (!image?.url) return [];
  const href = (url: string) => absoluteMedia(rc, url);
  const renditions = [
    { name: 'original', href: href(image.url), contentType: image.mime, width: image.width, height: image.height },
    ...Object.entries(image.formats ?? {})
      .filter(([, format]) => format?.url)
      .map(([name, format]) => ({ name, href: href(format.url as string), contentType: format.mime, width: format.width, height: format.height })),
  ];
  return [
    {
      name: 'leadImage',
      rel: 'leadImage',
      uri: href(image.url),
      type: 'picture',
      headlines: image.alternativeText ? [{ role: 'alternative', value: image.alternativeText }] : undefined,
      descriptions: article.leadImage?.caption ? [{ role: 'caption', contentType: 'text/plain', value: article.leadImage.caption }] : undefined,
      by: article.leadImage?.credit ?? undefined,
      copyrightHolder: article.leadImage?.credit ?? undefined,
      renditions: renditions.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined && v !== null))),
    },
  ];
};
