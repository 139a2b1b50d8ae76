/**
 * Parses PubMed EFetch XML (PubmedArticleSet, 2015-2025 DTDs) and old MEDLINE
 * baseline files (MedlineCitationSet) into PaperRecords, one result per PMID.
 * A record that cannot be used (no title and no abstract) comes back with
 * `record: null` and a `problem` a person can act on; the pipeline decides.
 */
import { type AbstractSection, PaperRecord, type PaperRecordInput } from '../../domain/paper.ts';
import { PermanentError } from '../../errors/permanent-error.ts';
import { TransientError } from '../../errors/transient-error.ts';
import { mostPreciseDate, partialDate } from '../../text/dates.ts';
import { normalizeDoi } from '../doi.ts';
import { isPmid, pubmedUrl } from '../pmid.ts';
import { flattenInline } from './inline.ts';
import { parseXmlTree, type XmlElement, XmlSyntaxError } from './xml-tree.ts';

export interface PubmedParseItem {
  pmid: string;
  record: PaperRecord | null;
  problem?: string;
}
export interface PubmedParseResult {
  records: PubmedParseItem[];
}

// Elements that carry inline markup: kept raw and flattened by inline.ts.
const MARKUP_ELEMENTS = new Set([
  'ArticleTitle',
  'VernacularTitle',
  'AbstractText',
  'Keyword',
  'CollectiveName',
]);

type Node = XmlElement | undefined;

/** The children of `node` named `name`, in order. */
function all(node: Node, name: string): XmlElement[] {
  if (!node) return [];
  const found: XmlElement[] = [];
  for (const child of node.children) if (child.name === name) found.push(child);
  return found;
}
function one(node: Node, name: string): Node {
  if (!node) return undefined;
  for (const child of node.children) if (child.name === name) return child;
  return undefined;
}

/** Plain text of an element (markup flattened, entities decoded, whitespace collapsed). */
const text = (node: Node): string => (node ? flattenInline(node.text) : '');
function attr(node: Node, name: string): string | undefined {
  const value = node?.attributes[name];
  return value === undefined ? undefined : flattenInline(value);
}
const texts = (nodes: XmlElement[]): string[] => nodes.map(text).filter((t) => t !== '');

/** ISO date from a Year/Month/Day element, as precise as the record is. */
function isoDate(node: Node): string | null {
  const date = mostPreciseDate(text(one(node, 'Year')), text(one(node, 'Month')), text(one(node, 'Day')));
  // MedlineDate is free text ("1978 Jul-Sep", "2015 Oct-Dec"): only the year is reliable.
  return date ?? partialDate(/\b(\d{4})\b/.exec(text(one(node, 'MedlineDate')))?.[1]);
}

function publishedAt(article: Node): string | null {
  const pubDate = one(one(one(article, 'Journal'), 'JournalIssue'), 'PubDate');
  return (
    isoDate(pubDate) ??
    all(article, 'ArticleDate')
      .map(isoDate)
      .find((d) => d !== null) ??
    null
  );
}

function authors(article: Node): string[] {
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

function abstractSections(article: Node): AbstractSection[] {
  return all(one(article, 'Abstract'), 'AbstractText')
    .map((node) => ({
      label: attr(node, 'Label') || null,
      category: attr(node, 'NlmCategory') || null,
      text: text(node),
    }))
    .filter((s) => s.text !== '');
}

function identifiers(pmid: string, article: Node, citation: Node, pubmedData: Node): PaperRecordInput['ids'] {
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

function keywords(citation: Node): string[] {
  const mesh = all(one(citation, 'MeshHeadingList'), 'MeshHeading').map((h) =>
    text(one(h, 'DescriptorName')),
  );
  const own = all(citation, 'KeywordList').flatMap((list) => all(list, 'Keyword').map(text));
  return [...new Set([...mesh, ...own].filter((k) => k !== ''))];
}

function buildItem(citation: Node, pubmedData: Node): PubmedParseItem {
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

/** The document as one root holding its top-level elements. */
function parseDocument(xml: string): XmlElement {
  try {
    return { name: '#document', attributes: {}, children: parseXmlTree(xml, MARKUP_ELEMENTS), text: '' };
  } catch (err) {
    if (!(err instanceof XmlSyntaxError)) throw err;
    throw new TransientError(
      `The PubMed response is not well-formed XML (line ${err.line}: ${err.message}).`,
      {
        hint: 'E-utilities may have returned an error page; retry later, or check the PMIDs sent.',
      },
    );
  }
}

/**
 * Parse an EFetch PubmedArticleSet or a MEDLINE MedlineCitationSet. Throws
 * TransientError for a cut-off, garbled or foreign answer (an HTML error page),
 * PermanentError for an E-utilities error about the request.
 */
export function parsePubmedXml(xml: string): PubmedParseResult {
  const doc = parseDocument(xml.replace(/^\uFEFF/, ''));
  const set = one(doc, 'PubmedArticleSet');
  if (set) {
    const articles = all(set, 'PubmedArticle').map((a) =>
      buildItem(one(a, 'MedlineCitation'), one(a, 'PubmedData')),
    );
    const books = all(set, 'PubmedBookArticle').map(bookItem);
    return { records: [...articles, ...books] };
  }
  const medline = one(doc, 'MedlineCitationSet');
  if (medline) {
    return { records: all(medline, 'MedlineCitation').map((c) => buildItem(c, undefined)) };
  }
  const error = text(one(one(doc, 'eFetchResult'), 'ERROR'));
  if (error)
    throw new PermanentError(`PubMed EFetch returned an error: ${error}`, {
      hint: 'Check the PMIDs and the E-utilities base URL; fetch with db=pubmed&retmode=xml.',
    });
  // Another document (an HTML error page, a proxy's answer) is the service having trouble, not the PMIDs.
  throw new TransientError(
    `Expected PubMed XML (PubmedArticleSet or MedlineCitationSet), got <${doc.children[0]?.name ?? 'nothing'}>.`,
    {
      hint: 'NCBI or a proxy on the way answered with another page; retried later. If it persists, check the E-utilities base URL.',
    },
  );
}

/** Bookshelf chapters (PubmedBookArticle) have a different layout that LaySum does not read yet. */
function bookItem(book: Node): PubmedParseItem {
  const pmid = text(one(one(book, 'BookDocument'), 'PMID'));
  return {
    pmid,
    record: null,
    problem: `PubMed ${pmid} is a book chapter (PubmedBookArticle), which LaySum cannot read yet. Submit its text instead.`,
  };
}
