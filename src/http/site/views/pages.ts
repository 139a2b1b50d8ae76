/** The public site's pages as the publish layer asks for them (../../../publish/pages.ts). */
import type { SitePages } from '../../../publish/pages.ts';
import { renderSummaryPage } from './summary-page.tsx';

export const sitePages: SitePages = {
  summary: renderSummaryPage,
};
