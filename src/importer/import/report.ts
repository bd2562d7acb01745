export type Outcome = 'created' | 'updated' | 'unchanged';

export type EntityKind = 'article' | 'quote' | 'expert' | 'organization' | 'sanctionRecord' | 'note';

export type Tally = Record<Outcome, number>;

export type StoryReport = {
  file: string;
  uri: string;
  articleDocumentId?: string;
  counts: Record<EntityKind, Tally>;
};

const emptyTally = (): Tally => ({ created: 0, updated: 0, unchanged: 0 });

export const emptyCounts = (): Record<EntityKind, Tally> => ({
  article: emptyTally(),
  quote: emptyTally(),
  expert: emptyTally(),
  organization: emptyTally(),
  sanctionRecord: emptyTally(),
  note: emptyTally(),
});

export const totals = (counts: Record<EntityKind, Tally>): Tally =>
  Object.values(counts).reduce(
    (sum, tally) => ({
      created: sum.created + tally.created,
      updated: sum.updated + tally.updated,
      unchanged: sum.unchanged + tally.unchanged,
    }),
    emptyTally(),
  );
