/**
 * The desk views the search benchmark times (./desk-search.ts), the same
 * against either index, and how they are timed: each view `rounds` times with
 * a different paper, topic or page where it has one, one at a time.
 */
import { FACETS, type IndexQuery, type SearchIndex } from '../src/domain/ports/search-index.ts';
import { searchTokens } from '../src/text/search-tokens.ts';
import { quantile } from './load.ts';
import { TOPICS } from './seed.ts';

const PAGE = 50;
const base = { state: 'pending_review', sort: 'age', order: 'desc', offset: 0, limit: PAGE } as const;

export interface DeskView {
  name: string;
  query(round: number): IndexQuery;
}

/** The views, for an index of `papers` papers (paper numbers as in ./seed.ts). */
export function deskViews(papers: number): DeskView[] {
  const paper = (round: number) => (round * 7919) % papers;
  const topic = (round: number) => TOPICS[round % TOPICS.length] ?? 'sleep';
  return [
    { name: 'desk first page (pending review, newest first)', query: () => base },
    {
      name: 'word search, one match (seed<i>)',
      query: (r) => ({ ...base, state: undefined, tokens: [`seed${paper(r)}`] }),
    },
    {
      name: 'word search, a topic (3/8 of pending)',
      query: (r) => ({ ...base, tokens: searchTokens(topic(r)) }),
    },
    {
      name: 'filter + sort (pending, topic, by grade)',
      query: (r) => ({ ...base, topic: topic(r), sort: 'grade' }),
    },
    {
      name: 'filter + sort (pending, topic, failed checks, by credibility)',
      query: (r) => ({
        ...base,
        topic: topic(r),
        check: 'fail',
        sort: 'credibility',
        order: r % 2 ? 'asc' : 'desc',
      }),
    },
    { name: 'page 1,000 (pending, by grade)', query: () => ({ ...base, sort: 'grade', offset: 999 * PAGE }) },
    { name: 'page 1,000 (pending, newest first)', query: () => ({ ...base, offset: 999 * PAGE }) },
  ];
}

export interface Timing {
  name: string;
  p50: number;
  p99: number;
  max: number;
  total: number;
  approximate: boolean;
}

/** `call(round)` `rounds` times, after one untimed call; ms. */
export async function timeCalls(
  name: string,
  call: (round: number) => Promise<{ total: number; approximate?: boolean | undefined }>,
  rounds: number,
): Promise<Timing> {
  let last = await call(rounds);
  const ms: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    last = await call(r);
    ms.push(performance.now() - t0);
  }
  const [p50, p99, max] = [quantile(ms, 0.5), quantile(ms, 0.99), Math.max(...ms)];
  return { name, p50, p99, max, total: last.total, approximate: last.approximate ?? false };
}

/** Each view `rounds` times through the index. */
export async function timeViews(index: SearchIndex, views: DeskView[], rounds: number): Promise<Timing[]> {
  const out: Timing[] = [];
  for (const view of views) out.push(await timeCalls(view.name, (r) => index.query(view.query(r)), rounds));
  return out;
}

/** The four filter menus the desk shows beside every page. */
export function timeFacets(index: SearchIndex, rounds: number): Promise<Timing> {
  const menus = async () => ({ total: (await Promise.all(FACETS.map((f) => index.facet(f)))).flat().length });
  return timeCalls('the four filter menus (facets), values in all', menus, rounds);
}

export function printTimings(label: string, timings: Timing[]): void {
  for (const t of timings)
    console.log(
      `  ${label} ${t.name}: p50 ${t.p50.toFixed(1)} ms, p99 ${t.p99.toFixed(1)} ms, max ${t.max.toFixed(1)} ms (total ${t.approximate ? 'about ' : ''}${t.total}; target p99 < 100 ms)`,
    );
}
