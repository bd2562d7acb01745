import { readFileSync } from 'fs';
import path from 'path';
import { parseStory } from '../../../src/importer/parse';
import type { Quote } from '../../../src/importer/types';

const STORY_FILE = 'database/seed/stories/china-surveillance-export.txt';
const raw = readFileSync(path.join(__dirname, '../../..', STORY_FILE), 'utf8');

/** Builder: a minimal story whose body is the given paragraphs. */
const story = (...paragraphs: string[]): string =>
  ['Test headline for quotes', 'Jane Roe – Agence France-Presse in Paris', ...paragraphs].join('\n\n');

const ASPI = 'australian-strategic-policy-institute';
const SAPS = 'south-african-police-service';
const ECUADOR = 'ecuadorian-national-police';
const UT = 'university-of-texas';
const USG = 'united-states-government';
const SDIC = 'sdic-intelligence-xiamen-information';

type Row = [number, Quote['quoteType'], string | undefined, string | undefined, string | undefined, string | undefined];

// position, type, speaker, speakerOrganization, speakerDescription, cue
const EXPECTED: Row[] = [
  [1, 'indirect', 'wang-xiaohong', 'ministry-of-public-security-cn', undefined, 'stressed'],
  [2, 'partial', 'bethany-allen', ASPI, undefined, 'says'],
  [3, 'direct', 'bethany-allen', ASPI, undefined, 'adds'],
  [4, 'direct', 'bethany-allen', ASPI, undefined, undefined],
  [5, 'partial', undefined, 'caltta-technologies', undefined, undefined],
  [6, 'partial', undefined, 'huawei', undefined, 'says'],
  [7, 'partial', undefined, USG, undefined, undefined],
  [8, 'partial', undefined, 'us-department-of-the-treasury', undefined, 'said'],
  [9, 'partial', undefined, SDIC, "a representative at the company's booth", 'boasts'],
  [10, 'partial', undefined, USG, undefined, 'considering'],
  [11, 'direct', 'sydney-gabela', SAPS, undefined, 'says'],
  [12, 'partial', 'sydney-gabela', SAPS, undefined, 'says'],
  [13, 'direct', 'galo-erazo', ECUADOR, undefined, 'says'],
  [14, 'direct', 'galo-erazo', ECUADOR, undefined, undefined],
  [15, 'indirect', 'sheena-greitens', UT, undefined, 'underlines'],
  [16, 'direct', 'sheena-greitens', UT, undefined, 'observes'],
  [17, 'partial', 'sheena-greitens', UT, undefined, undefined],
  [18, 'direct', 'sheena-greitens', UT, undefined, undefined],
];

describe('Given the scraped China surveillance story', () => {
  describe('When quotes are extracted', () => {
    const { quotes, reviewFlags } = parseStory(raw, { sourceFile: STORY_FILE });

    it('Then there are 18 quoted passages, numbered 1… in order with stable keys', () => {
      expect(quotes).toHaveLength(18);
      expect(quotes.map((q) => q.position)).toEqual(EXPECTED.map((row) => row[0]));
      expect(quotes[0].key).toBe('quote-01');
      expect(quotes[17].key).toBe('quote-18');
    });

    it.each(EXPECTED)(
      'Then quote %i is %s, spoken by %s / %s / %s with cue %s',
      (position, quoteType, speaker, speakerOrganization, speakerDescription, cue) => {
        const quote = quotes[position - 1];
        expect({
          quoteType: quote.quoteType,
          speaker: quote.speaker,
          speakerOrganization: quote.speakerOrganization,
          speakerDescription: quote.speakerDescription,
          cue: quote.cue,
        }).toEqual({ quoteType, speaker, speakerOrganization, speakerDescription, cue });
      },
    );

    it('Then quote texts are the quoted words, without trailing commas', () => {
      expect(quotes.map((q) => q.text)).toEqual(
        expect.arrayContaining([
          'over the past year, the Chinese police have trained 2,700 officers from the stranger',
          'clearly a sign that China wants to export',
          'Beijing is hoping to normalise and legitimise its style of policing and […] the authoritarian political system in which it operates',
          'the more countries that can learn from the Chinese model, the fewer countries will be willing to criticise such a state-first, state-centric approach.',
          'complicit of human rights violations and abuses.',
          'We can learn from China',
          'A way for Beijing to extend its aura in the world',
        ]),
      );
    });

    it('Then fragments split by a few narrator words are one quote, with the narrator words in brackets', () => {
      expect(quotes[4].text).toBe('incident response platform, [using] big data [to] rapidly locate a target.');
      expect(quotes[7].text).toBe('are required to download a desktop version of [the app] to allow authorities to monitor illegal activity.');
      expect(quotes[8].text).toBe('If you have a fugitive, [the restoration software] even shows if there’s a gap between their teeth');
    });

    it('Then the speakers carry their title at the time', () => {
      expect(quotes[0].speakerTitleAtTime).toBe('Public Security Minister');
      expect(quotes[1].speakerTitleAtTime).toBe('expert');
      expect(quotes[10].speakerTitleAtTime).toBe('major general');
      expect(quotes[12].speakerTitleAtTime).toBe('Colonel');
    });

    it('Then every quote keeps its sentence as context', () => {
      for (const quote of quotes) expect(quote.context).toBeTruthy();
      expect(quotes[13].context).toBe('So “either Chinese police officers will go to Ecuador or Ecuadorian police officers will come to China.”');
    });

    it('Then the dangling “repression”. fragment is not a quote', () => {
      expect(quotes.some((q) => q.text.includes('repression'))).toBe(false);
    });

    it('Then attributions that are not explicit (pronoun, continuation, context) are flagged', () => {
      const flagged = reviewFlags.filter((f) => f.code === 'inferred_attribution').map((f) => f.path);
      expect(flagged).toEqual(['quotes[2]', 'quotes[3]', 'quotes[4]', 'quotes[6]', 'quotes[8]', 'quotes[9]', 'quotes[13]', 'quotes[15]', 'quotes[16]', 'quotes[17]']);
    });
  });
});

