/**
 * "Decided today": approvals, rejections, change requests and publications
 * per person since midnight UTC, counted from the audit stream. Each process
 * keeps its tally and the stream id it read up to, so a queue view reads only
 * the entries written since the previous one (the whole day once, at start).
 */
import { auditAfter } from '../store/audit-log.ts';
import type { PaperStore } from '../store/papers.ts';

export interface ReviewerToday {
  reviewer: string;
  decisions: number;
}

const DECISIONS = new Set(['approved', 'rejected', 'changes requested', 'published', 'unpublished']);
const CHUNK = 5000;

interface Tally {
  day: number;
  /** The last stream id counted. */
  last: string | null;
  counts: Map<string, number>;
}

const tallies = new WeakMap<PaperStore, Tally>();

export async function decisionsToday(store: PaperStore, now = new Date()): Promise<ReviewerToday[]> {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  let tally = tallies.get(store);
  if (!tally || tally.day !== day) {
    tally = { day, last: null, counts: new Map() };
    tallies.set(store, tally);
  }
  for (;;) {
    const rows = await auditAfter(
      store.redis,
      store.keys.auditAll,
      tally.last ?? String(day),
      tally.last !== null,
      CHUNK,
    );
    for (const { id, entry } of rows) {
      tally.last = id;
      if (DECISIONS.has(entry.action))
        tally.counts.set(entry.actor, (tally.counts.get(entry.actor) ?? 0) + 1);
    }
    if (rows.length < CHUNK) break;
  }
  return [...tally.counts]
    .map(([reviewer, decisions]) => ({ reviewer, decisions }))
    .sort((a, b) => b.decisions - a.decisions || a.reviewer.localeCompare(b.reviewer));
}
