/**
 * feedsmith gives each format its own shape (RSS 2.0 items, Atom entries,
 * RSS 1.0/RDF items with Dublin Core). This flattens the fields LaySum cares
 * about into one neutral shape, each as a list of candidates in order of
 * trust, so the rules that pick a DOI, a date or a summary are written once.
 */
import type { AnyFeed, AtomFeed, DcNs, DcTermsNs, RdfFeed, RssFeed } from 'feedsmith';

export interface RawItem {
  /** guid / Atom id / rdf:about, best first. */
  ids: string[];
  title: string | undefined;
  links: string[];
  /** Summary HTML candidates: description, content:encoded, Atom summary, Atom content. */
  description: string | undefined;
  content: string | undefined;
  /** dc:description values: Wiley's feeds put the abstract here and a citation line in `description`. */
  dcDescriptions: string[];
  authors: string[];
  dates: string[];
  /** dc:identifier values and prism:doi. */
  identifiers: string[];
  prismDoi: string | undefined;
  journal: string | undefined;
  /** dc:source: a journal name, or a citation that starts with one. */
  source: string | undefined;
}

type Dc = DcNs.ItemOrFeed<string> | undefined;
type DcTerms = DcTermsNs.ItemOrFeed<string> | undefined;

const defined = (values: ReadonlyArray<string | undefined | null>): string[] =>
  values.filter((v): v is string => typeof v === 'string' && v.trim().length > 0).map((v) => v.trim());

function dublinCore(dc: Dc, dcterms: DcTerms) {
  return {
    titles: dc?.titles ?? [],
    creators: dc?.creators ?? [],
    dates: [...(dc?.dates ?? []), ...(dcterms?.issued ?? []), ...(dcterms?.created ?? [])],
    identifiers: dc?.identifiers ?? [],
    descriptions: dc?.descriptions ?? [],
    source: dc?.sources?.[0],
  };
}

function fromRss(item: RssFeed.Item<string>): RawItem {
  const dc = dublinCore(item.dc, item.dcterms);
  return {
    ids: defined([item.guid?.value]),
    title: item.title ?? dc.titles[0],
    links: defined([item.link, ...(item.prism?.urls ?? [])]),
    description: item.description,
    content: item.content?.encoded,
    dcDescriptions: defined(dc.descriptions),
    authors: defined([...(item.authors ?? []).map((a) => a.name), ...dc.creators]),
    dates: defined([...(item.prism?.publicationDates ?? []), ...dc.dates, item.pubDate]),
    identifiers: defined(dc.identifiers),
    prismDoi: item.prism?.doi,
    journal: item.prism?.publicationName,
    source: dc.source,
  };
}

function fromRdf(item: RdfFeed.Item<string>): RawItem {
  const dc = dublinCore(item.dc, item.dcterms);
  return {
    ids: defined([item.rdf?.about]),
    title: item.title ?? dc.titles[0],
    links: defined([item.link]),
    description: item.description,
    content: item.content?.encoded,
    dcDescriptions: defined(dc.descriptions),
    authors: defined(dc.creators),
    dates: defined(dc.dates),
    identifiers: defined(dc.identifiers),
    prismDoi: undefined, // feedsmith 3 does not read PRISM in RDF items; dc:identifier carries the DOI
    journal: undefined,
    source: dc.source,
  };
}

function fromAtom(entry: AtomFeed.Entry<string>): RawItem {
  const dc = dublinCore(entry.dc, entry.dcterms);
  const links = entry.links ?? [];
  const alternate = links.filter((l) => !l.rel || l.rel === 'alternate').map((l) => l.href);
  return {
    ids: defined([entry.id]),
    title: entry.title?.value ?? dc.titles[0],
    links: defined([...alternate, ...links.map((l) => l.href)]),
    description: entry.summary?.value,
    content: entry.content?.value,
    dcDescriptions: defined(dc.descriptions),
    authors: defined([...(entry.authors ?? []).map((a) => a.name), ...dc.creators]),
    dates: defined([entry.published, ...dc.dates, entry.updated]),
    identifiers: defined(dc.identifiers),
    prismDoi: undefined,
    journal: undefined,
    source: dc.source,
  };
}

/** The feed's title and its items in a neutral shape; JSON Feed is not handled (null). */
export function rawItemsOf(parsed: AnyFeed<string>): { title: string | undefined; items: RawItem[] } | null {
  switch (parsed.format) {
    case 'rss':
      return {
        title: parsed.feed.title ?? parsed.feed.dc?.titles?.[0],
        items: (parsed.feed.items ?? []).map(fromRss),
      };
    case 'rdf':
      return {
        title: parsed.feed.title ?? parsed.feed.dc?.titles?.[0],
        items: (parsed.feed.items ?? []).map(fromRdf),
      };
    case 'atom':
      return { title: parsed.feed.title?.value, items: (parsed.feed.entries ?? []).map(fromAtom) };
    default:
      return null;
  }
}

/** Channel-level journal name from RSS 2.0 PRISM metadata. */
export function channelJournal(parsed: AnyFeed<string>): string | undefined {
  return parsed.format === 'rss' ? parsed.feed.prism?.publicationName : undefined;
}
