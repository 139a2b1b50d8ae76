/**
 * "My submissions": the papers one person handed in, newest first, with
 * their state and what changed since that person last looked, so an editor
 * learns on the desk when a paper was drafted, approved or published.
 */

import { paperTitle } from '../domain/paper.ts';
import type { Papers } from '../domain/ports/papers.ts';
import { isLive } from '../domain/publication.ts';
import type { PaperState } from '../domain/state.ts';
import { countSubmittedBy, indexSubmitters, recordVisit, submittedBy } from '../store/submitters.ts';

export interface SubmissionRow {
  id: string;
  title: string;
  state: PaperState;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
  /** The public page's path while it is live. */
  publicPath: string | null;
  /** Changed since the person's previous visit. */
  changed: boolean;
}

export interface MySubmissions {
  rows: SubmissionRow[];
  total: number;
  /** The previous visit (ISO), or null on the first. */
  lastVisit: string | null;
  changedCount: number;
}

/** The person's papers (a page of them from `offset`); opening the list counts as a visit (`markVisit: false` only peeks). */
export async function mySubmissions(
  store: Papers,
  name: string,
  opts: { limit?: number; offset?: number; markVisit?: boolean } = {},
): Promise<MySubmissions> {
  await indexSubmitters(store);
  const [papers, total] = await Promise.all([
    submittedBy(store, name, opts.limit ?? 200, opts.offset ?? 0),
    countSubmittedBy(store, name),
  ]);
  const previous = opts.markVisit === false ? 0 : await recordVisit(store, name, 'mine');
  const rows = papers.map((p) => ({
    id: p.id,
    title: paperTitle(p),
    state: p.state,
    reason: p.reason,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    publicPath: isLive(p.publication) ? `/s/${p.publication.slug}` : null,
    changed: previous > 0 && Date.parse(p.updatedAt) > previous,
  }));
  return {
    rows,
    total,
    lastVisit: previous > 0 ? new Date(previous).toISOString() : null,
    changedCount: rows.filter((r) => r.changed).length,
  };
}
