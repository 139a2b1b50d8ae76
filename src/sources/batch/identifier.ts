/**
 * One identifier as a person typed it into a batch file: a DOI in any common
 * spelling (bare, `doi:`, doi.org URL) or a PMID (`123`, `PMID: 123`, a
 * PubMed link). Anything else gets a problem that says what was expected.
 */
import { normalizeDoi } from '../doi.ts';

export type BatchKind = 'doi' | 'pmid';
export type Classified = { kind: BatchKind; value: string } | { problem: string };

const PMID = /^(?:PMID\s*:?\s*)?0*([1-9]\d{0,8})$/i;
const PUBMED_URL =
  /^https?:\/\/(?:pubmed\.ncbi\.nlm\.nih\.gov\/|(?:www\.)?ncbi\.nlm\.nih\.gov\/pubmed\/)0*([1-9]\d{0,8})\/?(?:[?#].*)?$/i;

/** A PMID from `123`, `PMID: 123` or a PubMed link; null otherwise. */
export function pmidOf(text: string): string | null {
  const trimmed = text.trim();
  return PMID.exec(trimmed)?.[1] ?? PUBMED_URL.exec(trimmed)?.[1] ?? null;
}

/** Classify one cell or line. */
export function classifyIdentifier(text: string): Classified {
  const trimmed = text.trim();
  if (!trimmed) return { problem: 'empty: expected a DOI (10.xxxx/...) or a PMID (digits)' };
  const pmid = pmidOf(trimmed);
  if (pmid) return { kind: 'pmid', value: pmid };
  const doi = normalizeDoi(trimmed);
  if (doi) return { kind: 'doi', value: doi };
  if (/^PMC\d+$/i.test(trimmed)) return { problem: 'PMCIDs are not supported: give the DOI or the PMID' };
  return { problem: 'not a DOI (10.xxxx/...) or a PMID (digits)' };
}
