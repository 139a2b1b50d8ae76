/**
 * YAML front matter for the exported Markdown (data/<slug>.md), the fields
 * static site generators read: Hugo (`title`, `date`, `lastmod`, `slug`,
 * `url`), Jekyll, Eleventy and Astro (`title`, `date`, any others as data).
 * Every value is written as a JSON string, number or list, which is valid
 * YAML, so a headline with a colon or quotes cannot break the block; `<`,
 * `>` and `&` are \u escapes (YAML reads them back), so no markup is in it.
 */
import { isoDateTime } from './format.ts';
import { safeJson } from './json.ts';
import type { SiteLinks } from './links.ts';
import type { PublishedSummary } from './published.ts';

type Value = string | number | readonly string[] | null;

export function frontMatter(item: PublishedSummary, links: SiteLinks): string {
  const updated = item.updatedAt ? isoDateTime(item.updatedAt) : null;
  const fields: Array<[string, Value]> = [
    ['title', item.summary.headline],
    ['description', item.summary.takeaway],
    ['date', isoDateTime(item.publishedAt)],
    ['updated', updated],
    // Hugo's name for the date of the last change.
    ['lastmod', updated ?? isoDateTime(item.publishedAt)],
    ['slug', item.slug],
    ['url', new URL(links.absolute.summary(item.slug)).pathname],
    ['canonical', links.absolute.summary(item.slug)],
    ['id', item.id],
    ['version', item.version],
    ['doi', item.record.ids.doi ?? null],
    ['pmid', item.record.ids.pmid ?? null],
    ['topics', item.summary.topics],
    ['tags', item.summary.topics],
  ];
  const lines = fields.map(([key, value]) => `${key}: ${safeJson(value, 0)}`);
  return ['---', ...lines, '---', ''].join('\n');
}
