import type { Core } from '@strapi/strapi';
import { UID } from '../../domain/constants';
import { quoteLabel } from '../../labels/format';
import { validateNew, type BulkWriter, type NewDocument } from './bulk-create';
import type { ImportQuote } from './input';
import type { Known } from './shared-entities';

export type LinkedQuote = { quote: ImportQuote; speaker: string | null; speakerOrganization: string | null };

/** The fields of a quote document, as the bundle gives them (shared with the one-at-a-time path). */
export const quoteData = (quote: ImportQuote) => ({
  text: quote.text,
  quoteType: quote.quoteType,
  speakerDescription: quote.speakerDescription ?? null,
  speakerTitleAtTime: quote.speakerTitleAtTime ?? null,
  cue: quote.cue ?? null,
  position: quote.position,
  context: quote.context ?? null,
});

/**
 * The quotes of a new article, validated and inserted together, each with the
 * label the labels middleware would have written after its create.
 */
export const createQuotes = async (strapi: Core.Strapi, bulk: BulkWriter, known: Known, article: string, quotes: LinkedQuote[]): Promise<void> => {
  const name = (documentId: string | null) => (documentId ? { name: known.names.get(documentId) ?? null } : null);
  const docs: NewDocument[] = quotes.map(({ quote, speaker, speakerOrganization }) => {
    const data = quoteData(quote);
    return {
      documentId: bulk.newDocumentId(UID.quote),
      data: { ...data, label: quoteLabel({ ...data, speaker: name(speaker), speakerOrganization: name(speakerOrganization) }).slice(0, 300) },
      links: { article, speaker, speakerOrganization },
    };
  });
  for (const doc of docs) await validateNew(strapi, UID.quote, doc);
  await bulk.createMany(UID.quote, docs, known.draftIds);
};
