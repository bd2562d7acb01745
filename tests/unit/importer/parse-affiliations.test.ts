/**
 * Affiliations read from a speaker's title (issue 12): "Microsoft President
 * Brad Smith", "Microsoft’s president, Brad Smith", "X, Microsoft’s chief
 * lawyer," and "X, a professor at Y" tie the person to the organisation; a
 * title that only names a rank, a place or a portfolio ties them to nothing.
 */
import { parseStory } from '../../../src/importer/parse';

const story = (...paragraphs: string[]): string => ['Test headline for affiliations', 'Jane Roe – Agence France-Presse in Paris', ...paragraphs].join('\n\n');
const affiliationOf = (name: string, ...paragraphs: string[]) => {
  const bundle = parseStory(story(...paragraphs));
  const person = bundle.people.find((p) => p.name === name);
  if (!person) return 'not stored';
  return person.affiliation ? (bundle.organizations.find((o) => o.key === person.affiliation)?.name ?? person.affiliation) : null;
};

describe('Given a speaker named with an organisation in the title', () => {
  it.each([
    ['Microsoft President Brad Smith said', 'Brad Smith', 'Microsoft'],
    ['Microsoft’s President Brad Smith said', 'Brad Smith', 'Microsoft'],
    ['said Google Chief Executive Sundar Pichai', 'Sundar Pichai', 'Google'],
  ])('when the cue reads "%s", then the person is affiliated to the organisation', (cue, name, org) => {
    const sentence = cue.startsWith('said') ? `“We will build it by 2030,” ${cue}.` : `“We will build it by 2030,” ${cue}.`;
    expect(affiliationOf(name, 'The company announced a plan on Thursday.', sentence)).toBe(org);
  });

  it('when the appositive is possessive ("Brad Smith, Microsoft’s president,"), then the person is affiliated to the organisation', () => {
    expect(affiliationOf('Brad Smith', '“We will build it by 2030,” said Brad Smith, Microsoft’s president.')).toBe('Microsoft');
  });

  it('when the appositive is "a professor at Y", then the person is affiliated to Y', () => {
    expect(affiliationOf('Ann Lee', '“It will take years,” said Ann Lee, a professor at the University of Texas.')).toBe('University of Texas');
  });

  it.each([
    ['Chief Executive Satya Nadella said', 'Satya Nadella'],
    ['Health Secretary Matt Hancock said', 'Matt Hancock'],
    ['Texas Governor Greg Abbott said', 'Greg Abbott'],
    ['Former Microsoft President Brad Smith said', 'Brad Smith'],
  ])('when the title is only a rank, a portfolio, a place or a former post ("%s"), then no affiliation is invented', (cue, name) => {
    expect(affiliationOf(name, `“We will build it by 2030,” ${cue}.`)).toBeNull();
  });
});

describe('Given a speaker introduced as "<body> <title> <Name>" and later quoted by surname', () => {
  it('when the body is named earlier in the sentence, then the person is affiliated to it', () => {
    expect(
      affiliationOf(
        'Tim Lee',
        'The vote marks a victory for the Texas Retired Teachers Association (TRTA), and association executive director Tim Lee told reporters it was a win.',
        '“This is one of those feel good moments,” Lee said.',
      ),
    ).toBe('Texas Retired Teachers Association');
  });

  it('when no body of that kind is named, then no affiliation is invented', () => {
    expect(affiliationOf('Tim Lee', 'The association executive director Tim Lee spoke first.', '“This is a good day,” Lee said.')).toBeNull();
  });
});
