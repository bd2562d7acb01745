/**
 * The attribution grammar of issue 12, one form per test, with sentences from
 * the corpus's tuned stories (tests/fixtures/corpus, set "tune"). Precision
 * first: where the speaker cannot be known the quote is kept unattributed and
 * the flag says why.
 */
import { parseStory } from '../../../src/importer/parse';
import { parseAuthorList } from '../../../src/importer/parse/byline';
import { parseWireDateline } from '../../../src/importer/parse/dateline';
import { matchBoilerplate } from '../../../src/importer/parse/boilerplate';
import type { StoryBundle } from '../../../src/importer/types';

const story = (...paragraphs: string[]): StoryBundle => parseStory(['A test headline', ...paragraphs].join('\n\n'));

/** Quote text (first words) → who the bundle says spoke it (person name, organisation name or description). */
const speakers = (bundle: StoryBundle): Record<string, string> =>
  Object.fromEntries(
    bundle.quotes.map((quote) => [
      quote.text.split(' ').slice(0, 4).join(' '),
      bundle.people.find((p) => p.key === quote.speaker)?.name ??
        bundle.organizations.find((o) => o.key === quote.speakerOrganization)?.name ??
        quote.speakerDescription ??
        '?',
    ]),
  );

describe('Given the attribution grammar', () => {
  it('when the cue verb is beyond says/said (quipped, declared, told reporters), then the named subject speaks (reuters-parasite, wapo-tunisia, wapo-israel)', () => {
    const bundle = story(
      'Brad Pitt picked up another trophy for his supporting role.',
      '“It was a difficult part,” quipped Pitt of his role.',
      '“Our nation is in danger,” Habib Essid declared in a televised address Wednesday evening.',
      '“The United States and this administration is deeply concerned about rhetoric,” White House press secretary Josh Earnest told reporters aboard Air Force One.',
    );
    expect(speakers(bundle)).toEqual({
      'It was a difficult': 'Brad Pitt',
      'Our nation is in': 'Habib Essid',
      'The United States and': 'Josh Earnest',
    });
  });

  it('when the subject is inverted with an appositive ("said Bill Powers, a San Diego engineer"), then the person and a current affiliation are read (nytimes-blackouts)', () => {
    const bundle = story(
      '“They set it up like this is a historic event,” said Bill Powers, a San Diego engineer who provides expert testimony on utility matters.',
      '“We understand rolling outages are not easy,” said Anne Gonzales, a spokeswoman for California ISO.',
      '“It’s just misleading,” said David Marcus, an energy consultant and former adviser at the California Energy Commission.',
    );
    expect(speakers(bundle)).toEqual({ 'They set it up': 'Bill Powers', 'We understand rolling outages': 'Anne Gonzales', 'It’s just misleading': 'David Marcus' });
    const person = (name: string) => bundle.people.find((p) => p.name === name);
    expect(bundle.organizations.find((o) => o.key === person('Anne Gonzales')?.affiliation)?.name).toBe('California ISO');
    // "former adviser at …" is a past post: a title, never a current affiliation
    expect(person('David Marcus')?.affiliation).toBeUndefined();
    expect(person('Bill Powers')?.affiliation).toBeUndefined();
  });

  it('when name + appositive + verb comes before the quote sentence, then a later surname-only cue resolves to that person (guardian-academics)', () => {
    const bundle = story(
      'Jo Grady, the UCU general secretary, said students would be shocked by the levels of dehumanisation of staff.',
      '“We need to have an honest conversation about casualisation,” Grady said.',
    );
    expect(speakers(bundle)).toEqual({ 'We need to have': 'Jo Grady' });
  });

  it('when the quote follows a colon or semicolon ("he added; “…”", "Ms Lee said: “…”"), then the subject before it speaks (reuters-parasite)', () => {
    const bundle = story(
      '“Parasite” director Bong Joon Ho said backstage that no-one could predict what might happen at the Oscars.',
      'Speaking through an interpreter he added; “It is true that the momentum is building.”',
      'Ann Lee said: “We will reopen the school on Monday.”',
    );
    expect(speakers(bundle)).toEqual({ 'It is true that': 'Bong Joon Ho', 'We will reopen the': 'Ann Lee' });
  });

  it('when a surname or title + surname is used ("Mr. Marcus said"), then it resolves only to the one person of that name named earlier (nytimes-blackouts)', () => {
    const bundle = story(
      'The first-stage alert began at 6 p.m., said David Marcus, an energy consultant.',
      '“I think they were being overly cautious,” Mr. Marcus said.',
      '“Tomorrow evening, the wolf arrives,” Jones said.',
    );
    expect(speakers(bundle)).toEqual({
      'The first-stage alert began': 'David Marcus', // reported speech, inverted subject
      'I think they were': 'David Marcus',
      'Tomorrow evening, the wolf': 'unidentified speaker',
    });
    expect(bundle.people.map((p) => p.name)).not.toContain('Mr. Marcus');
    expect(bundle.reviewFlags).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'unattributed_quote', message: expect.stringContaining('"Jones" is a surname the story has not given in full before') })]),
    );
  });

  it('when a pronoun follows another speaker who is not the last named person, then the quote stays unattributed with the reason (guardian-academics)', () => {
    const bundle = story(
      '“We need to have an honest conversation,” Jo Grady said.',
      'But a spokesperson for the Universities and Colleges Employers’ Association said its members had been reducing zero-hours contracts.',
      '“UCEA has over recent years worked with UCU,” he said.',
    );
    expect(speakers(bundle)['UCEA has over recent']).toBe('unidentified speaker');
    expect(bundle.reviewFlags.find((f) => f.code === 'unattributed_quote')?.message).toMatch(/pronoun "he" could mean Jo Grady or .*spokesperson/);
  });

  it('when a pronoun follows the one person just named, then it is that person, flagged as inferred (bbc-obama-guns)', () => {
    const bundle = story(
      'Mr Obama has pushed for stricter gun control throughout his presidency, said President Barack Obama’s aides.',
      '“If you look at the number of Americans killed since 9/11 by terrorism, it’s less than 100,” Barack Obama said.',
      '“For us not to be able to resolve that issue has been something that is distressing,” he added.',
    );
    expect(speakers(bundle)['For us not to']).toBe('Barack Obama');
    expect(bundle.reviewFlags).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'inferred_attribution', message: expect.stringContaining('Barack Obama (from the pronoun "he"') })]),
    );
  });

  it('when the subject is a body or a metonym ("the Palace said", "the Crown Prosecution Service said", "The airline said"), then no person is created', () => {
    const bundle = story(
      '“We will not comment on private matters,” the Palace said.',
      '“There is sufficient evidence to charge,” said the Crown Prosecution Service.',
      '“Flights will resume on Friday,” the airline said.',
    );
    expect(bundle.people).toEqual([]);
    expect(speakers(bundle)['Flights will resume on']).toBe('the airline');
    expect(speakers(bundle)['There is sufficient evidence']).toBe('Crown Prosecution Service');
  });

  it('when a title ends in "for …" ("Deputy Minister for Rural Affairs"), then its tail never becomes a person and titles stay out of names', () => {
    const bundle = story(
      '“The roads will be cleared by Monday,” said the Deputy Minister for Rural Affairs.',
      '“I didn’t believe that we’d get here,” said Supervisor Alfredo Pedroza of Napa County.',
    );
    expect(bundle.people.map((p) => p.name)).toEqual(['Alfredo Pedroza']);
    expect(speakers(bundle)['The roads will be']).toBe('unidentified speaker');
  });

  it('when quotation marks hold a title or a scare word ("Parasite", "Blue House", "criminals"), then they are not stored as quotes (reuters-parasite, telegraph-mugabe)', () => {
    const bundle = story(
      'South Korean thriller “Parasite” was the upset winner at the Screen Actors Guild awards on Sunday.',
      'They are under house arrest at Mugabe’s "Blue House" compound, where the generals targeted "criminals" in his entourage.',
    );
    expect(bundle.quotes).toEqual([]);
  });

  it('when unnamed members of the public speak ("said another person"), then the quote is described, never given to the last named speaker (abc7-napa)', () => {
    const bundle = story(
      '"We\'re not locked in to a specific number of cabins or slips," said Steve Lederer who is Napa County Public Works Director.',
      '"That just doesn\'t seem like nature based recreation to me," said one person during public comment.',
      '"The very idea of something called Margaritaville in Napa County is kind of cringey," said another person.',
    );
    expect(speakers(bundle)).toEqual({
      "We're not locked in": 'Steve Lederer',
      "That just doesn't seem": 'one person during public comment',
      'The very idea of': 'another person',
    });
  });
});

