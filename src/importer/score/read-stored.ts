/**
 * What the import actually stored for one article, read back through the
 * document service (drafts), in the shape the scorer compares with a key.
 */
import type { Core } from '@strapi/strapi';
import type { StoredStory } from './score-story';

type Org = { name?: string; alternateNames?: string[] | null; previousNames?: string[] | null } | null | undefined;
type Block = { children?: { text?: string }[] };

const orgNames = (org: Org): string[] => (org?.name ? [org.name, ...(org.alternateNames ?? []), ...(org.previousNames ?? [])] : []);

export const readStoredStory = async (strapi: Core.Strapi, articleDocumentId: string): Promise<StoredStory> => {
  const article = (await strapi.documents('api::article.article').findOne({
    documentId: articleDocumentId,
    status: 'draft',
    populate: {
      credits: true,
      quotes: { populate: { speaker: true, speakerOrganization: true } },
      people: { populate: { affiliation: true } },
      sanctionRecords: { populate: { organization: true, authority: true } },
    },
  })) as unknown as {
    headline: string;
    byline: string | null;
    dateline: string | null;
    standfirst: string | null;
    body: Block[] | null;
    credits: { name: string; role: string }[];
    quotes: { text: string; speakerDescription?: string | null; speaker?: { name: string } | null; speakerOrganization?: Org }[];
    people: { name: string; jobTitle?: string | null; affiliation?: Org }[];
    sanctionRecords: { organization?: Org; authority?: Org }[];
  } | null;
  if (!article) throw new Error(`article ${articleDocumentId} was not stored`);
  const body = (article.body ?? []).map((block) => (block.children ?? []).map((child) => child.text ?? '').join(''));
  return {
    headline: article.headline,
    byline: article.byline,
    dateline: article.dateline,
    credits: (article.credits ?? []).filter((c) => c.role === 'reporter' || c.role === 'byline').map((c) => c.name),
    texts: [
      article.headline,
      article.byline ?? '',
      article.standfirst ?? '',
      ...body,
      ...(article.quotes ?? []).map((q) => q.text),
      ...(article.people ?? []).map((p) => p.name),
    ],
    quotes: (article.quotes ?? []).map((q) => ({
      text: q.text,
      speaker: q.speaker?.name ?? null,
      speakerOrganization: orgNames(q.speakerOrganization),
    })),
    people: (article.people ?? []).map((p) => ({ name: p.name, affiliation: orgNames(p.affiliation) })),
    sanctions: (article.sanctionRecords ?? []).map((s) => ({ target: orgNames(s.organization), authority: orgNames(s.authority) })),
  };
};
