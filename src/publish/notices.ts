/** The short plain pages the public site answers with when there is no summary to show. */
import { shortDate } from './format.ts';
import { html } from './html.ts';
import { DEFAULT_SITE_NAME, renderDocument } from './layout.ts';
import { serverLinks } from './links.ts';

interface NoticeOptions {
  baseUrl: string;
  disclaimer: string;
}

function notice(options: NoticeOptions, title: string, text: string): string {
  const links = serverLinks(options.baseUrl);
  return renderDocument({
    title: `${title} | ${DEFAULT_SITE_NAME}`,
    description: text,
    canonical: links.absolute.home,
    links,
    siteName: DEFAULT_SITE_NAME,
    disclaimer: options.disclaimer,
    kind: 'website',
    main: html`<h1>${title}</h1><p>${text} <a href="${links.home}">See all summaries</a>.</p>`,
  });
}

export function notFoundPage(options: NoticeOptions): string {
  return notice(options, 'Not found', 'No published summary at this address.');
}

/** For a page an editor took down (410 Gone): when, never the internal reason. */
export function withdrawnPage(options: NoticeOptions, at: string): string {
  return notice(
    options,
    'Summary withdrawn',
    `This summary was withdrawn by the editors on ${shortDate(at)} and is no longer available.`,
  );
}