describe('Given wire headers', () => {
  it.each([
    ['LOS ANGELES (Reuters) - South Korean thriller', { place: 'LOS ANGELES', agency: 'Reuters' }],
    ['MOSCOW (AP) — An unmanned Russian cargo spaceship', { place: 'MOSCOW', agency: 'AP' }],
    ['NAPA COUNTY, Calif. (KGO) -- A plan to bring', { place: 'NAPA COUNTY, Calif.', agency: 'KGO' }],
    ['CAIRO — Gunmen opened fire on visitors', { place: 'CAIRO', agency: undefined }],
    ['KYIV, Ukraine/MOSCOW (Reuters) - Talks resumed', { place: 'KYIV, Ukraine/MOSCOW', agency: 'Reuters' }],
  ])('when the first paragraph is "%s", then the dateline is read', (paragraph, expected) => {
    expect(parseWireDateline(paragraph)).toMatchObject(expected);
  });

  it('when a sentence merely starts with a capitalised word and a dash, then it is not a dateline', () => {
    expect(parseWireDateline('Washington — and its allies — disagreed.')).toBeNull();
  });

  it('when bylines list several names or an agency, then people and organisations are told apart and capitals normalised', () => {
    expect(parseAuthorList(['By A. SMITH and B. JONES'])).toEqual({ people: ['A. Smith', 'B. Jones'], organizations: [] });
    expect(parseAuthorList(['Rob Picheta, CNN'])).toEqual({ people: ['Rob Picheta'], organizations: ['CNN'] });
    expect(parseAuthorList(['BBC News'])).toEqual({ people: [], organizations: ['BBC News'] });
    expect(parseAuthorList(['Mike Blake/Reuters files'])).toEqual({ people: [], organizations: [] });
  });
});

