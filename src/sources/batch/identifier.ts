/**
 * One identifier as a person typed it into a batch file: a DOI in any common
 * spelling (bare, `doi:`, doi.org URL) or a PMID (`123`, `PMID: 123`, a
 * PubMed link). Anything else gets a problem that says what was expected.
 */
import { normalizeDoi } from '../doi.ts';
import { normalizePmid } from '../pmid.ts';

export type BatchKind = 'doi' | 'pmid';
export type Classified = { kind: BatchKind; value: string } | { problem: string };

/** Classify one cell or line. */
export function classifyIdentifier(text: string): Classified {
  const trimmed = text.trim();
  if (!trimmed) return { problem: 'empty: expected a DOI (10.xxxx/...) or a PMID (digits)' };
  const pmid = normalizePmid(trimmed);
  if (pmid) return { kind: 'pmid', value: pmid };
  const doi = normalizeDoi(trimmed);
  if (doi) return { kind: 'doi', value: doi };
  if (/^PMC\d+$/i.test(trimmed)) return { problem: 'PMCIDs are not supported: give the DOI or the PMID' };
  return { problem: 'not a DOI (10.xxxx/...) or a PMID (digits)' };
}
