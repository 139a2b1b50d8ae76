/**
 * A published summary as public JSON (the export's data/<slug>.json): what a
 * reader's page shows and nothing internal — no provider or model, no checks,
 * no reviewer notes, no full text, and the reviewer's name only where
 * PAGE_CREDIT_NAMES allows it.
 */
import { type CreditWording, creditLine, DEFAULT_CREDIT } from './credit.ts';
import { isoDateTime } from './format.ts';
import { articleUrl, type SiteLinks } from './links.ts';
import type { PublishedSummary } from './published.ts';

export interface PublicSummary {
  /** The paper's id, its page's slug, and the published (approved) version: stable keys for a CMS. */
  id: string;
  slug: string;
  version: number;
  url: string;
  headline: string;
  keyTakeaway: string;
  whatTheyFound: string;
  whoShouldCare: string;
  importantConsiderations: string[];
  topics: string[];
  credibility: { score: number; rationale: string };
  interest: { score: number; rationale: string };
  publishedAt: string;
  updatedAt: string | null;
  /** 'ai-assisted' or 'from-abstract'; in words in `credit`. */
  madeWith: 'ai-assisted' | 'from-abstract';
  checkedByAPersonOn: string;
  checkedBy?: string;
  credit: string;
  source: {
    title: string;
    journal: string | null;
    publishedAt: string | null;
    authors: string[];
    doi: string | null;
    pmid: string | null;
    url: string | null;
  };
}

export function publicSummary(
  item: PublishedSummary,
  links: SiteLinks,
  credit: CreditWording = DEFAULT_CREDIT,
): PublicSummary {
  const s = item.summary;
  const r = item.record;
  return {
    id: item.id,
    slug: item.slug,
    version: item.version,
    url: links.absolute.summary(item.slug),
    headline: s.headline,
    keyTakeaway: s.takeaway,
    whatTheyFound: s.findings,
    whoShouldCare: s.audience,
    importantConsiderations: [...s.caveats],
    topics: [...s.topics],
    credibility: { ...s.ratings.credibility },
    interest: { ...s.ratings.interest },
    publishedAt: isoDateTime(item.publishedAt),
    updatedAt: item.updatedAt ? isoDateTime(item.updatedAt) : null,
    madeWith: item.provider === 'extractive' ? 'from-abstract' : 'ai-assisted',
    checkedByAPersonOn: isoDateTime(item.checkedAt),
    ...(credit.names && item.checkedBy ? { checkedBy: item.checkedBy } : {}),
    credit: creditLine(item, credit),
    source: {
      title: r.title,
      journal: r.journal,
      publishedAt: r.publishedAt,
      authors: [...r.authors],
      doi: r.ids.doi ?? null,
      pmid: r.ids.pmid ?? null,
      url: articleUrl(r.ids, r.sourceUrl),
    },
  };
}
