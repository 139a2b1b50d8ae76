/**
 * The review queue as both the API and the desk show it: pending drafts
 * first, filtered by state, topic and a search over headline, title and id,
 * with a count per state.
 */
import { PaperState } from '../domain/state.ts';
import { InputError } from '../errors/input-error.ts';
import type { PaperStore } from '../store/papers.ts';
import { type PaperRow, paperRows, resolvePaperId as resolveId, reviewOrder } from './view.ts';

export interface DraftFilter {
  state?: PaperState | undefined;
  topic?: string | undefined;
  q?: string | undefined;
}

export interface DraftList {
  drafts: PaperRow[];
  counts: Record<PaperState, number>;
  /** Every topic on the listed state's drafts, for the filter menu. */
  topics: string[];
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

/** Read `state`, `topic` and `q` from query parameters; an unknown state is a 400. */
export function parseFilter(query: Record<string, string | undefined>): DraftFilter {
  const blank = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  return { state: parseState(blank(query.state)), topic: blank(query.topic), q: blank(query.q) };
}

const norm = (s: string) => s.trim().toLowerCase();

function matches(row: PaperRow, filter: DraftFilter): boolean {
  if (filter.topic && !row.topics.some((t) => norm(t) === norm(filter.topic ?? ''))) return false;
  if (!filter.q) return true;
  const q = norm(filter.q);
  return [row.id, row.title, row.headline ?? '', row.journal ?? '', ...row.topics].some((field) =>
    norm(field).includes(q),
  );
}

export async function findDrafts(store: PaperStore, filter: DraftFilter): Promise<DraftList> {
  const [rows, countList] = await Promise.all([
    paperRows(store, filter.state),
    Promise.all(PaperState.options.map(async (s) => [s, await store.count(s)] as const)),
  ]);
  const topics = [...new Set(rows.flatMap((r) => r.topics.map(norm)))].sort();
  const drafts = reviewOrder(rows.filter((r) => matches(r, filter)));
  return { drafts, counts: Object.fromEntries(countList) as Record<PaperState, number>, topics };
}

/** A paper id, following a duplicate merged at ingest to the paper that stayed. */
export function resolvePaperId(store: PaperStore, id: string): Promise<string> {
  return resolveId(store, id, 'Check the id; the review queue lists known papers.');
}
