/**
 * What the PostgreSQL record store needs of the desk's search index: the
 * port's reads, plus writes that take the caller's connection so a paper is
 * indexed in the same transaction as the record or draft that changed it.
 * Implemented by ./search-index.ts (PgSearchIndex).
 */
import type { Draft } from '../../domain/draft.ts';
import type { Paper } from '../../domain/paper.ts';
import type { SearchIndex } from '../../domain/ports/search-index.ts';
import type { PaperState } from '../../domain/state.ts';
import type { Queryable } from './queryable.ts';

export interface RecordIndex extends SearchIndex {
  put(q: Queryable, paper: Paper, draft: Draft | null): Promise<void>;
  /** A transition that changes neither record nor draft. */
  setState(q: Queryable, id: string, state: PaperState): Promise<void>;
  remove(q: Queryable, id: string): Promise<void>;
}
