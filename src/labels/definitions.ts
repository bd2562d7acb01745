import { UID } from '../domain/constants';
import { expertLabel, quoteLabel, sanctionRecordLabel } from './format';

type Row = Record<string, unknown>;

/** The field each labelled type stores its label in (the content manager's mainField for it). */
export const LABEL_FIELD = 'label';

export type LabelDefinition = {
  /** Scalar fields the label reads. */
  fields: string[];
  /** Relations it reads, with the one field it needs. */
  populate: Record<string, { select: string[] }>;
  format: (row: Row) => string;
};

const name = { select: ['name'] };

/** A definition whose formatter reads the row shape it was given (the rows come from the selects above it). */
const define = <T>(fields: string[], populate: LabelDefinition['populate'], format: (row: T) => string): LabelDefinition => ({
  fields,
  populate,
  format: (row) => format(row as T),
});

export const LABELS: Record<string, LabelDefinition> = {
  [UID.quote]: define(['text', 'speakerDescription'], { speaker: name, speakerOrganization: name }, quoteLabel),
  [UID.sanctionRecord]: define(['program', 'startDate', 'listingDate', 'authorityCountry'], { organization: name }, sanctionRecordLabel),
  [UID.expert]: define(['name'], { affiliation: name }, expertLabel),
};

/** Whose labels name a document of a type: when it changes (a rename), these labels are refreshed. */
export const LABEL_DEPENDENTS: Record<string, { uid: string; attribute: string }[]> = {
  [UID.expert]: [{ uid: UID.quote, attribute: 'speaker' }],
  [UID.organization]: [
    { uid: UID.quote, attribute: 'speakerOrganization' },
    { uid: UID.expert, attribute: 'affiliation' },
    { uid: UID.sanctionRecord, attribute: 'organization' },
  ],
};
