/**
 * The seed story's answer key, derived from its curated bundle (the reviewed,
 * checked-in truth), so `import:score` holds the seed at 100 % with the same
 * rules as the corpus.
 */
import type { StoryBundle } from '../types';
import type { StoryKey } from './score-story';

export const keyFromCuratedBundle = (id: string, bundle: StoryBundle): StoryKey => {
  const orgName = (key?: string) => bundle.organizations.find((org) => org.key === key)?.name;
  const personName = (key?: string) => bundle.people.find((person) => person.key === key)?.name;
  return {
    id,
    set: 'seed',
    style: 'wire',
    outlet: 'seed',
    headline: bundle.article.headline,
    byline: bundle.article.credits.filter((c) => c.role === 'reporter' || c.role === 'byline').map((c) => c.name),
    dateline: bundle.article.dateline,
    quotes: bundle.quotes.map((quote) => ({
      starts: quote.text.slice(0, 60),
      speaker: personName(quote.speaker) ?? (quote.speakerOrganization ? `org:${orgName(quote.speakerOrganization)}` : 'unattributed'),
    })),
    // the importer links the people who speak to the article (credited journalists live in article.credits)
    people: bundle.people
      .filter((person) => bundle.quotes.some((quote) => quote.speaker === person.key))
      .map((person) => ({ name: person.name, affiliation: orgName(person.affiliation) ?? null })),
    organizations: bundle.organizations.map((org) => org.name),
    sanctions: bundle.sanctions.map((s) => ({ target: orgName(s.organization) ?? s.organization, authority: orgName(s.authority) ?? s.authority })),
    noise: bundle.removed.filter((block) => !['photo_line', 'byline', 'date_line', 'section_line'].includes(block.kind)).map((block) => block.text.slice(0, 60)),
  };
};
