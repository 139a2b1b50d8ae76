/**
 * Where a feed item's DOI and PMID hide: `prism:doi`, `dc:identifier`
 * (`doi:10...`, `info:doi/10...`, `pmid:123`), PubMed guids (`pubmed:123`),
 * and links (doi.org, publisher paths like `/content/journal/ijsem/10.1099/...`,
 * pubmed.ncbi.nlm.nih.gov/123/). Summaries are never searched: they cite
 * other works' DOIs (IJSEM links every species name to a 10.1601 DOI).
 */
import { DOI_IN_TEXT, normalizeDoi } from '../doi.ts';

/** A DOI from an identifier string (`doi:...`, `info:doi/...`, a bare DOI, a doi.org URL). */
export function doiFromIdentifier(value: string): string | null {
  const text = value.trim().replace(/^info:doi\//i, '');
  if (/^https?:\/\//i.test(text)) return doiFromUrl(text);
  if (!/^(?:doi:\s*)?10\./i.test(text)) return null; // normalizeDoi checks the rest
  return normalizeDoi(text);
}

/** Publisher pages that append a view name after the DOI in the path. */
const VIEW_SUFFIX = /\/(?:full|abstract|abs|pdf|epdf|fulltext|html|summary|references)\/?$/i;

/** A DOI in a link: doi.org links, or a 10.xxxx/... run in a publisher's URL path. */
export function doiFromUrl(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  if (/(^|\.)doi\.org$/i.test(url.hostname)) return normalizeDoi(decodeURIComponent(url.pathname.slice(1)));
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  const match = DOI_IN_TEXT.exec(path);
  if (!match) return null;
  return normalizeDoi(match[0].replace(VIEW_SUFFIX, '').replace(/\/+$/, ''));
}

/** The first non-null result of `pick` over the candidates. */
export function firstOf<T>(
  candidates: ReadonlyArray<string | undefined>,
  pick: (value: string) => T | null,
): T | null {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const found = pick(candidate);
    if (found !== null) return found;
  }
  return null;
}
