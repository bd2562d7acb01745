import { isEndBeforeStart, isPartialDateFormat, isRealPartialDate, isWhollyBefore, partialDateRange } from '../../../src/domain/partial-date';

describe('Given a partial ISO date', () => {
  it.each(['2021', '2021-02', '2021-02-28', '0001', '9999-12-31'])('when %s is checked, then its format is accepted', (value) => {
    expect(isPartialDateFormat(value)).toBe(true);
  });

  it.each(['21', '2021-2', '2021-02-3', '2021/02/03', '2021-02-03T00:00', ' 2021', '2021-', 'abcd', '', '20210', '2021-02-28Z'])(
    'when %p is checked, then its format is refused',
    (value) => {
      expect(isPartialDateFormat(value)).toBe(false);
      expect(isRealPartialDate(value)).toBe(false);
    },
  );

  it.each(['2021-02-30', '2021-02-29', '2023-13', '2023-00', '2023-01-00', '2023-04-31', '2023-01-32', '1900-02-29', '2100-02-29', '0100-02-29'])(
    'when the impossible date %s is checked, then it is not a real date',
    (value) => {
      expect(isPartialDateFormat(value)).toBe(true);
      expect(isRealPartialDate(value)).toBe(false);
    },
  );

  it.each(['2020-02-29', '2000-02-29', '2024-02-29', '0004-02-29', '0000-02-29', '0400-02-29', '2023-12-31', '2023-04-30'])(
    'when the leap-year or month-end date %s is checked, then it is a real date',
    (value) => {
      expect(isRealPartialDate(value)).toBe(true);
    },
  );

  it('when its range is computed, then a year covers the whole year and a month its real last day', () => {
    expect(partialDateRange('2021')).toEqual({ earliest: '2021-01-01', latest: '2021-12-31' });
    expect(partialDateRange('2024-02')).toEqual({ earliest: '2024-02-01', latest: '2024-02-29' });
    expect(partialDateRange('2023-02')).toEqual({ earliest: '2023-02-01', latest: '2023-02-28' });
    expect(partialDateRange('2023-11-05')).toEqual({ earliest: '2023-11-05', latest: '2023-11-05' });
    expect(partialDateRange('2023-13')).toBeNull();
  });
});

describe('Given a start and an end date of mixed precision', () => {
  it.each([
    ['2021-05-10', '2021-05-09'],
    ['2021', '2020-12-31'],
    ['2021-06', '2021-05'],
    ['2021-06-01', '2021-05'],
    ['2021', '2020'],
    ['2021-01', '2020'],
  ])('when the period is %s to %s, then the end is before the start', (start, end) => {
    expect(isEndBeforeStart(start, end)).toBe(true);
  });

  it.each([
    ['2021-05-10', '2021-05-10'],
    ['2021-05-10', '2021-05'],
    ['2021-05', '2021-05-01'],
    ['2021', '2021-01-01'],
    ['2021-12-31', '2021'],
    ['2020', '2021'],
  ])('when the period is %s to %s, then the end is not before the start (they can overlap)', (start, end) => {
    expect(isEndBeforeStart(start, end)).toBe(false);
  });

  it('when either date is not real, then the ordering rule does not fire (the calendar rule does)', () => {
    expect(isEndBeforeStart('2021-02-30', '2020')).toBe(false);
    expect(isEndBeforeStart('2021', 'yesterday')).toBe(false);
  });
});

describe('Given today and a partial date', () => {
  it.each([
    ['2023', '2024-01-01', true],
    ['2023-12', '2024-01-01', true],
    ['2023-12-31', '2024-01-01', true],
    ['2024', '2024-06-15', false],
    ['2024-06', '2024-06-15', false],
    ['2024-06-15', '2024-06-15', false],
    ['2030', '2024-06-15', false],
    ['2023-02-30', '2024-06-15', false],
  ])('when %s is compared with %s, then wholly-before is %s', (value, today, expected) => {
    expect(isWhollyBefore(value, today)).toBe(expected);
  });
});
