/**
 * DOI normalization: the one form LaySum stores and compares. DOIs are case
 * insensitive, and resolver prefixes (`https://doi.org/`, `doi:`), URL
 * encoding and the punctuation around a DOI in running text are not part of
 * them, so `https://doi.org/10.1038/SREP16696.` and `doi:10.1038/srep16696`
 * are the same paper.
 */
import { DOI_PATTERN } from '../domain/ids.ts';
import { InputError } from '../errors/input-error.ts';

/** Resolver and label prefixes people paste in front of a DOI. */
const PREFIXES = [
  /^(?:https?:\/\/)?(?:www\.|dx\.)?doi\.org\//i,
  /^info:doi\//i,
  /^doi\s*[:.]?\s*/i, // `doi:10...`, `DOI: 10...`, `DOI 10...`
];

/** Characters that wrap a DOI in prose, lists and citations, never start one. */
const LEADING = /^[\s"'`<([{«“‘]+/;
/** Characters that end a sentence or close a wrapper after a DOI. */
const TRAILING = /[\s.,;:!?"'`>»”’]+$/;

/**
 * In running text a DOI ends at white space, a quote or an angle bracket
 * (SICI-style DOIs with `<...>` are only accepted by normalizeDoi, where the
 * whole input is the DOI).
 */
export const DOI_IN_TEXT = /10\.\d{4,9}(?:\.\d+)*\/[^\s"'<>“”‘’]+/;

/** `10.1038/srep16696`, `doi:10...`, `https://doi.org/10...` -> `10.1038/srep16696`; null if not a DOI. */
export function normalizeDoi(input: string): string | null {
  let text = decodePercent(input.trim()).replace(LEADING, '');
  for (const prefix of PREFIXES) text = text.replace(prefix, '');
  text = trimTrailing(text);
  return DOI_PATTERN.test(text) ? text.toLowerCase() : null;
}

/** normalizeDoi for input that must be a DOI: InputError (saying what one looks like) otherwise. */
export function requireDoi(input: string): string {
  const doi = normalizeDoi(input);
  if (!doi) {
    throw new InputError(`"${input.trim()}" is not a DOI.`, {
      hint: 'A DOI looks like 10.1038/srep16696 (a https://doi.org/ link or "doi:" prefix works too).',
    });
  }
  return doi;
}

/**
 * The first DOI printed in a text (a PDF's first page, a citation line),
 * normalized; null when there is none. Trailing sentence punctuation and
 * unbalanced closing brackets are not part of the DOI.
 */
export function findDoiInText(text: string): string | null {
  const match = DOI_IN_TEXT.exec(decodePercent(text));
  return match ? normalizeDoi(match[0]) : null;
}

/** https://doi.org/<doi>, each path segment encoded (DOIs may hold '<', '#', spaces...). */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * `https://doi.org/10.1038%2Fsrep16696` is a common copy-paste. Bad escapes
 * (a literal `%` that is not one) leave the text as written.
 */
function decodePercent(text: string): string {
  if (!/%[0-9a-f]{2}/i.test(text)) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const count = (text: string, chars: RegExp): number => text.match(chars)?.length ?? 0;

/**
 * Strip punctuation that ends the sentence around a DOI. Brackets are part of
 * many DOIs (`10.1016/s0140-6736(24)02600-x`), so a closing one is only
 * dropped when the DOI did not open it: `(doi:10.1/x(1)2)` keeps `x(1)2`.
 */
function trimTrailing(doi: string): string {
  let out = doi.replace(TRAILING, '');
  while (/[)\]}]$/.test(out) && count(out, /[([{]/g) < count(out, /[)\]}]/g)) {
    out = out.slice(0, -1).replace(TRAILING, '');
  }
  return out;
}
