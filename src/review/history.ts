/**
 * The history a person reads: audit entries with the paper's title, filtered
 * by who, what, which paper and when, newest first, paged backwards with the
 * audit stream's ids as cursors until the very first entry. Runs of system
 * events (ingest, drafting, polling) fold into one line with a count; notes
 * are made readable (a rating change reads "interest 3 → 2", not JSON).
 */

import type { AuditEntry } from '../domain/draft.ts';
import type { StreamEntry } from '../domain/ports/audit.ts';
import type { Papers } from '../domain/ports/papers.ts';
import { dayEnd, dayStart, parseDay } from './days.ts';
import { sourceTitle } from './view.ts';

/** The actions the audit log records, for the filter menu. */
export const HISTORY_ACTIONS = [
  'approved',
  'changes requested',
  'drafted',
  'edited',
  'failed',
  'ingest started',
  'ingested',
  'merged',
  'needs source',
  'published',
  'rejected',
  'reopened',
  'retried',
  'source provided',
  'submitted',
  'unpublished',
] as const;

export interface HistoryFilter {
  /** A person or process: 'dana' matches web:dana, api:dana and cli:dana. */
  who?: string | undefined;
  action?: string | undefined;
  paper?: string | undefined;
  /** Days, YYYY-MM-DD (UTC), inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  /** The stream id to continue from (older than it). */
  before?: string | undefined;
  limit: number;
}

export interface HistoryEntry extends AuditEntry {
  /** The stream id (the paging cursor); null for a paper's own list. */
  cursor: string | null;
  title: string | null;
  system: boolean;
}

/** One line of the history: one entry, or a run of system events folded together. */
export type HistoryLine =
  | { kind: 'entry'; entry: HistoryEntry }
  | { kind: 'folded'; entries: HistoryEntry[] };

export interface HistoryPage {
  lines: HistoryLine[];
  /** Cursor for the next (older) page; null on the page with the first entry. */
  next: string | null;
}

const SYSTEM_ACTORS = /^(ingest|summarize|poll|summarizer:.*|watch:.*)$/;

/** Entries made by the pipeline rather than by a person. */
export function isSystem(e: AuditEntry): boolean {
  return SYSTEM_ACTORS.test(e.actor);
}

function matches(e: AuditEntry, f: HistoryFilter): boolean {
  if (f.who) {
    const who = f.who.toLowerCase();
    const actor = e.actor.toLowerCase();
    if (actor !== who && actor.slice(actor.indexOf(':') + 1) !== who) return false;
  }
  if (f.action && e.action !== f.action) return false;
  return !f.paper || e.paperId === f.paper;
}

const scores = (side: string, name: string) => new RegExp(`"${name}":\\{"score":(\\d)`).exec(side)?.[1];

/** Old edit notes carried the ratings as (cut-off) JSON: say what changed instead. */
export function readableNote(note: string | null): string | null {
  if (!note) return note;
  return note
    .split('\n')
    .map((line) => {
      const m = /^ratings: "(.*)" → "(.*)"$/.exec(line);
      if (!m) return line;
      const [before = '', after = ''] = [m[1], m[2]];
      const changes = ['credibility', 'interest'].flatMap((name) => {
        const [a, b] = [scores(before, name), scores(after, name)];
        return a && b && a !== b ? [`${name} ${a} → ${b}`] : [];
      });
      return changes.length ? changes.join('\n') : 'ratings: reasons changed';
    })
    .join('\n');
}

/** Consecutive system entries become one folded line (a single one stays as it is). */
export function foldLines(entries: readonly HistoryEntry[]): HistoryLine[] {
  const lines: HistoryLine[] = [];
  for (const entry of entries) {
    const last = lines.at(-1);
    if (!entry.system) lines.push({ kind: 'entry', entry });
    else if (last?.kind === 'folded') last.entries.push(entry);
    else if (last?.kind === 'entry' && last.entry.system)
      lines[lines.length - 1] = { kind: 'folded', entries: [last.entry, entry] };
    else lines.push({ kind: 'entry', entry });
  }
  return lines;
}

/** Titles of the papers these entries name (ids of merged papers keep no title). */
async function withTitles(
  store: Papers,
  rows: { cursor: string | null; entry: AuditEntry }[],
): Promise<HistoryEntry[]> {
  const ids = [...new Set(rows.map((r) => r.entry.paperId))];
  const papers = await Promise.all(ids.map((id) => store.get(id)));
  const titles = new Map(ids.map((id, i) => [id, papers[i] ? sourceTitle(papers[i]) : null]));
  return rows.map(({ cursor, entry }) => ({
    ...entry,
    note: readableNote(entry.note),
    cursor,
    title: titles.get(entry.paperId) ?? null,
    system: isSystem(entry),
  }));
}

const CHUNK = 200;
/** How far one page may read looking for matches before it hands back a cursor. */
const MAX_SCAN = 5000;

/** One page of the whole history, newest first, from the cursor on. */
export async function historyPage(store: Papers, f: HistoryFilter): Promise<HistoryPage> {
  const since = dayStart(parseDay('from', f.from));
  const until = dayEnd(parseDay('to', f.to));
  if (f.paper) return paperHistory(store, f, since, until);
  let before: string | null = f.before ?? (until !== undefined ? `${until + 1}-0` : null);
  const found: StreamEntry[] = [];
  let scanned = 0;
  let exhausted = false;
  while (found.length < f.limit && scanned < MAX_SCAN) {
    const rows = await store.auditLog.page({ before, count: CHUNK, since });
    scanned += rows.length;
    for (const row of rows) {
      before = row.id;
      if (matches(row.entry, f)) found.push(row);
      if (found.length >= f.limit) break;
    }
    if (rows.length < CHUNK) {
      exhausted = rows.length === 0 || before === rows.at(-1)?.id;
      break;
    }
  }
  const entries = await withTitles(
    store,
    found.map((r) => ({ cursor: r.id, entry: r.entry })),
  );
  return { lines: foldLines(entries), next: exhausted ? null : before };
}

/** One paper's history (its own list, complete), newest first. */
async function paperHistory(
  store: Papers,
  f: HistoryFilter,
  since?: number,
  until?: number,
): Promise<HistoryPage> {
  const all = await store.audit(f.paper ?? '');
  const inRange = (e: AuditEntry) => {
    const t = Date.parse(e.at);
    return (since === undefined || t >= since) && (until === undefined || t <= until);
  };
  const rows = all.filter((e) => matches(e, f) && inRange(e)).reverse();
  return {
    lines: foldLines(
      await withTitles(
        store,
        rows.map((entry) => ({ cursor: null, entry })),
      ),
    ),
    next: null,
  };
}
