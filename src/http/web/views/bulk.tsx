import type { Claim } from '../../../domain/claim.ts';
import type { BulkOutcome } from '../../../review/bulk.ts';
import type { PaperRow } from '../../../review/view.ts';
import { CSRF_FIELD } from '../../csrf.ts';

export const DONE: Record<string, string> = {
  approve: 'approved',
  reject: 'rejected',
  'request-changes': 'sent back with your notes',
  publish: 'published',
};

/** The action bar above the queue table; the row checkboxes belong to its form by id. */
export function BulkBar({ csrf, notesApplied }: { csrf: string | null; notesApplied: boolean }) {
  return (
    <form
      id="bulk-form"
      method="post"
      action="/desk/bulk"
      class="bulk-bar"
      aria-label="Decide on the selected papers"
    >
      <input type="hidden" name={CSRF_FIELD} value={csrf ?? ''} />
      <span id="bulk-count" class="small" aria-live="polite">
        Tick papers below to decide on several at once.
      </span>
      <div>
        <label for="bulk-action">Decision</label>
        <select id="bulk-action" name="action">
          <option value="approve">Approve</option>
          <option value="reject">Reject</option>
          {notesApplied ? <option value="request-changes">Request changes</option> : null}
          <option value="publish">Publish (approved papers)</option>
        </select>
      </div>
      <div class="bulk-text">
        <label for="bulk-text">Reason or notes (required to reject or request changes)</label>
        <textarea id="bulk-text" name="text" rows={1} />
      </div>
      <button type="submit" id="bulk-apply">
        Apply to selected
      </button>
    </form>
  );
}

/** The row's checkbox: pending papers with a draft (to decide) and approved ones (to publish), carrying the version shown. */
export function BulkPick({ row, claim, me }: { row: PaperRow; claim: Claim | undefined; me: string }) {
  if (!['pending_review', 'approved'].includes(row.state) || row.version === null) return <td class="pick" />;
  const takenBy = claim && claim.by !== me ? claim.by : null;
  return (
    <td class="pick">
      <input
        type="checkbox"
        form="bulk-form"
        name="pick"
        class="bulk-pick"
        value={`${row.id}@${row.version}`}
        aria-label={`Select ${row.headline ?? row.title} (version ${row.version})${takenBy ? `, taken by ${takenBy}` : ''}`}
      />
      <span class="small muted">v{row.version}</span>
    </td>
  );
}

export function BulkAllHeader() {
  return (
    <th class="pick">
      <input type="checkbox" id="bulk-all" aria-label="Select every pending paper on this page" />
    </th>
  );
}

export function ResultBody({
  action,
  outcomes,
  titles,
}: {
  action: string;
  outcomes: BulkOutcome[];
  titles: Map<string, string>;
}) {
  return (
    <>
      <h1>Bulk decision: {DONE[action] ?? action}</h1>
      <p>
        <a href="/desk">← Back to the queue</a>
      </p>
      <table id="bulk-results" class="stack">
        <thead>
          <tr>
            <th>Paper</th>
            <th>Version</th>
            <th>What happened</th>
          </tr>
        </thead>
        <tbody>
          {outcomes.map((o) => (
            <tr data-id={o.id} data-done={o.done ? 'yes' : 'no'}>
              <td data-label="Paper">
                <a href={`/desk/papers/${encodeURIComponent(o.id)}`}>{titles.get(o.id) ?? o.id}</a>
              </td>
              <td data-label="Version">{o.basedOn}</td>
              <td data-label="What happened">
                {o.done ? (
                  <span class="badge pass">{DONE[action]}</span>
                ) : (
                  <>
                    <span class="badge fail">refused</span> {o.error}
                    {o.hint ? <div class="small muted">{o.hint}</div> : null}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
