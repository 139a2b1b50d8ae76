/**
 * The history pages: the whole audit log (/desk/history) with filters and
 * paging back to the first entry, and a paper's own trail on its review page.
 * Both show titles, readable notes, and runs of system events folded into
 * one line that opens to show them.
 */
import type { AuditEntry } from '../../../domain/draft.ts';
import {
  foldLines,
  HISTORY_ACTIONS,
  type HistoryEntry,
  type HistoryFilter,
  type HistoryLine,
  type HistoryPage,
  isSystem,
  readableNote,
} from '../../../review/history.ts';
import { when } from './format.ts';
import { DateRange } from './queue-filters.tsx';

export const HISTORY_PAGE_SIZE = 50;

/** The filters from query parameters (blank ones dropped). */
export function historyFilter(query: Record<string, string | undefined>): HistoryFilter {
  const v = (name: string) => query[name]?.trim() || undefined;
  const before = v('before');
  return {
    who: v('who'),
    action: v('action'),
    paper: v('paper'),
    from: v('from'),
    to: v('to'),
    before: before && /^\d+-\d+$/.test(before) ? before : undefined,
    limit: HISTORY_PAGE_SIZE,
  };
}

function historyUrl(f: HistoryFilter, before?: string): string {
  const params = new URLSearchParams();
  for (const name of ['who', 'action', 'paper', 'from', 'to'] as const) {
    const value = f[name];
    if (value) params.set(name, value);
  }
  if (before) params.set('before', before);
  const qs = params.toString();
  return qs ? `/desk/history?${qs}` : '/desk/history';
}

const state = (s: string) => s.replace('_', ' ');

/** "approved", "submitted → queued", "edited: approved → pending review": never "approved → approved". */
function What({ e }: { e: AuditEntry }) {
  const change = e.to && e.to !== e.from && e.to !== e.action;
  return (
    <>
      {e.action}
      {change ? (
        <span class="small muted">
          {' '}
          {e.from ? `${state(e.from)} → ` : '→ '}
          {state(e.to ?? '')}
        </span>
      ) : null}
    </>
  );
}

function Paper({ e }: { e: HistoryEntry }) {
  const href = `/desk/papers/${encodeURIComponent(e.paperId)}`;
  return (
    <td>
      <a href={href}>{e.title ?? e.paperId}</a>
      {e.title ? <div class="small muted">{e.paperId}</div> : null}
    </td>
  );
}

function Row({ e, showPaper }: { e: HistoryEntry; showPaper: boolean }) {
  return (
    <tr data-href={`/desk/papers/${encodeURIComponent(e.paperId)}`} class={e.system ? 'system' : ''}>
      <td class="small nowrap">{when(e.at)}</td>
      {showPaper ? <Paper e={e} /> : null}
      <td>{e.actor}</td>
      <td>
        <What e={e} />
      </td>
      <td class="note">{e.note ?? ''}</td>
    </tr>
  );
}

function Folded({ entries, showPaper }: { entries: HistoryEntry[]; showPaper: boolean }) {
  const actions = [...new Set(entries.map((e) => e.action))].join(', ');
  const first = entries.at(-1);
  const last = entries[0];
  return (
    <tr class="folded">
      <td class="small nowrap">{last ? when(last.at) : ''}</td>
      <td colspan={showPaper ? 4 : 3}>
        <details>
          <summary>
            {entries.length} system events ({actions})
            {first && first !== last ? ` since ${when(first.at)}` : ''}
          </summary>
          <table class="trail">
            <tbody>
              {entries.map((e) => (
                <Row e={e} showPaper={showPaper} />
              ))}
            </tbody>
          </table>
        </details>
      </td>
    </tr>
  );
}

export function HistoryTable({ lines, showPaper }: { lines: HistoryLine[]; showPaper: boolean }) {
  if (lines.length === 0) return <p class="muted">No entries match.</p>;
  return (
    <table class="trail">
      <thead>
        <tr>
          <th>When</th>
          {showPaper ? <th>Paper</th> : null}
          <th>Who</th>
          <th>What</th>
          <th>Note</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) =>
          line.kind === 'entry' ? (
            <Row e={line.entry} showPaper={showPaper} />
          ) : (
            <Folded entries={line.entries} showPaper={showPaper} />
          ),
        )}
      </tbody>
    </table>
  );
}

function Filters({ f }: { f: HistoryFilter }) {
  return (
    <form class="filters" method="get" action="/desk/history" aria-label="Filter the history">
      <div>
        <label for="h-who">Who</label>
        <input id="h-who" name="who" value={f.who ?? ''} placeholder="dana, ingest, watch:…" />
      </div>
      <div>
        <label for="h-action">What</label>
        <select id="h-action" name="action">
          <option value="">any action</option>
          {HISTORY_ACTIONS.map((a) => (
            <option value={a} selected={f.action === a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="h-paper">Paper id</label>
        <input id="h-paper" name="paper" value={f.paper ?? ''} placeholder="p0123456789ab" />
      </div>
      <DateRange prefix="h" label="From" from={f.from} to={f.to} />
      <button type="submit">Filter</button>
      <a href="/desk/history" class="small">
        Clear
      </a>
    </form>
  );
}

function PaperHeading({ id, page }: { id: string; page: HistoryPage }) {
  const line = page.lines[0];
  const title = line ? (line.kind === 'entry' ? line.entry.title : line.entries[0]?.title) : null;
  return (
    <h2>
      <a href={`/desk/papers/${encodeURIComponent(id)}`}>{title ?? id}</a>
    </h2>
  );
}

export function HistoryBody({ page, filter }: { page: HistoryPage; filter: HistoryFilter }) {
  return (
    <>
      <h1>History</h1>
      <p class="muted">
        Who did what to which paper, and when, newest first: people's decisions, edits and submissions, then
        this page's system events (ingest, drafting, polling) folded into one line below them (open it to see
        them). Filtered by who or action, entries stay in time order.
      </p>
      <Filters f={filter} />
      {filter.paper ? <PaperHeading id={filter.paper} page={page} /> : null}
      <HistoryTable lines={page.lines} showPaper={!filter.paper} />
      <nav class="pager" aria-label="Pages of the history">
        {filter.before ? (
          <a href={historyUrl(filter)}>← Newest</a>
        ) : (
          <span aria-disabled="true">← Newest</span>
        )}
        {page.next ? (
          <a href={historyUrl(filter, page.next)} rel="next">
            Older →
          </a>
        ) : (
          <span class="small muted" id="history-start">
            This is where the history begins.
          </span>
        )}
      </nav>
    </>
  );
}

/** A paper's own trail on its review page: oldest first, system runs folded. */
export function PaperTrail({ paperId, entries }: { paperId: string; entries: AuditEntry[] }) {
  const rows: HistoryEntry[] = entries.map((e) => ({
    ...e,
    note: readableNote(e.note),
    cursor: null,
    title: null,
    system: isSystem(e),
  }));
  return (
    <>
      <HistoryTable lines={foldLines(rows)} showPaper={false} />
      <p class="small">
        <a href={`/desk/history?paper=${encodeURIComponent(paperId)}`}>Filter this paper's history</a>
      </p>
    </>
  );
}
