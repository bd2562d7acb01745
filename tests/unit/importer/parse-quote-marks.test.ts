/**
 * Quote typography (issue 12, failure mode 4): AP's ’’ closing mark, ‘‘ …’’
 * pairs, mixed straight and curly marks, „…“ and «…», and the multi-paragraph
 * convention (a paragraph of speech left open, the next one reopened) all give
 * the quoted words, with the speaker the sentence names.
 */
import fs from 'fs';
import path from 'path';
import { parseHtmlStory } from '../../../src/importer/html/parse-html';
import { parseStory } from '../../../src/importer/parse';
import { findQuoteSpans, splitSentences } from '../../../src/importer/parse/text';

const story = (...paragraphs: string[]): string => ['Test headline for quote marks', 'Jane Roe – Agence France-Presse in Paris', ...paragraphs].join('\n\n');
const inner = (sentence: string) => findQuoteSpans(sentence).map((span) => span.inner);

describe('Given quoted passages in other typography', () => {
  it.each([
    ['AP closing ’’ after a curly opening', '“We will rebuild the bridge,’’ Smith said.', ['We will rebuild the bridge,']],
    ['AP ‘‘ … ’’ pair', '‘‘We will rebuild the bridge,’’ Smith said.', ['We will rebuild the bridge,']],
    ['straight opening, curly closing', '"We will rebuild the bridge,” Smith said.', ['We will rebuild the bridge,']],
    ['curly opening, straight closing', '“We will rebuild the bridge," Smith said.', ['We will rebuild the bridge,']],
    ['German low-high marks', '„We will rebuild the bridge“, Smith said.', ['We will rebuild the bridge']],
    ['guillemets', '«We will rebuild the bridge», Smith said.', ['We will rebuild the bridge']],
    ['a nested single-quoted title', '“They called it ‘the bridge to nowhere’ for years,’’ Smith said.', ['They called it ‘the bridge to nowhere’ for years,']],
  ])('when the mark is %s, then the span is the quoted words', (_label, sentence, expected) => {
    expect(inner(sentence)).toEqual(expected);
  });

  it('when two AP-style quotes share a sentence, then both are found and the positions are the marks', () => {
    const sentence = '“First,’’ she said, “we will rebuild the bridge.’’';
    const spans = findQuoteSpans(sentence);
    expect(spans.map((s) => s.inner)).toEqual(['First,', 'we will rebuild the bridge.']);
    expect(sentence.slice(spans[1].start, spans[1].end)).toBe('“we will rebuild the bridge.’’');
  });

  it('when an apostrophe ends a word inside the quote, then it does not close it', () => {
    expect(inner('“The workers’ union won’t back down,’’ Smith said.')).toEqual(['The workers’ union won’t back down,']);
  });

  it('when a sentence ends inside an AP-style quote, then the paragraph is not split inside it', () => {
    expect(splitSentences('“We are ready. We have been for years,’’ Smith said. The vote is on Monday.')).toEqual([
      '“We are ready. We have been for years,’’ Smith said.',
      'The vote is on Monday.',
    ]);
  });

  it('when a paragraph of speech is left open (the next paragraph reopens it), then the open quote runs to the paragraph end', () => {
    expect(inner('Ann Lee told reporters: “We moved fast. We may need to again.')).toEqual(['We moved fast. We may need to again.']);
  });
});

describe('Given a wire story in AP typography', () => {
  const { quotes } = parseStory(
    story(
      'Officials in the city said the bridge would reopen next year.',
      '“We will rebuild the bridge, and we will do it quickly,’’ Mayor Ann Smith said on Tuesday.',
      '‘‘It is the only road to the hospital,’’ said John Doe, a doctor at the University of Texas.',
    ),
  );

  it('when parsed, then each quote has the speaker its sentence names', () => {
    expect(quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['We will rebuild the bridge, and we will do it quickly', 'ann-smith'],
      ['It is the only road to the hospital', 'john-doe'],
    ]);
  });
});

describe('Given a speech quoted over two paragraphs, the first left open', () => {
  const { quotes } = parseStory(
    story(
      'Ministers were asked why the rules were published without notice.',
      'Former chief whip Mark Harper told him: “These were 12 pages of detailed laws, with criminal offences and duties.',
      '“That is why we need to scrutinise the detail of the legislation before it comes into force.”',
    ),
  );

  it('when parsed, then both paragraphs are quotes of the named speaker', () => {
    expect(quotes.map((q) => [q.text.slice(0, 30), q.speaker])).toEqual([
      ['These were 12 pages of detaile', 'mark-harper'],
      ['That is why we need to scrutin', 'mark-harper'],
    ]);
  });
});

describe('Given the Independent page (held out), whose speeches run over two paragraphs', () => {
  const bundle = parseHtmlStory(fs.readFileSync(path.join(__dirname, '../../fixtures/corpus/independent-penalty/source.html'), 'utf8'));
  const speakerOf = (start: string) => {
    const quote = bundle.quotes.find((q) => q.text.replace(/[[\]]/g, '').includes(start));
    return quote ? (bundle.people.find((p) => p.key === quote.speaker)?.name ?? null) : 'not found';
  };

  it('when parsed, then the open first paragraphs are quotes of the named speaker, never of someone else', () => {
    expect(speakerOf('12 pages of detailed laws')).toBe('Mark Harper');
    expect(speakerOf('Sometimes in this pandemic we have had')).toBe('Matt Hancock');
    expect(['Matt Hancock', null]).toContain(speakerOf('The challenge we have in this House'));
  });
});
