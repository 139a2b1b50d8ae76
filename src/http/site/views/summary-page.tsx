/** One published summary as a complete HTML page, laid out like the seed page. */
import { creditLine } from '../../../publish/credit.ts';
import { renderDisclaimer } from '../../../publish/disclaimer.ts';
import { shortDate } from '../../../publish/format.ts';
import { serverLinks } from '../../../publish/links.ts';
import type { PageOptions } from '../../../publish/pages.ts';
import type { PublishedSummary } from '../../../publish/published.ts';
import { DEFAULT_SITE } from '../../../publish/site-identity.ts';
import { renderSiteDocument } from './layout.tsx';
import { scholarHead } from './scholar-head.ts';
import {
  ExtractiveNotice,
  Ratings,
  RelatedSection,
  SourceSection,
  SummarySections,
  TopicsSection,
} from './sections.tsx';

const NL = '\n';

/** "· Updated on May 3, 2026: Corrected Key Takeaway." once a corrected version has replaced the first one. */
function Updated({ item, locale }: { item: PublishedSummary; locale: string }) {
  if (!item.updatedAt) return null;
  return (
    <>
      {' · '}
      <span class="updated">
        Updated on <time datetime={item.updatedAt}>{shortDate(item.updatedAt, locale)}</time>
        {item.correction ? `: ${item.correction}` : null}
      </span>
    </>
  );
}

export function renderSummaryPage(
  item: PublishedSummary,
  related: readonly PublishedSummary[],
  options: PageOptions,
): string {
  const links = options.links ?? serverLinks(options.baseUrl);
  const site = options.site ?? DEFAULT_SITE;
  const s = item.summary;
  const main = (
    <>
      {options.banner ? (
        <p class="notice preview-banner" role="note">
          {options.banner}
        </p>
      ) : null}
      <article>
        {NL}
        <h1>{s.headline}</h1>
        {NL}
        <p class="meta">
          Summary published{' '}
          <time datetime={item.publishedAt}>{shortDate(item.publishedAt, site.locale)}</time>
          <Updated item={item} locale={site.locale} />
          {item.record.journal ? (
            <>
              {' · about an article in '}
              <cite>{item.record.journal}</cite>
            </>
          ) : null}
        </p>
        {NL}
        <p class="credit">{creditLine(item, options.credit, site.locale)}</p>
        {NL}
        <ExtractiveNotice item={item} />
        {NL}
        <Ratings summary={s} />
        {NL}
        <SummarySections summary={s} />
        {NL}
        <TopicsSection summary={s} links={links} />
        {NL}
        <SourceSection record={item.record} locale={site.locale} />
        {NL}
      </article>
      {NL}
      <RelatedSection items={related} links={links} locale={site.locale} />
    </>
  );
  return renderSiteDocument({
    title: `${s.headline} | ${site.name}`,
    description: s.takeaway,
    canonical: links.absolute.summary(item.slug),
    links,
    site,
    disclaimer: renderDisclaimer(options, item.record),
    kind: 'article',
    head: scholarHead(item, links, site.name),
    children: main,
  });
}
