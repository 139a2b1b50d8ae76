/**
 * PubMed ids: the one form LaySum stores and compares, from the spellings
 * people paste and feeds and reference managers write: `30158200`,
 * `PMID: 30158200`, `pmid:030158200`, `info:pmid/30158200`, `pubmed:30158200`
 * and PubMed links. The stored shape itself is PMID_PATTERN (src/domain).
 */
import { PMID_PATTERN } from '../domain/ids.ts';
import { InputError } from '../errors/input-error.ts';

/** Digits, leading zeros allowed. */
const BARE = /^0*(\d{1,9})$/;
/** A PMID with its label: `PMID: 1`, `PMID 1`, `pmid:1`, `pubmed:1`, `info:pmid/1`. */
const LABELLED = /^(?:(?:pmid|pubmed)\s*:?|info:pmid\/)\s*0*(\d{1,9})$/i;
const PUBMED_LINK =
  /^https?:\/\/(?:pubmed\.ncbi\.nlm\.nih\.gov\/|(?:www\.)?ncbi\.nlm\.nih\.gov\/pubmed\/)0*(\d{1,9})(?:[/?#]|$)/i;
/** `PMID: 123` inside running text (a note, a citation line). */
const LABELLED_IN_TEXT = /\bPMID\s*:?\s*0*(\d{1,9})\b/i;

/** Whether a string is a PMID in the stored form. */
export const isPmid = (text: string): boolean => PMID_PATTERN.test(text);

const stored = (digits: string | undefined): string | null => (digits && isPmid(digits) ? digits : null);

/** A PMID from a PubMed link (pubmed.ncbi.nlm.nih.gov/123/, ncbi.nlm.nih.gov/pubmed/123); null otherwise. */
export function pmidFromPubmedUrl(link: string): string | null {
  return stored(PUBMED_LINK.exec(link.trim())?.[1]);
}

/**
 * A PMID from an identifier that says it is one (`pmid:123`, `info:pmid/123`,
 * `pubmed:123`): a bare number in a feed's dc:identifier may be anything.
 */
export function pmidFromIdentifier(value: string): string | null {
  return stored(LABELLED.exec(value.trim())?.[1]);
}

/** `123`, `PMID: 0123`, `info:pmid/123`, `pubmed:123` or a PubMed link -> `123`; null if not a PMID. */
export function normalizePmid(input: string): string | null {
  const text = input.trim();
  return stored(BARE.exec(text)?.[1]) ?? pmidFromIdentifier(text) ?? pmidFromPubmedUrl(text);
}

/** normalizePmid for input that must be a PMID: InputError (saying what one looks like) otherwise. */
export function requirePmid(input: string): string {
  const pmid = normalizePmid(input);
  if (!pmid) {
    throw new InputError(`"${input}" is not a PMID.`, {
      hint: 'A PMID is a number of up to 9 digits, e.g. 30158200 (a PubMed link or "PMID:" prefix works too).',
    });
  }
  return pmid;
}

/** The PMID labelled `PMID: ...` somewhere in a text; null when there is none. */
export function findPmidInText(text: string): string | null {
  return stored(LABELLED_IN_TEXT.exec(text)?.[1]);
}

/** The PubMed page of a PMID. */
export const pubmedUrl = (pmid: string): string => `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
