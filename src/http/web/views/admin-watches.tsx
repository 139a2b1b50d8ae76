/** The admin's watches page: add a PubMed query or a feed, poll now, pause or resume, remove; last poll and errors. */

import { formatInterval } from '../../../watch/interval.ts';
import type { WatchWithNext } from '../../../watch/manage.ts';
import { formatReport } from '../../../watch/report.ts';
import { CSRF_FIELD } from '../../csrf.ts';
import { when } from './format.ts';

function Action(props: { csrf: string; id: string; action: string; label: string; danger?: boolean }) {
  return (
    <form method="post" action={`/desk/admin/watches/${encodeURIComponent(props.id)}/${props.action}`}>
      <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
      <button type="submit" class={props.danger ? 'danger' : ''}>
        {props.label}
      </button>
    </form>
  );
}

function Row({ w, csrf }: { w: WatchWithNext; csrf: string }) {
  const failed = w.lastPoll && !w.lastPoll.ok;
  return (
    <tr data-id={w.id}>
      <td data-label="Watch">
        <code>{w.id}</code>
        <div class="small muted">by {w.createdBy}</div>
      </td>
      <td data-label="Kind">{w.kind === 'pubmed' ? 'PubMed query' : 'Feed'}</td>
      <td data-label="Query or URL" class="token">
        {w.target}
      </td>
      <td class="nowrap" data-label="Interval">
        every {formatInterval(w.everyMs)}
      </td>
      <td data-label="Schedule">
        {w.paused ? (
          <span class="badge warn">paused</span>
        ) : w.nextPollAt ? (
          <span class="small">next {when(new Date(w.nextPollAt).toISOString())}</span>
        ) : (
          <span class="badge warn">not scheduled</span>
        )}
      </td>
      <td class={failed ? 'status-bad' : ''} data-label="Last poll">
        {formatReport(w.lastPoll)}
      </td>
      <td data-label="Actions">
        <Action csrf={csrf} id={w.id} action="run" label="Run now" />
        {w.paused ? (
          <Action csrf={csrf} id={w.id} action="resume" label="Resume" />
        ) : (
          <Action csrf={csrf} id={w.id} action="pause" label="Pause" />
        )}
        <Action csrf={csrf} id={w.id} action="remove" label="Remove" danger />
      </td>
    </tr>
  );
}

export function WatchesBody(props: {
  csrf: string;
  watches: WatchWithNext[];
  values?: Record<string, string>;
}) {
  const v = props.values ?? {};
  return (
    <>
      <h1>Watches</h1>
      <p class="muted">
        PubMed queries and journal feeds the workers poll on a schedule; what they find is submitted like an
        editor's paper (known papers are never queued twice).
      </p>
      <form method="post" action="/desk/admin/watches" class="inline-add panel" aria-label="Add a watch">
        <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
        <div>
          <label for="w-kind">Kind</label>
          <select id="w-kind" name="kind">
            <option value="pubmed" selected={v.kind !== 'feed'}>
              PubMed query
            </option>
            <option value="feed" selected={v.kind === 'feed'}>
              Feed URL (RSS, Atom)
            </option>
          </select>
        </div>
        <div class="grow">
          <label for="w-target">Query or URL</label>
          <input id="w-target" type="text" name="target" value={v.target ?? ''} required />
        </div>
        <div>
          <label for="w-every">Every</label>
          <input id="w-every" type="text" name="every" value={v.every ?? '6h'} placeholder="30m, 6h, 1d" />
        </div>
        <button type="submit" class="primary">
          Add watch
        </button>
      </form>
      {props.watches.length === 0 ? (
        <p>No watches yet.</p>
      ) : (
        <table class="admin-table stack">
          <thead>
            <tr>
              <th>Watch</th>
              <th>Kind</th>
              <th>Query or URL</th>
              <th>Interval</th>
              <th>Schedule</th>
              <th>Last poll</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {props.watches.map((w) => (
              <Row w={w} csrf={props.csrf} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
