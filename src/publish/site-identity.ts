/**
 * Who the public site says it is. The pages themselves are hono/jsx views
 * (src/http/site/views/layout.tsx renders the document around each one).
 */

/** The publisher's own words on every page (SITE_NAME, SITE_ABOUT, SITE_LOCALE). */
export interface SiteIdentity {
  name: string;
  /** A short "about these summaries" explainer, above the disclaimer; none when not set. */
  about: string | null;
  /** Dates follow it (Intl.DateTimeFormat): en-US, en-GB, de-DE... */
  locale: string;
}

export const DEFAULT_SITE: SiteIdentity = { name: 'LaySum', about: null, locale: 'en-US' };

/** The site's share image (./og-image.ts), the same address live and exported. */
export const OG_IMAGE_FILE = 'og-image.png';
