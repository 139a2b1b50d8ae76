/**
 * A Europe PMC search result (`resultType=core`) as a PaperRecord. Europe PMC
 * indexes PubMed, so for works Crossref has no abstract for it often has the
 * abstract, the PMID/PMCID and the MeSH headings. The schema lists only the
 * fields LaySum reads.
 */
import { z } from 'zod';
import { PaperRecord, type PaperRecordInput } from '../../domain/paper.ts';
import { partialDate, partialDateFromText } from '../../text/dates.ts';
import { doiUrl, normalizeDoi } from '../doi.ts';
import { htmlAbstractToSections, markupToText } from '../jats.ts';
import { uniqueStrings } from '../json.ts';
import { normalizePmid } from '../pmid.ts';

const Author = z.object({
  fullName: z.string().optional(), // "Al-Abbadey M"
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  collectiveName: z.string().optional(),
});

export const EuropePmcResult = z.object({
  id: z.string().optional(),
  source: z.string().optional(), // MED, PMC, PPR, ...
  pmid: z.string().optional(),
  pmcid: z.string().optional(),
  doi: z.string().optional(),
  title: z.string().optional(),
  authorString: z.string().optional(),
  authorList: z.object({ author: z.array(Author).default([]) }).optional(),
  journalInfo: z.object({ journal: z.object({ title: z.string().optional() }).optional() }).optional(),
  firstPublicationDate: z.string().optional(), // YYYY-MM-DD
  pubYear: z.string().optional(),
  language: z.string().optional(), // ISO 639-2, as PubMed ('eng')
  pubTypeList: z.object({ pubType: z.array(z.string()).default([]) }).optional(),
  meshHeadingList: z
    .object({ meshHeading: z.array(z.object({ descriptorName: z.string() })).default([]) })
    .optional(),
  keywordList: z.object({ keyword: z.array(z.string()).default([]) }).optional(),
  abstractText: z.string().optional(), // HTML-ish, sections start at <h4>
});
export type EuropePmcResult = z.infer<typeof EuropePmcResult>;

export const EuropePmcSearchResponse = z.object({
  hitCount: z.number().optional(),
  resultList: z.object({ result: z.array(EuropePmcResult).default([]) }).default({ result: [] }),
});

function authors(r: EuropePmcResult): string[] {
  const listed = (r.authorList?.author ?? []).map((a) => {
    if (a.collectiveName) return markupToText(a.collectiveName);
    const person = [a.firstName, a.lastName].filter(Boolean).join(' ');
    return markupToText(person || a.fullName || '');
  });
  if (listed.length > 0) return listed.filter((name) => name !== '');
  // The `lite` form only has "Al-Abbadey M, Tomescu-Stachie S, McCracken L."
  return (r.authorString ?? '')
    .replace(/\.$/, '')
    .split(/,\s*/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

function publishedAt(r: EuropePmcResult): string | null {
  return partialDateFromText(r.firstPublicationDate) ?? partialDate(r.pubYear);
}

/** The Europe PMC page for the record (source + id, e.g. MED/40468710). */
function sourceUrl(r: EuropePmcResult, doi: string): string {
  if (r.source && r.id) return `https://europepmc.org/article/${r.source}/${r.id}`;
  return doiUrl(doi);
}

/** The record for one result; `doi` is the normalized DOI it was found by. */
export function resultToRecord(r: EuropePmcResult, doi: string): PaperRecord {
  const title = markupToText(r.title ?? '');
  const pmcid = r.pmcid && /^PMC\d+$/i.test(r.pmcid) ? r.pmcid.toUpperCase() : undefined;
  const pmid = r.pmid ? normalizePmid(r.pmid) : null;
  const input: PaperRecordInput = {
    title: title || `Untitled work (DOI ${doi})`,
    authors: authors(r),
    journal: markupToText(r.journalInfo?.journal?.title ?? '') || null,
    publishedAt: publishedAt(r),
    ids: { doi, ...(pmid ? { pmid } : {}), ...(pmcid ? { pmcid } : {}) },
    publicationTypes: uniqueStrings(r.pubTypeList?.pubType ?? []),
    keywords: uniqueStrings([
      ...(r.meshHeadingList?.meshHeading ?? []).map((h) => h.descriptorName),
      ...(r.keywordList?.keyword ?? []),
    ]),
    abstract: r.abstractText ? htmlAbstractToSections(r.abstractText) : [],
    language: r.language ?? null,
    sourceUrl: sourceUrl(r, doi),
  };
  return PaperRecord.parse(input);
}

/** Whether a result is the work with this (normalized) DOI. */
export const hasDoi = (r: EuropePmcResult, doi: string): boolean =>
  r.doi ? normalizeDoi(r.doi) === doi : false;
