import { UID } from '../domain/constants';

/** [label, hint] of a field in the content manager's edit view (and the label in the list view). */
export type FieldText = readonly [label: string, hint: string];

/**
 * Human labels and hints for every field editors see. Applied at boot where the
 * field still shows Strapi's default (its attribute name, no hint): an
 * administrator's own wording in "Configure the view" is kept.
 */
export const FIELD_TEXT: Record<string, Record<string, FieldText>> = {
  [UID.article]: {
    headline: ['Headline', 'The title readers see; up to 300 characters.'],
    slug: ['URL slug', 'Part of the story’s web address; generated from the headline. Changing it after publication breaks links.'],
    uri: ['Source URI', 'Stable identifier of the wire story this article was imported from (used to match re-imports).'],
    standfirst: ['Standfirst', 'One or two sentences under the headline that sum up the story.'],
    body: ['Body', 'The story text. Quotes are linked separately below.'],
    section: ['Section', 'Desk or section the story runs in, e.g. World, Technology.'],
    dateline: ['Dateline', 'Where the story was reported from, e.g. “Lianyungang”.'],
    byline: ['Byline', 'Who wrote the story, as printed.'],
    language: ['Language', 'BCP 47 language tag of this text, e.g. en, fr, zh-Hans.'],
    translationMethod: ['Translation', 'How this text came to be in its language (original, human or machine translation).'],
    originalLanguage: ['Original language', 'Language of the source text when this is a translation.'],
    datePublished: ['Publication date', 'Set by the first publication and never moved afterwards; corrections set the modification date.'],
    dateModified: ['Last modified', 'Set by each published correction or update; never before the publication date.'],
    publishedAtText: ['Source’s date line', 'The date as the source printed it (e.g. “Published yesterday at 10:29”), kept for review.'],
    embargoedUntil: ['Embargoed until', 'Not public before this time. Cannot be set on a live story: withdraw it to take it down.'],
    credits: ['Credits', 'People credited on the story, with their role.'],
    leadImage: ['Lead image', 'Main image with its caption and credit.'],
    corrections: ['Corrections', 'Public correction notes, appended by the workflow’s “Publish correction”.'],
    subjects: ['Subjects', 'What the story is about or mentions (e.g. IPTC Media Topics).'],
    edNote: ['Editor’s note (internal)', 'Internal remarks for the desk; never published.'],
    quotes: ['Quotes', 'Quoted or paraphrased passages of this story, each with its speaker.'],
    people: ['People', 'People quoted or named in the story.'],
    organizations: ['Organizations', 'Organizations the story mentions.'],
    sanctionRecords: ['Sanction records', 'Sanctions and export controls the story cites.'],
    sourceAgency: ['Source agency', 'News agency the story comes from.'],
  },
  [UID.quote]: {
    text: ['Quoted text', 'The words as quoted (direct) or paraphrased (indirect).'],
    quoteType: ['Quote type', 'Direct (verbatim), partial (a fragment in quotation marks) or indirect (paraphrase).'],
    article: ['Article', 'The story this quote appears in.'],
    speaker: ['Speaker (person)', 'The person who said it. Pick an existing expert to fix a misattribution.'],
    speakerOrganization: ['Speaker (organization)', 'When an organization speaks rather than a named person.'],
    speakerDescription: ['Unnamed speaker', 'Description of a speaker the story does not name, e.g. “a police spokesperson”.'],
    speakerTitleAtTime: ['Speaker’s title at the time', 'The speaker’s role when they said it, e.g. “then minister of the interior”.'],
    cue: ['Cue verb', 'The reporting verb, e.g. said, added, warned.'],
    position: ['Position', 'Order of the quote in the story (1 = first).'],
    context: ['Context', 'What the quote responds to or refers to, for editors.'],
    verificationStatus: ['Verification', 'Whether the quote was checked against a source.'],
    label: ['Label', 'Generated: start of the text and the speaker.'],
  },
  [UID.expert]: {
    name: ['Name', 'Full name as the story gives it.'],
    slug: ['Slug', 'Stable key used to match re-imports; generated from the name.'],
    jobTitle: ['Job title', 'Current role, e.g. “Senior analyst”.'],
    affiliation: ['Affiliation', 'Organization the person works for.'],
    expertType: ['Kind of source', 'Analyst, academic, official, law enforcement, industry, journalist or other.'],
    nationality: ['Nationality', 'ISO 3166-1 alpha-2 country code, e.g. US, CN.'],
    bio: ['Biography', 'A short description of the person.'],
    wikidataId: ['Wikidata ID', 'Q followed by digits, e.g. Q42.'],
    sameAs: ['Same as', 'Links to the same person elsewhere (list of URLs).'],
    quotes: ['Quotes', 'What this person is quoted as saying.'],
    articles: ['Articles', 'Stories that name this person.'],
    label: ['Label', 'Generated: name and affiliation.'],
  },
  [UID.organization]: {
    name: ['Name', 'Current official name.'],
    slug: ['Slug', 'Stable key used to match re-imports; generated from the name.'],
    alternateNames: ['Alternate names', 'Other names in use (list), e.g. short names and translations; the importer matches them.'],
    previousNames: ['Previous names', 'Former names (list); the importer matches them too.'],
    orgType: ['Kind of organization', 'Company, government agency, ministry, police, university, news agency, …'],
    country: ['Country', 'ISO 3166-1 alpha-2 country code, e.g. US, CN.'],
    parentOrganization: ['Parent organization', 'The organization this one belongs to.'],
    subOrganizations: ['Sub-organizations', 'Organizations that belong to this one.'],
    website: ['Website', 'Official http(s) address.'],
    wikidataId: ['Wikidata ID', 'Q followed by digits, e.g. Q42.'],
    leiCode: ['LEI code', 'Legal Entity Identifier (20 characters), when it has one.'],
    description: ['Description', 'A short description of the organization.'],
    members: ['People', 'People affiliated with this organization.'],
    sanctions: ['Sanctions on it', 'Sanctions and export controls imposed on this organization.'],
    imposedSanctions: ['Sanctions it imposed', 'Sanctions this authority imposed.'],
    quotes: ['Quotes', 'What this organization is quoted as saying.'],
    articles: ['Articles', 'Stories that mention this organization.'],
    agencyArticles: ['Agency stories', 'Stories this news agency supplied.'],
  },
  [UID.sanctionRecord]: {
    organization: ['Sanctioned organization', 'Who the measure applies to.'],
    authority: ['Authority', 'Who imposed the measure, e.g. the U.S. Department of Commerce.'],
    authorityCountry: ['Authority’s country', 'ISO 3166-1 alpha-2 code of the imposing country, e.g. US.'],
    program: ['Program', 'The list or program, e.g. “Entity List”.'],
    measureType: ['Kind of measure', 'Sanction, export control, investment ban, debarment or other.'],
    listingStatus: ['Status', 'Active, lifted, expired or proposed.'],
    startDate: ['Start date', 'Partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD.'],
    endDate: ['End date', 'Partial ISO date; not before the start date.'],
    listingDate: ['Listing date', 'When it was published on the list (partial ISO date).'],
    reason: ['Reason', 'Why the measure was imposed, as the authority states it.'],
    delistingReason: ['Delisting reason', 'Why it was lifted, if it was.'],
    sourceUrl: ['Source URL', 'Where the listing can be checked (http(s)).'],
    verificationStatus: ['Verification', '“As reported” by the story, or verified against the source.'],
    articles: ['Articles', 'Stories that cite this record.'],
    label: ['Label', 'Generated: organization · program · year.'],
  },
  'newsroom.correction': {
    date: ['Date', 'When the correction was made.'],
    text: ['Correction note', 'The public note printed with the story.'],
  },
  'newsroom.credit': {
    name: ['Name', 'The person credited.'],
    role: ['Role', 'Reporter, photographer, editor, translator or byline.'],
    organization: ['Organization', 'Who they work for, e.g. their news agency.'],
  },
  'newsroom.lead-image': {
    image: ['Image', 'The picture.'],
    caption: ['Caption', 'What the picture shows.'],
    credit: ['Credit', 'Who took it / who owns it.'],
  },
  'newsroom.subject': {
    name: ['Name', 'The subject, e.g. “Surveillance”.'],
    uri: ['URI', 'Identifier of the subject in a vocabulary (e.g. an IPTC Media Topic URI).'],
    rel: ['Relation', '“About” (the story is about it) or “mentions”.'],
  },
};

/** Types whose entries show their stored, generated label (relation lists, edit titles). */
export const LABEL_MAIN_FIELD: Record<string, string> = {
  [UID.quote]: 'label',
  [UID.expert]: 'label',
  [UID.sanctionRecord]: 'label',
};

/** Generated or bookkeeping fields: listed nowhere in the edit view (the stored label stays the mainField). */
export const HIDDEN_IN_EDIT_VIEW: Record<string, string[]> = {
  [UID.quote]: ['label'],
  [UID.expert]: ['label'],
  [UID.sanctionRecord]: ['label'],
};
