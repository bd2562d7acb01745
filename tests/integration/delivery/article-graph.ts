import type { Core } from '@strapi/strapi';
import { publishForTest } from '../../helpers/publish';

/** A published article page with every kind of document the delivery formats render. */
let counter = 0;
export const uniq = (prefix: string) => `${prefix}-${process.pid}-${Date.now().toString(36)}-${++counter}`;

export const UIDS = {
  article: 'api::article.article',
  quote: 'api::quote.quote',
  expert: 'api::expert.expert',
  organization: 'api::organization.organization',
  sanctionRecord: 'api::sanction-record.sanction-record',
} as const;

export type ArticleGraph = Awaited<ReturnType<typeof createArticleGraph>>;

export const createArticleGraph = async (strapi: Core.Strapi, over: Record<string, unknown> = {}) => {
  const pub = (uid: string, data: Record<string, unknown>) => publishForTest(strapi, uid, data);

  const thinkTank = await pub(UIDS.organization, { name: uniq('Institute'), orgType: 'think_tank', country: 'US', wikidataId: 'Q1143453' });
  const company = await pub(UIDS.organization, {
    name: uniq('Hikvision'),
    orgType: 'company',
    country: 'CN',
    wikidataId: 'Q5768449',
    alternateNames: ['Hangzhou Hikvision Digital Technology Co., Ltd.'],
    previousNames: ['Hikvision Old Name'],
    website: 'https://www.hikvision.com',
  });
  const authority = await pub(UIDS.organization, { name: uniq('Bureau of Industry and Security'), orgType: 'government_agency', country: 'US', wikidataId: 'Q4997155' });
  const agency = await pub(UIDS.organization, { name: uniq('Wire Agency'), orgType: 'news_agency', country: 'GB' });
  const speaker = await pub(UIDS.expert, {
    name: uniq('Jane Analyst'),
    jobTitle: 'Senior Analyst',
    expertType: 'analyst',
    nationality: 'US',
    wikidataId: 'Q42',
    sameAs: ['https://example.org/people/jane'],
    affiliation: thinkTank.documentId,
  });
  const official = await pub(UIDS.expert, { name: uniq('Min Official'), expertType: 'official', nationality: 'CN', wikidataId: 'Q1001' });
  const sanction = await pub(UIDS.sanctionRecord, {
    organization: company.documentId,
    authority: authority.documentId,
    authorityCountry: 'US',
    program: 'Entity List',
    measureType: 'export_control',
    listingStatus: 'active',
    startDate: '2019-10',
    listingDate: '2019-10-09',
    reason: 'Implicated in human rights violations',
    sourceUrl: 'https://www.federalregister.gov/d/2019-22210',
  });
  const slug = uniq('surveillance-exports').toLowerCase();
  const article = await pub(UIDS.article, {
    headline: 'Surveillance exports under scrutiny',
    slug,
    uri: `https://news.example.org/articles/${slug}`,
    standfirst: 'Export controls tighten.',
    body: [
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Background' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'Officials said <more> controls were coming.' }] },
    ],
    section: 'World',
    dateline: 'WASHINGTON',
    byline: 'By Sam Reporter',
    language: 'en',
    datePublished: '2024-03-01T10:00:00.000Z',
    credits: [
      { name: 'Sam Reporter', role: 'reporter', organization: agency.documentId },
      { name: 'Ed Itor', role: 'editor' },
    ],
    corrections: [{ date: '2024-03-02T09:00:00.000Z', text: 'An earlier version misstated the year of listing.' }],
    subjects: [
      { name: 'Export controls', uri: 'http://cv.iptc.org/newscodes/mediatopic/20000587', rel: 'about' },
      { name: 'Surveillance', rel: 'mentions' },
    ],
    people: [speaker.documentId, official.documentId],
    organizations: [company.documentId],
    sanctionRecords: [sanction.documentId],
    sourceAgency: agency.documentId,
    edNote: 'PRIVATE editorial note',
    ...over,
  });
  // Stored out of order: positions 2 then 1.
  const quote2 = await pub(UIDS.quote, { text: 'The second thing said.', article: article.documentId, speakerOrganization: company.documentId, position: 2 });
  const quote1 = await pub(UIDS.quote, { text: 'The first thing said.', article: article.documentId, speaker: speaker.documentId, position: 1, speakerTitleAtTime: 'Analyst' });

  return { thinkTank, company, authority, agency, speaker, official, sanction, article, quote1, quote2, slug };
};

/** Every document key the article page must be tagged with. */
export const expectedKeys = (g: ArticleGraph): string[] => [
  `article:${g.article.documentId}`,
  `quote:${g.quote1.documentId}`,
  `quote:${g.quote2.documentId}`,
  `expert:${g.speaker.documentId}`,
  `expert:${g.official.documentId}`,
  `organization:${g.thinkTank.documentId}`,
  `organization:${g.company.documentId}`,
  `organization:${g.authority.documentId}`,
  `organization:${g.agency.documentId}`,
  `sanction-record:${g.sanction.documentId}`,
];
