/**
 * A Crossref work (`GET /works/{doi}` -> `message`) as a PaperRecord. The
 * schema lists only the fields LaySum reads; Crossref sends many more.
 */
import { z } from 'zod';
import { PaperRecord, type PaperRecordInput } from '../../domain/paper.ts';
import { mostPreciseDate } from '../../text/dates.ts';
import { doiUrl, normalizeDoi } from '../doi.ts';
import { jatsToSections, markupToText } from '../jats.ts';
import { uniqueStrings } from '../json.ts';

/** `[[2015, 11, 19]]`; parts can be missing, null or (in old records) strings. */
const DateParts = z.object({
  'date-parts': z.array(z.array(z.union([z.number(), z.string(), z.null()]))),
});

const Author = z.object({
  given: z.string().optional(),
  family: z.string().optional(),
  name: z.string().optional(), // organisations and consortia
});

export const CrossrefWork = z.object({
  DOI: z.string(),
  title: z.array(z.string()).default([]),
  author: z.array(Author).default([]),
  'container-title': z.array(z.string()).default([]),
  published: DateParts.optional(),
  'published-print': DateParts.optional(),
  'published-online': DateParts.optional(),
  issued: DateParts.optional(),
  type: z.string().optional(),
  subject: z.array(z.string()).default([]),
  abstract: z.string().optional(), // JATS XML
  language: z.string().optional(),
  URL: z.string().optional(),
});
export type CrossrefWork = z.infer<typeof CrossrefWork>;

export const CrossrefWorkResponse = z.object({ message: CrossrefWork });

/** Crossref's type ids in the words PubMed uses for publication types. */
const TYPE_NAMES: Record<string, string> = {
  'journal-article': 'Journal Article',
  'posted-content': 'Preprint',
  'proceedings-article': 'Conference Paper',
  'book-chapter': 'Book Chapter',
  'peer-review': 'Referee Report', // a report on a paper, not a review article
  dataset: 'Dataset',
};

function typeName(type: string): string {
  return (
    TYPE_NAMES[type] ??
    type
      .split('-')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(' ')
  );
}

/**
 * Crossref gives ISO 639-1 (`en`); PubMed and Europe PMC give the ISO 639-2/B
 * codes (`eng`, `ger`), so records from every source compare equal.
 */
const LANGUAGES: Record<string, string> = {
  en: 'eng',
  de: 'ger',
  fr: 'fre',
  es: 'spa',
  it: 'ita',
  pt: 'por',
  nl: 'dut',
  pl: 'pol',
  ru: 'rus',
  zh: 'chi',
  ja: 'jpn',
  ko: 'kor',
  tr: 'tur',
  sv: 'swe',
  da: 'dan',
  no: 'nor',
  fi: 'fin',
  cs: 'cze',
};
const language = (code: string | undefined): string | null =>
  code ? (LANGUAGES[code.toLowerCase()] ?? code.toLowerCase()) : null;

/** `published` is Crossref's earliest of print and online; the others are fallbacks for older records. */
function publishedAt(work: CrossrefWork): string | null {
  for (const date of [work.published, work['published-print'], work['published-online'], work.issued]) {
    const [year, month, day] = date?.['date-parts'][0] ?? [];
    const iso = mostPreciseDate(year, month, day); // [2015, 11, 19] -> 2015-11-19, [1997, 7] -> 1997-07
    if (iso) return iso;
  }
  return null;
}

function authorName(a: z.infer<typeof Author>): string {
  const person = [a.given, a.family].map((p) => (p ? markupToText(p) : '')).filter(Boolean);
  return person.length > 0 ? person.join(' ') : markupToText(a.name ?? '');
}

/** The record for one work; `requestedDoi` names it when Crossref gives no title. */
export function workToRecord(work: CrossrefWork, requestedDoi: string): PaperRecord {
  const doi = normalizeDoi(work.DOI) ?? requestedDoi;
  const title = markupToText(work.title[0] ?? '');
  const journal = markupToText(work['container-title'][0] ?? '');
  const input: PaperRecordInput = {
    // Rare (some components and datasets); say so rather than invent one.
    title: title || `Untitled work (DOI ${doi})`,
    authors: work.author.map(authorName).filter((name) => name !== ''),
    journal: journal || null,
    publishedAt: publishedAt(work),
    ids: { doi },
    publicationTypes: work.type ? [typeName(work.type)] : [],
    keywords: uniqueStrings(work.subject),
    abstract: work.abstract ? jatsToSections(work.abstract) : [],
    language: language(work.language),
    sourceUrl: work.URL ?? doiUrl(doi),
  };
  return PaperRecord.parse(input);
}
