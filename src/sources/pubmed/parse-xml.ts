/**
 * Parses PubMed EFetch XML (PubmedArticleSet, 2015-2025 DTDs) and old MEDLINE
 * baseline files (MedlineCitationSet) into PaperRecords, one result per PMID.
 * A record that cannot be used (no title and no abstract) comes back with
 * `record: null` and a `problem` a person can act on; the pipeline decides.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { type AbstractSection, PaperRecord, type PaperRecordInput } from '../../domain/paper.ts';
import { PermanentError } from '../../errors/permanent-error.ts';
import { TransientError } from '../../errors/transient-error.ts';
import { mostPreciseDate, partialDate } from '../../text/dates.ts';
import { normalizeDoi } from '../doi.ts';
import { isPmid, pubmedUrl } from '../pmid.ts';
import { flattenInline } from './inline.ts';

export interface PubmedParseItem {
  pmid: string;
  record: PaperRecord | null;
  problem?: string;
}
export interface PubmedParseResult {
  records: PubmedParseItem[];
}

// Elements that carry inline markup: kept raw and flattened by inline.ts.
const MARKUP_ELEMENTS = ['ArticleTitle', 'VernacularTitle', 'AbstractText', 'Keyword', 'CollectiveName'];
const REPEATED = new Set([
  'PubmedArticle',
  'PubmedBookArticle',
  'MedlineCitation',
  'Author',
  'AbstractText',
  'ELocationID',
  'ArticleId',
  'PublicationType',
  'MeshHeading',
  'KeywordList',
  'Keyword',
  'Language',
  'OtherID',
  'ArticleDate',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  // Entities are decoded once, by flattenInline: fast-xml-parser leaves &#xe0; alone but decodes &amp;,
  // so letting it decode would double-decode "&amp;#xe0;".
  processEntities: false,
  stopNodes: MARKUP_ELEMENTS.map((name) => `*.${name}`),
  isArray: (name) => REPEATED.has(name),
});

type XmlObject = { [key: string]: unknown };
const isObject = (v: unknown): v is XmlObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function all(node: unknown, name: string): unknown[] {
  if (!isObject(node)) return [];
  const value = node[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
const one = (node: unknown, name: string): unknown => all(node, name)[0];

/** Plain text of an element (markup flattened, entities decoded, whitespace collapsed). */
function text(node: unknown): string {
  if (typeof node === 'string') return flattenInline(node);
  if (typeof node === 'number') return String(node);
  return isObject(node) ? text(node['#text']) : '';
}
function attr(node: unknown, name: string): string | undefined {
  const value = isObject(node) ? node[`@_${name}`] : undefined;
  return typeof value === 'string' ? flattenInline(value) : undefined;
}
const texts = (nodes: unknown[]): string[] => nodes.map(text).filter((t) => t !== '');

/** ISO date from a Year/Month/Day element, as precise as the record is. */
function isoDate(node: unknown): string | null {
  const date = mostPreciseDate(text(one(node, 'Year')), text(one(node, 'Month')), text(one(node, 'Day')));
  // MedlineDate is free text ("1978 Jul-Sep", "2015 Oct-Dec"): only the year is reliable.
  return date ?? partialDate(/\b(\d{4})\b/.exec(text(one(node, 'MedlineDate')))?.[1]);
}

function publishedAt(article: unknown): string | null {
  const pubDate = one(one(one(article, 'Journal'), 'JournalIssue'), 'PubDate');
  return (
    isoDate(pubDate) ??
    all(article, 'ArticleDate')
      .map(isoDate)
      .find((d) => d !== null) ??
    null
  );
}

function authors(article: unknown): string[] {
  return all(one(article, 'AuthorList'), 'Author')
    .filter((a) => attr(a, 'ValidYN') !== 'N')
    .map((a) => {
      const collective = text(one(a, 'CollectiveName'));
      if (collective) return collective;
      const given = text(one(a, 'ForeName')) || text(one(a, 'Initials'));
      return [given, text(one(a, 'LastName')), text(one(a, 'Suffix'))].filter(Boolean).join(' ');
    })
    .filter((name) => name !== '');
}

function abstractSections(article: unknown): AbstractSection[] {
  return all(one(article, 'Abstract'), 'AbstractText')
    .map((node) => ({
      label: attr(node, 'Label') || null,
      category: attr(node, 'NlmCategory') || null,
      text: text(node),
    }))
    .filter((s) => s.text !== '');
}

function identifiers(
  pmid: string,
  article: unknown,
  citation: unknown,
  pubmedData: unknown,
): PaperRecordInput['ids'] {
  const articleIds = all(one(pubmedData, 'ArticleIdList'), 'ArticleId');
  const byType = (type: string) => articleIds.filter((n) => attr(n, 'IdType') === type).map(text);
  const elocationDois = all(article, 'ELocationID')
    .filter((n) => attr(n, 'EIdType') === 'doi' && attr(n, 'ValidYN') !== 'N')
    .map(text);
  const doi = [...elocationDois, ...byType('doi')].map(normalizeDoi).find((d) => d !== null);
  // Old MEDLINE files have no PubmedData; their PMC id sits in OtherID ("PMC4691237 [Available on 07/01/16]").
  const pmcid = [...byType('pmc'), ...texts(all(citation, 'OtherID'))]
    .map((id) => /\bPMC\d+\b/.exec(id)?.[0])
    .find((id) => id !== undefined);
  return { pmid, ...(doi ? { doi } : {}), ...(pmcid ? { pmcid } : {}) };
}

