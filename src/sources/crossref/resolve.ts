/**
 * A DOI to a paper record: Crossref first (the registration agency, so the
 * authoritative title, authors and dates), then Europe PMC for what Crossref
 * often lacks (many publishers deposit no abstract; PMIDs and MeSH are not
 * Crossref's business), then PubMed when neither has an abstract. A record
 * with no abstract anywhere is still returned: the pipeline holds it for a
 * person to supply the text (never summarised from its title).
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
  /** PubMed's record for a DOI (by its PMID when one is known), or null: asked last, for an abstract. */
  pubmed?: (doi: string, pmid: string | undefined) => Promise<PaperRecord | null>;
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
  const found =
    fromCrossref && fromEuropePmc
      ? mergeRecords(fromCrossref, fromEuropePmc)
      : (fromCrossref ?? fromEuropePmc);
  if (found && found.abstract.length > 0) return found;
  const fromPubmed = sources.pubmed ? await sources.pubmed(doi, found?.ids.pmid) : null;
  if (found && fromPubmed) return mergeRecords(found, fromPubmed);
  const record = found ?? fromPubmed;
  if (!record) {
    const where = sources.pubmed ? 'Crossref, Europe PMC or PubMed' : 'Crossref or Europe PMC';
    throw new PermanentError(`DOI ${doi} was not found at ${where}.`, {
      hint: 'Check the DOI for typos, or paste the abstract with `laysum submit --text`.',
    });
  }
  return record;
}
