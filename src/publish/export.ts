/**
 * The static site: every published summary as files a static host (or a
 * browser opening them from disk) can serve as they are.
 *
 *   index.html                 all summaries, newest first, and every topic
 *   s/<slug>.html              one page per summary
 *   topics/<topic>.html        the summaries on one topic
 *   feed.json, feed.xml        JSON Feed 1.1 and RSS 2.0
 *   data/<slug>.json, .md      the public JSON (./public-json.ts) and Markdown with front matter
 *   sitemap.xml, robots.txt    for search engines, with the live site's URLs
 *   og-image.png               the share image the pages' og:image names
 *
 * Pages link to each other relatively (`s/x.html`, `../topics/y.html`), so they
 * work from disk; their canonical URLs, feed ids and sitemap are the live
 * site's (`/s/<slug>`), which static hosts serve from `s/<slug>.html`. Files of summaries no longer published are
 * removed by the next export into the same directory (it keeps a manifest,
 * .laysum-export.json, of what it wrote).
 */
import { constants } from 'node:fs';
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InputError } from '../errors/input-error.ts';
import type { CreditWording } from './credit.ts';
import { jsonFeed, rssFeed } from './feeds.ts';
import { frontMatter } from './front-matter.ts';
import { safeJson } from './json.ts';
import { staticLinks } from './links.ts';
import { toMarkdown } from './markdown.ts';
import { ogImagePng } from './og-image.ts';
import type { SitePages } from './pages.ts';
import { publicSummary } from './public-json.ts';
import { type PublishedSummary, sortNewestFirst } from './published.ts';
import { RelatedIndex } from './related.ts';
import { DEFAULT_SITE, OG_IMAGE_FILE, type SiteIdentity } from './site-identity.ts';
import { ROBOTS_FILE, robotsTxt, SITEMAP_FILE, sitemapXml } from './sitemap.ts';
import { topicCounts, topicFileName } from './topics.ts';

export interface ExportOptions {
  disclaimer: string;
  baseUrl: string;
  site?: SiteIdentity;
  credit?: CreditWording;
  /** Renders the HTML pages (src/http/site/views/pages.ts): publish itself knows no web framework. */
  pages: SitePages;
}

export interface ExportResult {
  files: number;
  /** Written paths relative to the export directory, '/'-separated. */
  paths: string[];
  /** Files of an earlier export that this one no longer has (withdrawn summaries, emptied topics): deleted. */
  removed: string[];
}

/** The list of files the last export wrote, so the next one can remove what is no longer published. */
export const MANIFEST = '.laysum-export.json';

function writeError(dir: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const why = code ?? (err instanceof Error ? err.message : String(err));
  return new InputError(`Cannot write the site to ${dir} (${why}).`, {
    hint: 'Choose a directory you can write to with --out DIR, or fix its permissions.',
    cause: err,
  });
}

/** Create `dir` if needed and make sure it can be written, before any slow work. */
export async function ensureWritableDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (err) {
    throw writeError(dir, err);
  }
}

/** Letters, digits and hyphens (../text/slug.ts): no dot, slash or other path syntax. */
const SAFE_SLUG = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}-]{0,199}$/u;

/** Slugs become file names: one from anywhere but slugFor() must not reach outside the export directory. */
function assertSafeSlug(item: PublishedSummary): void {
  if (!SAFE_SLUG.test(item.slug)) {
    throw new InputError(`Summary ${item.id} has the slug "${item.slug}", which is not a safe file name.`, {
      hint: 'Build slugs with slugFor(id, headline).',
    });
  }
}

/** Every file of the site, by relative path. Pure: no I/O. */
export function siteFiles(
  items: readonly PublishedSummary[],
  options: ExportOptions,
): Map<string, string | Uint8Array> {
  const sorted = sortNewestFirst(items);
  const site = options.site ?? DEFAULT_SITE;
  const siteName = site.name;
  const page = { disclaimer: options.disclaimer, baseUrl: options.baseUrl, site, credit: options.credit };
  const atRoot = staticLinks(options.baseUrl, 0);
  const inFolder = staticLinks(options.baseUrl, 1);
  const files = new Map<string, string | Uint8Array>();
  for (const item of sorted) assertSafeSlug(item);
  files.set('index.html', options.pages.index(sorted, { ...page, links: atRoot }));
  for (const { topic } of topicCounts(sorted)) {
    files.set(
      `topics/${topicFileName(topic)}.html`,
      options.pages.index(sorted, { ...page, topic, links: inFolder }),
    );
  }
  const relatedIndex = new RelatedIndex(sorted);
  for (const item of sorted) {
    files.set(
      `s/${item.slug}.html`,
      options.pages.summary(item, relatedIndex.related(item), { ...page, links: inFolder }),
    );
    files.set(`data/${item.slug}.json`, `${safeJson(publicSummary(item, atRoot, options.credit))}\n`);
    const md = toMarkdown(item, options.disclaimer, options.credit);
    files.set(`data/${item.slug}.md`, `${frontMatter(item, atRoot)}${md}`);
  }
  files.set(
    'feed.json',
    `${safeJson(jsonFeed(sorted, options.baseUrl, siteName, options.pages.feedItem, atRoot))}\n`,
  );
  files.set('feed.xml', rssFeed(sorted, options.baseUrl, siteName, options.pages.feedItem, atRoot));
  files.set(SITEMAP_FILE, sitemapXml(sorted, atRoot));
  files.set(ROBOTS_FILE, robotsTxt(atRoot));
  files.set(OG_IMAGE_FILE, ogImagePng());
  return files;
}

export async function exportSite(
  items: readonly PublishedSummary[],
  dir: string,
  options: ExportOptions,
): Promise<ExportResult> {
  await ensureWritableDir(dir);
  const files = siteFiles(items, options);
  const previous = await readManifest(dir);
  const removed = previous.filter((path) => !files.has(path));
  try {
    for (const [path, content] of files) {
      const target = join(dir, ...path.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
    }
    for (const path of removed) await rm(join(dir, ...path.split('/')), { force: true });
    await writeFile(join(dir, MANIFEST), `${JSON.stringify({ files: [...files.keys()] }, null, 2)}\n`);
  } catch (err) {
    throw writeError(dir, err);
  }
  return { files: files.size, paths: [...files.keys()], removed };
}

/** Paths the last export wrote; only plain relative paths are trusted (nothing outside `dir`). */
async function readManifest(dir: string): Promise<string[]> {
  let raw: string;
  try {
    raw = await readFile(join(dir, MANIFEST), 'utf8');
  } catch {
    return [];
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    const list = parsed && typeof parsed === 'object' && 'files' in parsed ? parsed.files : [];
    return Array.isArray(list)
      ? list.filter(
          (p): p is string =>
            typeof p === 'string' && /^[\p{L}\p{M}\p{N}._/-]+$/u.test(p) && !p.split('/').includes('..'),
        )
      : [];
  } catch {
    return [];
  }
}
