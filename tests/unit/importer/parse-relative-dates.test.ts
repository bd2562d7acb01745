/**
 * Relative publication dates (issue 12): "Tuesday", "yesterday", "3 hours ago",
 * "last week" are read with chrono-node against the time the page was
 * retrieved (--retrieved-at). Without it they stay text only. A day without a
 * clock time resolves to that day; a week or a month is too vague for a
 * publication time and is left to the editor, with the span named in the flag.
 */
import { parseStory } from '../../../src/importer/parse';
import { isDateLine, parseDateLine, resolvePublishedDate } from '../../../src/importer/parse/dates';

// Wednesday 8 January 2025, 15:00 UTC
const WEDNESDAY = '2025-01-08T15:00:00Z';

describe('Given a printed relative date and the retrieval time', () => {
  it.each([
    ['yesterday', WEDNESDAY, '2025-01-07T00:00:00.000Z', 'day'],
    ['Yesterday', '2025-01-08T15:00:00+08:00', '2025-01-07T00:00:00.000+08:00', 'day'],
    ['Tuesday', WEDNESDAY, '2025-01-07T00:00:00.000Z', 'day'],
    ['Monday at 9:15', WEDNESDAY, '2025-01-06T09:15:00.000Z', 'time'],
    ['3 hours ago', WEDNESDAY, '2025-01-08T12:00:00.000Z', 'time'],
    ['2 days ago', WEDNESDAY, '2025-01-06T00:00:00.000Z', 'day'],
    ['yesterday at 10:29', WEDNESDAY, '2025-01-07T10:29:00.000Z', 'time'],
    ['yesterday at 10:29', '2025-01-01T00:10:00-05:00', '2024-12-31T10:29:00.000-05:00', 'time'],
  ])('when "%s" is read with retrievedAt %s, then it is %s (%s precision)', (printed, retrievedAt, iso, precision) => {
    expect(resolvePublishedDate(printed, retrievedAt)).toEqual({ relative: true, iso, precision });
  });

  it.each([
    ['last week', '2025-01-01'],
    ['last month', '2024-12-08'],
  ])('when "%s" is read, then it is relative but too vague for a time: no ISO value, the span is named', (printed, around) => {
    expect(resolvePublishedDate(printed, WEDNESDAY)).toEqual({ relative: true, iso: null, precision: 'period', around });
  });

  it.each(['yesterday', 'Tuesday', '3 hours ago', 'last week'])('when "%s" is read without a retrieval time, then it stays text only', (printed) => {
    expect(resolvePublishedDate(printed)).toMatchObject({ relative: true, iso: null });
  });

  it('when an absolute date is printed, then it does not depend on the retrieval time', () => {
    expect(resolvePublishedDate('12 June 2025 at 10:29', WEDNESDAY)).toEqual({ relative: false, iso: '2025-06-12T10:29:00.000Z' });
  });
});

describe('Given the header date line of a scraped page', () => {
  it.each([
    ['Published Tuesday', 'Tuesday'],
    ['Updated 3 hours ago', '3 hours ago'],
    ['3 hours ago', '3 hours ago'],
    ['Yesterday at 10:29', 'Yesterday at 10:29'],
  ])('when the line is "%s", then it is a date line printing "%s"', (line, printed) => {
    expect(isDateLine(line)).toBe(true);
    expect(parseDateLine(line)).toBe(printed);
  });

  it.each(['Tuesday was a good day for the markets.', 'Last week in Westminster', 'Monday Night Football'])(
    'when the line is "%s", then it is not a date line',
    (line) => {
      expect(isDateLine(line)).toBe(false);
    },
  );

  const page = (dateLine: string) =>
    ['Ministers face questions over new fines', 'By Jane Roe', dateLine, 'The minister said the new rules would come into force on Monday.'].join('\n\n');

  it('when the page says "Published Tuesday" and was retrieved on Wednesday, then datePublished is Tuesday, flagged as resolved', () => {
    const bundle = parseStory(page('Published Tuesday'), { retrievedAt: WEDNESDAY });
    expect(bundle.article.publishedAtText).toBe('Tuesday');
    expect(bundle.article.datePublished).toBe('2025-01-07T00:00:00.000Z');
    expect(bundle.reviewFlags.find((f) => f.code === 'relative_date')?.message).toMatch(/resolved to 2025-01-07.*no clock time/);
  });

  it('when the page says "Updated last week", then the date stays text, and the flag names the week', () => {
    const bundle = parseStory(page('Updated last week'), { retrievedAt: WEDNESDAY });
    expect(bundle.article.publishedAtText).toBe('last week');
    expect(bundle.article.datePublished).toBeNull();
    expect(bundle.reviewFlags.find((f) => f.code === 'relative_date')?.message).toMatch(/around 2025-01-01/);
  });

  it('when no retrieval time is given, then the relative date is kept as text and the editor is asked for the scrape time', () => {
    const bundle = parseStory(page('Published yesterday'));
    expect(bundle.article.publishedAtText).toBe('yesterday');
    expect(bundle.article.datePublished).toBeNull();
    expect(bundle.reviewFlags.find((f) => f.code === 'relative_date')?.message).toMatch(/no retrievedAt was given/);
  });
});