describe('Given site furniture in the story text', () => {
  it.each([
    ['4 Min Read', 'reading_time'],
    ['Related Coverage', 'related_label'],
    ['Related: Chicago is America’s most segregated city', 'related_link'],
    ['[Read: Why Tunisia, Arab Spring’s sole success story, suffers from Islamist violence]', 'related_link'],
    ['MORE: Black-led group strikes deal to revitalize Oakland Coliseum site', 'related_link'],
    ['Media playback is unsupported on your device', 'media_placeholder'],
    ['Powered by SmartAsset.com', 'sponsor'],
    ['© Thomson Reuters 2020', 'copyright'],
    ['Continue reading the main story', 'continue_reading'],
    ['for-phone-onlyfor-tablet-portrait-upfor-tablet-landscape-upfor-desktop-up', 'css_junk'],
    ['Gunmen in military uniforms stormed Tunisia’s national museum, killing at least 19 people. (Reuters)', 'photo_credit'],
  ])('when a block reads "%s", then it is furniture (%s)', (block, kind) => {
    expect(matchBoilerplate(block)?.kind).toBe(kind);
  });

  it('when a block is a story sentence, then it is kept', () => {
    expect(matchBoilerplate('The report assessed poverty levels, income and wealth inequality among 10 wealthy countries.')).toBeNull();
    expect(matchBoilerplate('Related matters were discussed at length by the committee on Tuesday.')).toBeNull();
  });
});
