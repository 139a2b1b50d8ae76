/**
 * Journal feeds (RSS 2.0, Atom, RSS 1.0/RDF) to feed items, and feed items to
 * paper records. Parsing is done by feedsmith; this module decides which of
 * the many places a publisher may have put a DOI, date, author list or
 * abstract to trust, and refuses, with a hint, input that is not a feed.
 */
import { type AnyFeed, parseFeed as feedsmithParse } from 'feedsmith';
import { type PaperRecord, PaperRecord as PaperRecordSchema } from '../../domain/paper.ts';
import { PermanentError } from '../../errors/permanent-error.ts';
import { partialDateFromText } from '../../text/dates.ts';
import { decodeReferences } from '../../text/markup.ts';
import { pmidFromIdentifier, pmidFromPubmedUrl } from '../pmid.ts';
import { splitAuthors } from './authors.ts';
import { htmlToLine } from './html.ts';
import { doiFromIdentifier, doiFromUrl, firstOf } from './identifiers.ts';
import { channelJournal, type RawItem, rawItemsOf } from './raw-items.ts';
import { pickSummary } from './summary.ts';

export interface FeedItem {
  guid: string;
  title: string;
  link: string | null;
  doi: string | null;
  pmid: string | null;
  publishedAt: string | null;
  authors: string[];
  /** Plain text: HTML stripped, entities decoded (also double-escaped ones). */
  summary: string | null;
  journal: string | null;
}

export interface ParsedFeed {
  title: string | null;
  items: FeedItem[];
}

/** Parse a feed document; throws PermanentError when it is not RSS or Atom. */
export function parseFeed(xml: string, feedUrl: string): ParsedFeed {
  const text = xml.replace(/^\uFEFF/, '');
  let parsed: AnyFeed<string> | undefined;
  try {
    parsed = feedsmithParse(text);
  } catch {
    parsed = undefined;
  }
  const raw = parsed ? rawItemsOf(parsed) : null;
  if (!parsed || !raw) throw notAFeed(text, feedUrl);
  const fallbackJournal = channelJournal(parsed) ?? rdfChannelJournal(text);
  const items: FeedItem[] = [];
  for (const item of raw.items) {
    const feedItem = toFeedItem(item, fallbackJournal);
    if (feedItem) items.push(feedItem);
  }
  const title = raw.title ? htmlToLine(raw.title) : '';
  return { title: title || null, items };
}

/** What came back, in kind only: the answer itself is never quoted (it may be an internal service's). */
function kindOf(start: string): string {
  if (start.length === 0) return 'it is empty';
  if (/^<!doctype html|^<html/i.test(start)) return 'it is an HTML page';
  if (start.startsWith('<')) return 'it is XML of another kind';
  if (/^[[{]/.test(start)) return 'it looks like JSON';
  return 'it is plain text or another format';
}

function notAFeed(text: string, feedUrl: string): PermanentError {
  const start = text.trimStart().slice(0, 40);
  const shown = kindOf(start);
  const html = shown === 'it is an HTML page';
  return new PermanentError(`${feedUrl} is not an RSS or Atom feed (${shown}).`, {
    hint: html
      ? "That address returns a web page. Open it in a browser and copy the journal's RSS or Atom link (often an orange feed icon or 'RSS' link) instead."
      : 'Check the address: it should return an RSS 2.0, RSS 1.0/RDF or Atom document (JSON Feed is not supported).',
  });
}

/**
 * feedsmith 3 drops PRISM fields in RSS 1.0/RDF feeds (Nature, Elsevier,
 * bioRxiv), where the channel's `prism:publicationName` is the only clean
 * journal name. Read just that element from the channel header.
 */
function rdfChannelJournal(xml: string): string | undefined {
  const itemStart = xml.search(/<item[\s>]/);
  const header = itemStart < 0 ? xml : xml.slice(0, itemStart);
  const match =
    /<prism:publicationName>\s*(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?\s*<\/prism:publicationName>/.exec(header);
  const name = match?.[1] ? decodeReferences(match[1]).trim() : '';
  return name || undefined;
}

function toFeedItem(item: RawItem, fallbackJournal: string | undefined): FeedItem | null {
  const title = item.title ? htmlToLine(item.title) : '';
  if (!title) return null; // an item without a title cannot be shown to an editor or summarized
  const link = item.links[0] ?? null;
  const doi =
    (item.prismDoi ? doiFromIdentifier(item.prismDoi) : null) ??
    firstOf(item.identifiers, doiFromIdentifier) ??
    firstOf(item.links, doiFromUrl) ??
    firstOf(item.ids, doiFromIdentifier);
  const pmid =
    firstOf(item.identifiers, pmidFromIdentifier) ??
    firstOf(item.ids, pmidFromIdentifier) ??
    firstOf([...item.links, ...item.ids], pmidFromPubmedUrl);
  return {
    guid: item.ids[0] ?? link ?? (doi ? `doi:${doi}` : title),
    title,
    link,
    doi,
    pmid,
    publishedAt: firstOf(item.dates, partialDateFromText),
    authors: splitAuthors(item.authors),
    summary: pickSummary([item.description, ...item.dcDescriptions, item.content], title),
    journal: journalOf(item, fallbackJournal),
  };
}

/** PRISM's name first; dc:source cut before any volume, date or citation tail. */
function journalOf(item: RawItem, fallbackJournal: string | undefined): string | null {
  const prism = item.journal?.trim();
  if (prism) return htmlToLine(prism);
  if (fallbackJournal) return htmlToLine(fallbackJournal);
  const source = item.source
    ? htmlToLine(item.source)
        .split(/[,;|]|\s\d/)[0]
        ?.trim()
    : undefined;
  return source || null;
}

/** A feed's title as a journal name: "IJSEM: Most Recent Articles" -> "IJSEM", 《昆虫分类学报》 -> 昆虫分类学报. */
export function journalFromFeedTitle(feedTitle: string | null): string | null {
  if (!feedTitle) return null;
  const bracketed = /《([^》]+)》/.exec(feedTitle);
  if (bracketed?.[1]) return bracketed[1].trim();
  const cleaned = feedTitle
    .replace(
      /\s*[:\-–—|]\s*(?:most recent|latest|current|recent|new|advance|early view|online first|ahead of print)\b.*$/i,
      '',
    )
    .replace(/\s*\b(?:rss|atom)(?:\s+feed)?$/i, '')
    .trim();
  return cleaned || null;
}

/** A feed item as a paper record (the summary as one unlabelled abstract section); null without a title. */
export function feedItemToRecord(item: FeedItem, feedTitle: string | null): PaperRecord | null {
  const title = item.title.trim();
  if (!title) return null;
  return PaperRecordSchema.parse({
    title,
    authors: item.authors,
    journal: item.journal ?? journalFromFeedTitle(feedTitle),
    publishedAt: item.publishedAt,
    ids: { ...(item.doi ? { doi: item.doi } : {}), ...(item.pmid ? { pmid: item.pmid } : {}) },
    abstract: item.summary ? [{ label: null, category: null, text: item.summary }] : [],
    sourceUrl: item.link,
  });
}
