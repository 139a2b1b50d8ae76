/**
 * A DOI to a paper record: Crossref first (the registration agency, so the
 * authoritative title, authors and dates), then Europe PMC for what Crossref
 * often lacks (many publishers deposit no abstract; PMIDs and MeSH are not
 * Crossref's business). A record with no abstract anywhere is still returned:
 * whether to summarise from the title alone is the pipeline's call.
 */
import type { PaperRecord } from '../../domain/paper.ts';
import { PermanentError } from '../../errors/permanent-error.ts';
import { requireDoi } from '../doi.ts';
import type { EuropePmcClient } from '../europepmc/client.ts';
import { uniqueStrings } from '../json.ts';
import type { CrossrefClient } from './client.ts';

export interface DoiSources {
  crossref: Pick<CrossrefClient, 'getWork'>;
  europePmc: Pick<EuropePmcClient, 'findByDoi'>;
}

/**
 * Crossref's record with the abstract, ids and MeSH headings Europe PMC adds.
 * Crossref wins where both have a value, except the abstract (Crossref had none).
 */
export function mergeRecords(crossref: PaperRecord, europePmc: PaperRecord): PaperRecord {
  return {
    ...crossref,
    authors: crossref.authors.length > 0 ? crossref.authors : europePmc.authors,
    journal: crossref.journal ?? europePmc.journal,
    publishedAt: crossref.publishedAt ?? europePmc.publishedAt,
    ids: { ...europePmc.ids, ...crossref.ids },
    publicationTypes: uniqueStrings([...crossref.publicationTypes, ...europePmc.publicationTypes]),
    keywords: uniqueStrings([...crossref.keywords, ...europePmc.keywords]),
    abstract: crossref.abstract.length > 0 ? crossref.abstract : europePmc.abstract,
    language: crossref.language ?? europePmc.language,
  };
}

/**
 * Resolve a DOI (any common spelling). Throws InputError when it is not a DOI,
 * PermanentError when neither service knows it, TransientError (from http)
 * when a service is down, so the queue retries rather than settling for half
 * a record.
 */
export async function resolveDoi(input: string, sources: DoiSources): Promise<PaperRecord> {
  const doi = requireDoi(input);
  const fromCrossref = await sources.crossref.getWork(doi);
  if (fromCrossref && fromCrossref.abstract.length > 0) return fromCrossref;
  const fromEuropePmc = await sources.europePmc.findByDoi(doi);
  if (fromCrossref && fromEuropePmc) return mergeRecords(fromCrossref, fromEuropePmc);
  const found = fromCrossref ?? fromEuropePmc;
  if (!found) {
    throw new PermanentError(`DOI ${doi} was not found at Crossref or Europe PMC.`, {
      hint: 'Check the DOI for typos, or paste the abstract with `laysum submit --text`.',
    });
  }
  return found;
}
