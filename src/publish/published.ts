/**
 * What the public site works from: each live paper's published version (the
 * one a person approved, never a later edit) and its source record, under the
 * slug it got at first publication. The slug ends with the paper id, so a URL
 * leads back to the paper without any slug index.
 */
import { z } from 'zod';
import { Provenance } from '../domain/draft.ts';
import { type Paper, PaperRecord } from '../domain/paper.ts';
import type { Papers } from '../domain/ports/papers.ts';
import { isLive } from '../domain/publication.ts';
import { LaySummary } from '../domain/summary.ts';
import { slugify } from '../text/slug.ts';
import { correctionLine } from './correction.ts';

export const PublishedSummary = z.object({
  id: z.string(),
  slug: z.string(),
  summary: LaySummary,
  record: PaperRecord,
  /** When the summary was first published (ISO date-time). */
  publishedAt: z.string(),
  /** When a corrected version replaced the first one; null until then. */
  updatedAt: z.string().nullable(),
  /** What the last correction changed, in one line ("Corrected Key Takeaway."); null when none is known. */
  correction: z.string().nullable().optional(),
  /** When a person approved the published version, and who (shown only where configured). */
  checkedAt: z.string(),
  checkedBy: z.string(),
  /** The draft version that is published. */
  version: z.number().int().positive(),
  /** Who wrote the published text; pages flag text extracted without a model. */
  provider: Provenance.shape.provider,
  /** A person edited the text after the provider wrote it (the extraction notice then no longer applies). */
  rewritten: z.boolean().default(false),
});
export type PublishedSummary = z.infer<typeof PublishedSummary>;

/** Text the offline provider extracted and no person rewrote. */
export const isRawExtract = (item: Pick<PublishedSummary, 'provider' | 'rewritten'>) =>
  item.provider === 'extractive' && !item.rewritten;

const MAX_SLUG_WORDS = 8;
const PAGE = 500;
/** Slug words (see ../text/slug.ts), then the id; nothing that could leave a folder or a URL path segment. */
const ID_AT_END = /^(?:[\p{L}\p{M}\p{N}]+-)*(p[0-9a-f]{12})$/u;

/** `bone-strength-not-vitamin-d-drives-fracture-risk-p0123456789ab`: headline words, then the id. */
export function slugFor(id: string, headline: string): string {
  const words = slugify(headline, { maxWords: MAX_SLUG_WORDS });
  return words ? `${words}-${id}` : id;
}

/** The paper id at the end of a slug (or a bare id), or null when the slug is not one of ours. */
export function idFromSlug(slug: string): string | null {
  if (slug.length > 200) return null;
  return ID_AT_END.exec(slug)?.[1] ?? null;
}

/** One live paper as the public sees it: its publication's version, never a later edit. */
export async function publishedItem(store: Papers, paper: Paper): Promise<PublishedSummary | null> {
  const pub = paper.publication;
  if (!isLive(pub) || !paper.record) return null;
  const draft = await store.draftVersion(paper.id, pub.version);
  if (!draft) return null;
  const previous = pub.replaced ? await store.draftVersion(paper.id, pub.replaced) : null;
  return {
    id: paper.id,
    slug: pub.slug,
    summary: draft.summary,
    record: paper.record,
    publishedAt: pub.firstPublishedAt,
    updatedAt: pub.publishedAt === pub.firstPublishedAt ? null : pub.publishedAt,
    correction: previous ? correctionLine(previous.summary, draft.summary) : null,
    checkedAt: pub.approvedAt || pub.publishedAt,
    checkedBy: pub.approvedBy,
    version: pub.version,
    provider: draft.provenance.provider,
    rewritten: draft.author !== 'ai' && draft.author !== 'extractive',
  };
}

/** Every live summary, newest first (by first publication). */
export async function loadPublished(store: Papers): Promise<PublishedSummary[]> {
  const items: PublishedSummary[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const ids = await store.publicSite.ids(offset, PAGE);
    const papers = await Promise.all(ids.map((id) => store.get(id)));
    const loaded = await Promise.all(
      papers.map((paper) => (paper ? publishedItem(store, paper) : Promise.resolve(null))),
    );
    items.push(...loaded.filter((item) => item !== null));
    if (ids.length < PAGE) break;
  }
  return sortNewestFirst(items);
}

export function sortNewestFirst<T extends Pick<PublishedSummary, 'publishedAt' | 'id'>>(
  items: readonly T[],
): T[] {
  return [...items].sort((a, b) => compareNewestFirst(a, b));
}

/** Newer publication first; the id settles ties so the order never depends on input order. */
export function compareNewestFirst(
  a: Pick<PublishedSummary, 'publishedAt' | 'id'>,
  b: Pick<PublishedSummary, 'publishedAt' | 'id'>,
): number {
  const byTime = Date.parse(b.publishedAt) - Date.parse(a.publishedAt);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