function keywords(citation: unknown): string[] {
  const mesh = all(one(citation, 'MeshHeadingList'), 'MeshHeading').map((h) =>
    text(one(h, 'DescriptorName')),
  );
  const own = all(citation, 'KeywordList').flatMap((list) => all(list, 'Keyword').map(text));
  return [...new Set([...mesh, ...own].filter((k) => k !== ''))];
}

function buildItem(citation: unknown, pubmedData: unknown): PubmedParseItem {
  const pmid = text(one(citation, 'PMID'));
  if (!isPmid(pmid)) {
    return {
      pmid,
      record: null,
      problem: 'A PubMed record has no usable PMID; it was skipped. Check the XML source.',
    };
  }
  const article = one(citation, 'Article');
  const title = text(one(article, 'ArticleTitle')) || text(one(article, 'VernacularTitle'));
  const abstract = abstractSections(article);
  if (!title && abstract.length === 0) {
    const problem =
      `PubMed ${pmid} has no title and no abstract, so there is nothing to summarise. ` +
      `Check ${pubmedUrl(pmid)} and submit the paper's full text or PDF instead.`;
    return { pmid, record: null, problem };
  }
  const journal = one(article, 'Journal');
  const input: PaperRecordInput = {
    // Abstract but no title is rare (errata, untitled letters); say so rather than invent one.
    title: title || `Untitled PubMed record ${pmid}`,
    authors: authors(article),
    journal:
      text(one(journal, 'Title')) ||
      text(one(journal, 'ISOAbbreviation')) ||
      text(one(one(citation, 'MedlineJournalInfo'), 'MedlineTA')) ||
      null,
    publishedAt: publishedAt(article),
    ids: identifiers(pmid, article, citation, pubmedData),
    publicationTypes: texts(all(one(article, 'PublicationTypeList'), 'PublicationType')),
    keywords: keywords(citation),
    abstract,
    language: texts(all(article, 'Language'))[0] ?? null, // ISO 639-2 code as NLM gives it ('eng', 'ita')
    sourceUrl: pubmedUrl(pmid),
  };
  return { pmid, record: PaperRecord.parse(input) };
}

function parseDocument(xml: string): XmlObject {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line } = valid.err;
    throw new TransientError(`The PubMed response is not well-formed XML (line ${line}: ${msg}).`, {
      hint: 'E-utilities may have returned an error page; retry later, or check the PMIDs sent.',
    });
  }
  const doc: unknown = parser.parse(xml);
  return isObject(doc) ? doc : {};
}

/**
 * Parse an EFetch PubmedArticleSet or a MEDLINE MedlineCitationSet. Throws
 * TransientError for a cut-off, garbled or foreign answer (an HTML error page),
 * PermanentError for an E-utilities error about the request.
 */
export function parsePubmedXml(xml: string): PubmedParseResult {
  const doc = parseDocument(xml.replace(/^\uFEFF/, ''));
  const set = one(doc, 'PubmedArticleSet');
  if (isObject(set) || set === '') {
    const articles = all(set, 'PubmedArticle').map((a) =>
      buildItem(one(a, 'MedlineCitation'), one(a, 'PubmedData')),
    );
    const books = all(set, 'PubmedBookArticle').map(bookItem);
    return { records: [...articles, ...books] };
  }
  const medline = one(doc, 'MedlineCitationSet');
  if (isObject(medline) || medline === '') {
    return { records: all(medline, 'MedlineCitation').map((c) => buildItem(c, undefined)) };
  }
  const error = text(one(one(doc, 'eFetchResult'), 'ERROR'));
  if (error)
    throw new PermanentError(`PubMed EFetch returned an error: ${error}`, {
      hint: 'Check the PMIDs and the E-utilities base URL; fetch with db=pubmed&retmode=xml.',
    });
  // Another document (an HTML error page, a proxy's answer) is the service having trouble, not the PMIDs.
  throw new TransientError(
    `Expected PubMed XML (PubmedArticleSet or MedlineCitationSet), got <${Object.keys(doc).find((k) => !k.startsWith('?')) ?? 'nothing'}>.`,
    {
      hint: 'NCBI or a proxy on the way answered with another page; retried later. If it persists, check the E-utilities base URL.',
    },
  );
}

/** Bookshelf chapters (PubmedBookArticle) have a different layout that LaySum does not read yet. */
function bookItem(book: unknown): PubmedParseItem {
  const pmid = text(one(one(book, 'BookDocument'), 'PMID'));
  return {
    pmid,
    record: null,
    problem: `PubMed ${pmid} is a book chapter (PubmedBookArticle), which LaySum cannot read yet. Submit its text instead.`,
  };
}
