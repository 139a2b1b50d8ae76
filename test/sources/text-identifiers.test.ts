/**
 * A pasted paper that prints its own DOI or PMID on a line of its own (as a
 * copied citation does) keeps them, so its public page links the original;
 * those lines leave the abstract, and a DOI inside a sentence is left alone.
 */
import { expect, it } from 'vitest';
import { textRecord } from '../../src/sources/text.ts';

const ABSTRACT = `BACKGROUND: Hip fractures in older adults lead to loss of independence and high costs for families and health services.
METHODS: We followed 1200 adults aged 65 and over for five years and recorded every fall and fracture.
RESULTS: People in weekly balance classes had 30 percent fewer hip fractures than people who did not take part.`;

it('keeps a DOI and PMID printed on lines of their own, out of the abstract', () => {
  const record = textRecord({
    text: `Balance classes and hip fractures\n\n${ABSTRACT}\ndoi: 10.1136/bmj.k3225\nPMID: 30158200`,
    maxBytes: 200_000,
  });
  expect(record.ids).toEqual({ doi: '10.1136/bmj.k3225', pmid: '30158200' });
  expect(JSON.stringify(record.abstract)).not.toMatch(/10\.1136|30158200/);
});

it('leaves a DOI cited inside a sentence alone', () => {
  const record = textRecord({
    text: `Balance classes and hip fractures\n\n${ABSTRACT} An earlier trial (doi:10.1000/xyz123) found the same.`,
    maxBytes: 200_000,
  });
  expect(record.ids).toEqual({});
});
