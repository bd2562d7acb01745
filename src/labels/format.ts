/**
 * Human labels of newsroom documents, for the admin panel's relation lists and
 * edit titles (the content manager shows one string field per document: its
 * mainField). Pure functions of a row and its named relations.
 */

type Named = { name?: string | null } | null | undefined;

const clean = (value: unknown): string => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '');

/** The first words of a text, cut at a word boundary, with an ellipsis when cut. */
export const excerpt = (text: unknown, max = 60): string => {
  const value = clean(text);
  if (value.length <= max) return value;
  const cut = value.slice(0, max + 1);
  const boundary = cut.lastIndexOf(' ');
  return `${(boundary > max / 2 ? cut.slice(0, boundary) : value.slice(0, max)).replace(/[\s,;:.–—-]+$/, '')}…`;
};

/** “The start of the quote…” — its speaker: a person, an organization, or the unnamed description. */
export const quoteLabel = (quote: { text?: unknown; speaker?: Named; speakerOrganization?: Named; speakerDescription?: unknown }): string => {
  const speaker = clean(quote.speaker?.name) || clean(quote.speakerOrganization?.name) || clean(quote.speakerDescription) || 'unattributed';
  return `“${excerpt(quote.text)}” — ${speaker}`;
};

/** Organization · program · year (of the start, else the listing), e.g. "Huawei · Entity List · 2019". */
export const sanctionRecordLabel = (record: {
  organization?: Named;
  program?: unknown;
  startDate?: unknown;
  listingDate?: unknown;
  authorityCountry?: unknown;
}): string => {
  const year = /^(\d{4})/.exec(clean(record.startDate) || clean(record.listingDate))?.[1] ?? '';
  const parts = [clean(record.organization?.name), clean(record.program), year].filter(Boolean);
  return parts.length ? parts.join(' · ') : `Sanction record (${clean(record.authorityCountry) || 'no organization'})`;
};

/** Name (affiliation). */
export const expertLabel = (expert: { name?: unknown; affiliation?: Named }): string => {
  const affiliation = clean(expert.affiliation?.name);
  return affiliation ? `${clean(expert.name)} (${affiliation})` : clean(expert.name);
};

type BlockNode = { type?: string; text?: unknown; children?: unknown };

/** Plain text of a Blocks (rich text) value: one line per block, for search. */
export const blocksToText = (blocks: unknown): string => {
  if (!Array.isArray(blocks)) return '';
  const text = (node: BlockNode): string => {
    if (typeof node?.text === 'string') return node.text;
    return Array.isArray(node?.children) ? (node.children as BlockNode[]).map(text).join(node.type === 'list' ? '\n' : '') : '';
  };
  return (blocks as BlockNode[]).map(text).filter((line) => line.trim()).join('\n');
};
