/** The search index port: the review queue's filters, sorts and facets, answered without reading every paper. */
import type { PaperState } from '../state.ts';

export const SORTS = ['age', 'grade', 'checks', 'credibility'] as const;
export type SortField = (typeof SORTS)[number];
export const CHECK_RESULTS = ['pass', 'warn', 'fail', 'none'] as const;
export type CheckFilter = (typeof CHECK_RESULTS)[number];
export const FACETS = ['topic', 'provider', 'model', 'submitter'] as const;
export type Facet = (typeof FACETS)[number];

export interface IndexQuery {
  state?: PaperState | undefined;
  topic?: string | undefined;
  check?: CheckFilter | undefined;
  provider?: string | undefined;
  model?: string | undefined;
  submitter?: string | undefined;
  /** Search tokens, all of which must match (see ../../text/search-tokens.ts). */
  tokens?: readonly string[] | undefined;
  /** Creation time range, ms, inclusive. */
  from?: number | undefined;
  to?: number | undefined;
  sort: SortField;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface IndexPage {
  ids: string[];
  /** How many match in all. */
  total: number;
  /** The total is an estimate (a broad search or filter over very many papers); absent: exact. */
  approximate?: boolean | undefined;
}

export interface SearchIndex {
  /** One page of matching paper ids and how many match in all. */
  query(q: IndexQuery): Promise<IndexPage>;
  /** The values a filter offers (topics, providers…), most used first. */
  facet(field: Facet, limit?: number): Promise<string[]>;
  /** Whether every paper is indexed (for this index version). */
  isBuilt(): Promise<boolean>;
  /** Record that a rebuild finished. */
  markBuilt(): Promise<void>;
}