describe('Given quotes written in other ways', () => {
  describe('When a pronoun follows two named speakers', () => {
    it('Then it resolves to the last one named', () => {
      const { quotes } = parseStory(
        story(
          '“Prices will rise,” says Ann Smith, an economist at the University of Texas.',
          '“They will not,” says John Doe, an expert at the Australian Strategic Policy Institute.',
          '“Not this year,” he adds.',
        ),
      );
      expect(quotes.map((q) => q.speaker)).toEqual(['ann-smith', 'john-doe', 'john-doe']);
      expect(quotes[2]).toMatchObject({ quoteType: 'direct', cue: 'adds', speakerOrganization: 'australian-strategic-policy-institute' });
    });
  });

  describe('When a quote uses straight double quotes and a past-tense cue', () => {
    it('Then it is still found', () => {
      const { quotes } = parseStory(story('"We will act," said Ann Smith, an economist at the University of Texas.'));
      expect(quotes).toEqual([expect.objectContaining({ text: 'We will act', quoteType: 'direct', speaker: 'ann-smith', cue: 'said' })]);
    });
  });

  describe('When a quote has no speaker anywhere', () => {
    it('Then it is stored without a speaker (never guessed), and an editor is told why', () => {
      const { quotes, reviewFlags } = parseStory(story('Everyone in the hall agreed that this was “a turning point” for the region.'));
      expect(quotes).toEqual([expect.objectContaining({ text: 'a turning point', speakerDescription: 'unidentified speaker' })]);
      expect(quotes[0].speaker).toBeUndefined();
      expect(quotes[0].speakerOrganization).toBeUndefined();
      expect(reviewFlags).toEqual(
        expect.arrayContaining([expect.objectContaining({ code: 'unattributed_quote', path: 'quotes[0]', message: expect.stringMatching(/no speaker in the sentence/) })]),
      );
    });
  });

  describe('When the affiliation is not in the lexicon', () => {
    it('Then the organisation is created from the text and flagged unknown_entity', () => {
      const bundle = parseStory(story('“Prices will rise,” says Ann Smith, an economist at the Kiel Institute for the World Economy.'));
      expect(bundle.people.find((p) => p.key === 'ann-smith')).toMatchObject({ jobTitle: 'economist', affiliation: 'kiel-institute-for-the-world-economy', expertType: 'other' });
      expect(bundle.organizations.find((o) => o.key === 'kiel-institute-for-the-world-economy')).toMatchObject({ name: 'Kiel Institute for the World Economy', orgType: 'other' });
      expect(bundle.reviewFlags.some((f) => f.code === 'unknown_entity' && f.excerpt === 'Kiel Institute for the World Economy')).toBe(true);
    });
  });
});
