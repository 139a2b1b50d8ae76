/** The short plain pages the public site answers with when there is no summary to show. */
import { shortDate } from '../../../publish/format.ts';
import { serverLinks } from '../../../publish/links.ts';
import { DEFAULT_SITE, type SiteIdentity } from '../../../publish/site-identity.ts';
import { renderSiteDocument } from './layout.tsx';

interface NoticeOptions {
  baseUrl: string;
  disclaimer: string;
  site?: SiteIdentity;
}

function notice(options: NoticeOptions, title: string, text: string): string {
  const links = serverLinks(options.baseUrl);
  const site = options.site ?? DEFAULT_SITE;
  return renderSiteDocument({
    title: `${title} | ${site.name}`,
    description: text,
    canonical: links.absolute.home,
    links,
    site,
    disclaimer: options.disclaimer,
    kind: 'website',
    children: (
      <>
        <h1>{title}</h1>
        <p>
          {text} <a href={links.home}>See all summaries</a>.
        </p>
      </>
    ),
  });
}

export function notFoundPage(options: NoticeOptions): string {
  return notice(options, 'Not found', 'No published summary at this address.');
}

/**
 * For a page an editor took down (410 Gone): when, and the reason the editor
 * gave for withdrawing it (written for `unpublish --reason`, which says it is
 * shown to readers).
 */
export function withdrawnPage(options: NoticeOptions, at: string, reason: string | null = null): string {
  const when = shortDate(at, (options.site ?? DEFAULT_SITE).locale);
  const why = reason?.trim() ? ` Reason given by the editors: ${reason.trim().replace(/[.\s]+$/, '')}.` : '';
  return notice(
    options,
    'Summary withdrawn',
    `This summary was withdrawn by the editors on ${when} and is no longer available.${why}`,
  );
}
