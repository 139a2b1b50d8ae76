/**
 * The review queue's index in Redis, so a page of the queue reads only the
 * papers it shows, however many there are. Each paper is kept in sets per
 * search token (words of its title, journal, headline and topics, its PMID,
 * DOI and id) and per filter value (topic, check result, provider, model,
 * submitter), and in sorted sets per sort (reading grade, checks, credibility);
 * creation time and state come from the store's own sorted sets. The store
 * re-indexes a paper whenever its record or drafts change (./papers.ts);
 * `rebuild` indexes everything again (run once when the index is missing).
 */
import type { Draft } from '../domain/draft.ts';
import type { Facet, IndexQuery, SearchIndex as SearchIndexPort } from '../domain/ports/search-index.ts';
import type { StoreRedis } from './commands.ts';
import { facetValue, type IndexedPaper, indexEntry } from './index-entry.ts';
import type { Keys } from './keys.ts';

export {
  CHECK_RESULTS,
  type CheckFilter,
  FACETS,
  type Facet,
  SORTS,
  type SortField,
} from '../domain/ports/search-index.ts';

/** Bump when the memo's shape or the tokenizer changes: the index is then rebuilt once. */
const INDEX_VERSION = '1';

export type { IndexQuery } from '../domain/ports/search-index.ts';

/** What a paper is indexed under: key suffixes under `keys.index('')`. */
interface Memo {
  sets: string[];
  scores: Record<string, number>;
  /** [`facet:<field>`, value]: the value's count in that facet goes up by one. */
  facets: [`facet:${Facet}`, string][];
}

/** Everything a paper is indexed under, from its current record and latest draft. */
export function memoFor(paper: IndexedPaper, draft: Draft | null): Memo {
  const e = indexEntry(paper, draft);
  const facets: Memo['facets'] = [['facet:submitter', e.submitter]];
  const sets = [...e.tokens.map((t) => `tok:${t}`), `submitter:${e.submitter}`];
  const scores: Record<string, number> = {};
  if (!draft) sets.push('check:none');
  else {
    facets.push(...e.topics.map((t): Memo['facets'][number] => ['facet:topic', t]));
    facets.push(['facet:provider', e.provider ?? ''], ['facet:model', e.model ?? '']);
    sets.push(
      ...e.topics.map((t) => `topic:${t}`),
      `check:${e.check}`,
      `provider:${e.provider ?? ''}`,
      `model:${e.model ?? ''}`,
    );
    scores['sort:grade'] = e.grade;
    scores['sort:checks'] = e.checks;
    scores['sort:credibility'] = e.credibility;
  }
  return { sets, scores, facets };
}

export class SearchIndex implements SearchIndexPort {
  private checked = false;
  constructor(
    private readonly redis: StoreRedis,
    private readonly keys: Keys,
  ) {}

  /** The key prefix, memo and memo key a store script takes to index the paper in the same round trip. */
  memo(paper: IndexedPaper, draft: Draft | null): [prefix: string, memo: string, memoKey: string] {
    return [this.keys.index(''), JSON.stringify(memoFor(paper, draft)), this.memoKey(paper.id)];
  }

  private memoKey(id: string): string {
    return this.keys.index(`memo:${id}`);
  }

  /** Index a paper; `full` rewrites every membership (a rebuild), otherwise only what changed is written. */
  async put(paper: IndexedPaper, draft: Draft | null, full = false): Promise<void> {
    const [prefix, memo, memoKey] = this.memo(paper, draft);
    await this.redis.laysumIndexPaper(memoKey, prefix, paper.id, memo, full ? '1' : '');
  }

  async remove(id: string): Promise<void> {
    await this.redis.laysumIndexPaper(this.memoKey(id), this.keys.index(''), id, '', '');
  }

  /** One page of ids matching the query, with how many match in all. */
  async query(q: IndexQuery): Promise<{ total: number; ids: string[] }> {
    const k = this.keys;
    const filters = [
      q.state ? k.state(q.state) : null,
      q.topic ? k.index(`topic:${facetValue(q.topic)}`) : null,
      q.check ? k.index(`check:${q.check}`) : null,
      q.provider ? k.index(`provider:${q.provider}`) : null,
      q.model ? k.index(`model:${q.model}`) : null,
      q.submitter ? k.index(`submitter:${q.submitter}`) : null,
      ...(q.tokens ?? []).map((t) => k.index(`tok:${t}`)),
    ].filter((f): f is string => f !== null);
    const scratch = `${k.index('tmp:')}${process.pid}:${Math.random().toString(36).slice(2)}`;
    const [total, ...ids] = await this.redis.laysumQueryIndex(
      ...[scratch, `${scratch}:2`, k.papersByTime],
      ...[filters.length, ...filters],
      ...[q.from ?? '-inf', q.to ?? '+inf', q.sort === 'age' ? '' : k.index(`sort:${q.sort}`), q.order],
      ...[q.offset, q.limit],
    );
    return { total, ids };
  }

  /** The values of a filter, most common first (the filter menus). */
  async facet(field: Facet, limit = 200): Promise<string[]> {
    return this.redis.zrange(this.keys.index(`facet:${field}`), 0, limit - 1, 'REV');
  }

  /** Whether the index was built for this version; checked once per process and store. */
  async isBuilt(): Promise<boolean> {
    if (this.checked) return true;
    this.checked = (await this.redis.get(this.keys.index('version'))) === INDEX_VERSION;
    return this.checked;
  }

  /** Mark the index complete for this version (after `rebuild` has put every paper). */
  async markBuilt(): Promise<void> {
    await this.redis.set(this.keys.index('version'), INDEX_VERSION);
    this.checked = true;
  }
}
