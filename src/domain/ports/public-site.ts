/**
 * The public site port: what the published site's caches read besides the
 * papers themselves (the publication generation, the changes recorded with
 * it, the public index of live papers scored by when they went live).
 */

export interface PublicChange {
  /** The stream id, to read on from. */
  streamId: string;
  generation: number;
  id: string;
}

export interface PublicHead {
  generation: number;
  /** The newest change's stream id ('0-0' for none). */
  streamId: string;
}

export interface Scored {
  id: string;
  /** When its live version went live (ms): the public index's score. */
  liveSince: number;
}

/** Where a paged read of the public index goes on from: a score and how many at that score were read. */
export interface IndexCursor {
  score: number;
  seen: number;
}

export interface PublicSite {
  generation(): Promise<number>;
  head(): Promise<PublicHead>;
  /** Live paper ids by rank in the public index (oldest live first), `offset` on. */
  ids(offset: number, count: number): Promise<string[]>;
  /** The generation and up to `max` changes after `streamId`, read together. */
  changesAfter(streamId: string, max: number): Promise<{ generation: number; changes: PublicChange[] }>;
  /** Up to `count` live papers from the cursor on, oldest live first. */
  page(cursor: IndexCursor, count: number): Promise<{ rows: Scored[]; next: IndexCursor }>;
  /** When each paper went live (ms), null for one that is not live. */
  liveSince(ids: readonly string[]): Promise<(number | null)[]>;
}
