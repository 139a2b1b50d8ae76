/**
 * The review queue as both the API and the desk show it: one page of papers,
 * newest first unless asked otherwise, filtered by state, topic, check result,
 * provider, model, submitter and creation date, searched over title, journal,
 * headline, topics, PMID, DOI and id, with counts per state and the decisions
 * each reviewer made today. Everything is answered from the Redis index
 * (../store/search-index.ts), so a page costs the same with 50 or 50,000 papers.
 */

import type { Papers } from '../domain/ports/papers.ts';
import { PaperState } from '../domain/state.ts';
import { InputError } from '../errors/input-error.ts';
import { normalizeDoi } from '../sources/doi.ts';
import { CHECK_RESULTS, type CheckFilter, SORTS, type SortField } from '../store/search-index.ts';
import { searchTokens } from '../text/search-tokens.ts';
import { dayEnd, dayStart, parseDay } from './days.ts';
import { decisionsToday, type ReviewerToday } from './today.ts';
import { type PaperRow, resolvePaperId as resolveId, rowsFor } from './view.ts';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface DraftFilter {
  state?: PaperState | undefined;
  topic?: string | undefined;
  q?: string | undefined;
  check?: CheckFilter | undefined;
  provider?: string | undefined;
  model?: string | undefined;
  submitter?: string | undefined;
  /** Created on or after this day (YYYY-MM-DD, UTC). */
  from?: string | undefined;
  /** Created on or before this day (YYYY-MM-DD, UTC). */
  to?: string | undefined;
  sort: SortField;
  order: 'asc' | 'desc';
  /** 1-based. */
  page: number;
  limit: number;
}

export interface DraftList {
  drafts: PaperRow[];
  /** Papers matching the filters, over all pages. */
  total: number;
  /** `total` is an estimate: very many papers match a combination the index does not count (PostgreSQL). */
  totalApproximate: boolean;
  page: number;
  limit: number;
  pages: number;
  counts: Record<PaperState, number>;
  /** Values for the filter menus, most common first. */
  topics: string[];
  providers: string[];
  models: string[];
  submitters: string[];
  /** Approvals, rejections, change requests and publications per person since midnight (UTC). */
  today: ReviewerToday[];
}

/** A state name as a user typed it; an unknown one is an InputError listing the states. */
export function parseState(state: string | undefined): PaperState | undefined {
  if (state === undefined) return undefined;
  const parsed = PaperState.safeParse(state);
  if (!parsed.success)
    throw new InputError(`Unknown state "${state}".`, {
      hint: `Use one of: ${PaperState.options.join(', ')}.`,
    });
  return parsed.data;
}

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`Unknown ${name} "${value}".`, { hint: `Use one of: ${allowed.join(', ')}.` });
}

function positive(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InputError(`The ${name} "${value}" is not a whole number from 1.`, {
      hint:
        name === 'page'
          ? 'Use page 1 for the first page, 2 for the next, and so on.'
          : `Use a whole number from 1 to ${max}.`,
    });
  return Math.min(n, max);
}

/** `page` (1-based) and `limit` from query parameters; a bad one is a 400 saying what to use. */
export function parsePage(query: Record<string, string | undefined>): { page: number; limit: number } {
  const q = (name: string) => query[name]?.trim() || undefined;
  return {
    page: positive('page', q('page'), 1, 1_000_000),
    limit: positive('limit', q('limit'), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
  };
}

/** Read the filters, sort and page from query parameters; a bad value is a 400 saying what to use. */
export function parseFilter(query: Record<string, string | undefined>): DraftFilter {
  const blank = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const q = (name: string) => blank(query[name]);
  return {
    state: parseState(q('state')),
    topic: q('topic'),
    q: q('q'),
    check: oneOf('check result', q('check'), CHECK_RESULTS),
    provider: q('provider'),
    model: q('model'),
    submitter: q('submitter'),
    from: parseDay('from', q('from')),
    to: parseDay('to', q('to')),
    sort: oneOf('sort', q('sort'), SORTS) ?? 'age',
    order: oneOf('order', q('order'), ['asc', 'desc'] as const) ?? 'desc',
    ...parsePage(query),
  };
}

/** What a search string must match: a DOI or a PMID as one token, otherwise every word. */
export function queryTokens(q: string | undefined): string[] {
  if (!q) return [];
  const doi = /10\.\d{4,9}\//.test(q) ? normalizeDoi(q) : null;
  return doi ? [doi] : searchTokens(q);
}

/** Build the index once if this Redis has none yet (papers written before it existed). */
export async function ensureIndex(store: Papers): Promise<void> {
  if (await store.indexReady()) return;
  const PAGE = 500;
  for (let offset = 0; ; offset += PAGE) {
    const ids = await store.ids(undefined, PAGE, offset);
    await Promise.all(ids.map((id) => store.reindex(id, true)));
    if (ids.length < PAGE) break;
  }
  await store.index.markBuilt();
}

export async function findDrafts(store: Papers, filter: DraftFilter): Promise<DraftList> {
  await ensureIndex(store);
  const page = await store.index.query({
    ...filter,
    tokens: queryTokens(filter.q),
    from: dayStart(filter.from),
    to: dayEnd(filter.to),
    offset: (filter.page - 1) * filter.limit,
  });
  const [drafts, countList, topics, providers, models, submitters, today] = await Promise.all([
    rowsFor(store, page.ids),
    Promise.all(PaperState.options.map(async (s) => [s, await store.count(s)] as const)),
    store.index.facet('topic'),
    store.index.facet('provider'),
    store.index.facet('model'),
    store.index.facet('submitter'),
    decisionsToday(store),
  ]);
  return {
    drafts,
    total: page.total,
    totalApproximate: page.approximate ?? false,
    page: filter.page,
    limit: filter.limit,
    pages: Math.max(1, Math.ceil(page.total / filter.limit)),
    counts: Object.fromEntries(countList) as Record<PaperState, number>,
    topics,
    providers,
    models,
    submitters,
    today,
  };
}

/** A paper id, following a duplicate merged at ingest to the paper that stayed. */
export function resolvePaperId(store: Papers, id: string): Promise<string> {
  return resolveId(store, id, 'Check the id; the review queue lists known papers.');
}
