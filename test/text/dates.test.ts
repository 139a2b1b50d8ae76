/** Partial dates (src/text/dates.ts): one set of rules for PubMed, Crossref, Europe PMC and feeds. */
import { describe, expect, it } from 'vitest';
import { resultToRecord } from '../../src/sources/europepmc/result.ts';
import {
  monthNumber,
  mostPreciseDate,
  partialDate,
  partialDateFromText,
  partialDateParts,
} from '../../src/text/dates.ts';

describe('partialDate', () => {
  it('as precise as the parts, and only real calendar dates', () => {
    expect(partialDate(2018)).toBe('2018');
    expect(partialDate('2018', '8')).toBe('2018-08');
    expect(partialDate('2018', 'Aug', '09')).toBe('2018-08-09');
    expect(partialDate(2020, 2, 29)).toBe('2020-02-29');
    expect(partialDate(2021, 2, 29)).toBeNull();
    expect(partialDate(2021, 4, 31)).toBeNull();
    expect(partialDate(2021, 13)).toBeNull();
    expect(partialDate(2021, null, 5)).toBeNull(); // a day without its month means nothing
    expect(partialDate(999)).toBeNull();
    expect(partialDate(3000)).toBeNull();
    expect(partialDate('20x1')).toBeNull();
    expect(partialDate(undefined)).toBeNull();
  });

  it('months: numbers, or three or more letters of an English name', () => {
    expect(['Jan', 'june', 'Sept', 'Sept.', 'December', '06', 6].map(monthNumber)).toEqual([
      1, 6, 9, 9, 12, 6, 6,
    ]);
    expect(['Ju', 'Juni', 'Mayo', 'Marathon', '0', '13', ''].map(monthNumber)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('mostPreciseDate keeps what is valid: a bad day leaves the month, a bad month the year', () => {
    expect(mostPreciseDate(2020, 2, 30)).toBe('2020-02'); // Crossref/PubMed used to store 2020-02-30
    expect(mostPreciseDate('1997', 'Spring', '1')).toBe('1997');
    expect(mostPreciseDate(2015, null, 19)).toBe('2015');
    expect(mostPreciseDate('', 'Jun')).toBeNull();
  });

  it('partialDateParts reads back exactly what partialDate writes', () => {
    expect(partialDateParts('2018-08')).toEqual({ year: 2018, month: 8, day: null });
    expect(partialDateParts('2018-08-29T10:00:00Z')).toBeNull();
  });
});

describe('partialDateFromText', () => {
  it('ISO, RFC 822 and CMS dates; impossible ones are null, not guessed', () => {
    expect(partialDateFromText('13 Sept. 2021')).toBe('2021-09-13');
    expect(partialDateFromText('2021-02-29')).toBeNull();
    expect(partialDateFromText('31 Feb 2021')).toBeNull();
    expect(partialDateFromText('Mayo 2021')).toBeNull();
    expect(partialDateFromText(null)).toBeNull();
  });

  it('Europe PMC: an impossible firstPublicationDate falls back to pubYear', () => {
    const record = (firstPublicationDate: string) =>
      resultToRecord({ title: 'T', firstPublicationDate, pubYear: '2019' }, '10.1/x').publishedAt;
    expect(record('2019-06-05')).toBe('2019-06-05');
    expect(record('2019-02-30')).toBe('2019');
  });
});
