/** The public site's pages as the publish layer asks for them (../../../publish/pages.ts). */
import type { SitePages } from '../../../publish/pages.ts';
import { renderFeedItem } from './feed-item.tsx';
import { renderIndex } from './index-page.tsx';
import { renderSummaryPage } from './summary-page.tsx';

export const sitePages: SitePages = {
  summary: renderSummaryPage,
  index: renderIndex,
  feedItem: renderFeedItem,
};
