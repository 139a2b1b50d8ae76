/**
 * "Decided today": approvals, rejections, change requests and publications
 * per person since midnight UTC. The decision scripts count them per day as
 * they write them (../store/decision-counts.ts), so a queue view reads one
 * hash, whatever the size of the audit log. On the day those counts began
 * (an upgrade) they may miss earlier decisions: that day is counted from the
 * audit stream, each process keeping its tally and the stream id it read up
 * to, so a view reads only the entries written since the previous one.
 */

import type { Papers } from '../domain/ports/papers.ts';

export interface ReviewerToday {
  reviewer: string;
  decisions: number;
}

/** The actions counted; ../store/lua/decision-count.lua counts the same ones. */
const DECISIONS = new Set(['approved', 'rejected', 'changes requested', 'published', 'unpublished']);
const CHUNK = 5000;

interface Tally {
  day: number;
  /** The last stream id counted. */
  last: string | null;
  counts: Map<string, number>;
}

const tallies = new WeakMap<Papers, Tally>();

export async function decisionsToday(store: Papers, now = new Date()): Promise<ReviewerToday[]> {
  const counts = (await store.auditLog.decisionCounts(now)) ?? (await fromAuditLog(store, now));
  return [...counts]
    .map(([reviewer, decisions]) => ({ reviewer, decisions }))
    .sort((a, b) => b.decisions - a.decisions || a.reviewer.localeCompare(b.reviewer));
}

async function fromAuditLog(store: Papers, now: Date): Promise<Map<string, number>> {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  let tally = tallies.get(store);
  if (!tally || tally.day !== day) {
    tally = { day, last: null, counts: new Map() };
    tallies.set(store, tally);
  }
  for (;;) {
    const rows = await store.auditLog.after(tally.last ?? String(day), tally.last !== null, CHUNK);
    for (const { id, entry } of rows) {
      tally.last = id;
      if (DECISIONS.has(entry.action))
        tally.counts.set(entry.actor, (tally.counts.get(entry.actor) ?? 0) + 1);
    }
    if (rows.length < CHUNK) break;
  }
  return tally.counts;
}
