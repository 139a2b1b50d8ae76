/**
 * The pieces of a published summary, in the seed page's order. The summary
 * page and the feeds' content_html (./feed-item.tsx) are both built from
 * these, so a feed reader sees the same text (and the same escaping) as the
 * web page. The `{NL}` children keep the published markup's line breaks.
 */
import type { PaperRecord } from '../../../domain/paper.ts';
import type { LaySummary, Rating } from '../../../domain/summary.ts';
import {
  articleDate,
  excerpt,
  longDate,
  paragraphsOf,
  shortAuthors,
  shortDate,
} from '../../../publish/format.ts';
import { doiUrl, pubmedUrl, type SiteLinks, webUrl } from '../../../publish/links.ts';
import type { PublishedSummary } from '../../../publish/published.ts';
import { isRawExtract } from '../../../publish/published.ts';

const MAX_SCORE = 5;
const NL = '\n';

const Paragraphs = ({ text }: { text: string }) => paragraphsOf(text).map((p) => <p>{p}</p>);

function RatingBlock({ label, r }: { label: string; r: Rating }) {
  const score = Math.min(MAX_SCORE, Math.max(0, r.score));
  const dots = '●'.repeat(score) + '○'.repeat(MAX_SCORE - score);
  return (
    <section class="rating">
      {NL}
      <h2>{label}</h2>
      {NL}
      <div>
        <span class="dots" aria-hidden="true">
          {dots}
        </span>
        <span class="score">{`${score}/${MAX_SCORE}`}</span>
      </div>
      {NL}
      <p>{r.rationale}</p>
      {NL}
    </section>
  );
}

export function Ratings({ summary }: { summary: LaySummary }) {
  return (
    <div class="ratings">
      {NL}
      <RatingBlock label="Credibility" r={summary.ratings.credibility} />
      {NL}
      <RatingBlock label="Interest" r={summary.ratings.interest} />
      {NL}
    </div>
  );
}

export function ExtractiveNotice({ item }: { item: PublishedSummary }) {
  if (!isRawExtract(item)) return null;
  return (
    <p class="notice" role="note">
      This text was extracted automatically from the article's abstract, not written as a plain-language
      summary. It may use technical language.
    </p>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: unknown }) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      {NL}
      <h2 id={`${id}-heading`}>{title}</h2>
      {NL}
      {children}
      {NL}
    </section>
  );
}

/** Key Takeaway, What They Found, Who Should Care and Why, Important Considerations. */
export function SummarySections({ summary }: { summary: LaySummary }) {
  return (
    <>
      <Section id="takeaway" title="Key Takeaway">
        <p class="takeaway">{summary.takeaway}</p>
      </Section>
      {NL}
      <Section id="findings" title="What They Found">
        <Paragraphs text={summary.findings} />
      </Section>
      {NL}
      <Section id="audience" title="Who Should Care and Why">
        <Paragraphs text={summary.audience} />
      </Section>
      {NL}
      <Section id="considerations" title="Important Considerations">
        <ul>
          {summary.caveats.map((c) => (
            <li>{c}</li>
          ))}
        </ul>
      </Section>
    </>
  );
}

export function TopicsSection({ summary, links }: { summary: LaySummary; links: SiteLinks }) {
  return (
    <Section id="topics" title="Article Topics">
      <ul class="tags">
        {summary.topics.map((t) => (
          <li>
            <a href={links.topic(t)} rel="tag">
              {t}
            </a>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function SourceLinks({ record }: { record: PaperRecord }) {
  const out = [];
  if (record.ids.doi) out.push(<a href={doiUrl(record.ids.doi)}>DOI: {record.ids.doi}</a>);
  const pubmed = pubmedUrl(record.ids.pmid);
  if (pubmed) out.push(<a href={pubmed}>PubMed: {record.ids.pmid}</a>);
  const web = out.length === 0 ? webUrl(record.sourceUrl) : null;
  if (web) out.push(<a href={web}>Source</a>);
  return out.flatMap((link, i) => (i === 0 ? [link] : [' · ', link]));
}

function Detail({ term, value }: { term: string; value: unknown }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  );
}

/** The original article: title, journal, date, authors, DOI and PubMed links. */
export function SourceSection({ record, locale }: { record: PaperRecord; locale?: string | undefined }) {
  const hasLinks = Boolean(record.ids.doi || pubmedUrl(record.ids.pmid) || webUrl(record.sourceUrl));
  return (
    <section class="source" aria-labelledby="source-heading">
      {NL}
      <h2 id="source-heading">More Details</h2>
      {NL}
      <dl>
        {NL}
        <Detail term="Original article" value={record.title} />
        {NL}
        {record.journal ? <Detail term="Journal" value={record.journal} /> : null}
        {NL}
        {record.publishedAt ? <Detail term="Published" value={longDate(record.publishedAt, locale)} /> : null}
        {NL}
        {record.authors.length > 0 ? <Detail term="Authors" value={shortAuthors(record.authors)} /> : null}
        {NL}
        {hasLinks ? <Detail term="Read the original" value={<SourceLinks record={record} />} /> : null}
        {NL}
      </dl>
      {NL}
    </section>
  );
}

function Card({
  item,
  links,
  locale,
}: {
  item: PublishedSummary;
  links: SiteLinks;
  locale?: string | undefined;
}) {
  const date = articleDate(item);
  return (
    <li class="card">
      {NL}
      <h3>
        <a href={links.summary(item.slug)}>{item.summary.headline}</a>
      </h3>
      {NL}
      <p class="meta">
        <time datetime={date}>{shortDate(date, locale)}</time>
      </p>
      {NL}
      <p>{excerpt(item.summary.takeaway)}</p>
      {NL}
      <a href={links.summary(item.slug)} aria-label={`Read more: ${item.summary.headline}`}>
        Read More
      </a>
      {NL}
    </li>
  );
}

/** "You May Also Like" cards; nothing at all when no other summary shares a topic. */
export function RelatedSection(p: {
  items: readonly PublishedSummary[];
  links: SiteLinks;
  locale?: string | undefined;
}) {
  if (p.items.length === 0) return null;
  return (
    <Section id="related" title="You May Also Like">
      <ul class="cards">
        {p.items.map((item) => (
          <Card item={item} links={p.links} locale={p.locale} />
        ))}
      </ul>
    </Section>
  );
}
