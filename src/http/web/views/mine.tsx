/**
 * "My submissions": where editors land. Their papers, newest first, with the
 * state, a link to the desk page and to the public page once live, and what
 * changed since their last visit (drafted, approved, published...).
 */
import type { MySubmissions } from '../../../intake/mine.ts';
import type { Role } from '../../../users/roles.ts';
import { age, stateLabel, when } from './format.ts';

/** Where a role lands after signing in: editors on their own papers, everyone else on the queue. */
export function landingPath(role: Role): string {
  return role === 'editor' ? '/desk/mine' : '/desk';
}

export function MineBody({ mine }: { mine: MySubmissions }) {
  const since = mine.lastVisit ? when(mine.lastVisit) : null;
  return (
    <>
      <h1>My submissions</h1>
      <p class="muted">
        {mine.total} paper{mine.total === 1 ? '' : 's'} you submitted, newest first.{' '}
        <a href="/desk/submit">Submit a paper</a> · <a href="/desk/batch">Batch upload</a>
      </p>
      {since ? (
        <p class="changes" role="status">
          {mine.changedCount === 0
            ? `Nothing changed since your last visit (${since}).`
            : `${mine.changedCount} changed since your last visit (${since}): marked "changed" below.`}
        </p>
      ) : null}
      {mine.rows.length === 0 ? (
        <p>Nothing yet: papers you submit (here, by batch upload, the API or the CLI) are listed here.</p>
      ) : (
        <table class="mine stack">
          <thead>
            <tr>
              <th>Paper</th>
              <th>State</th>
              <th>Submitted</th>
              <th>Last change</th>
            </tr>
          </thead>
          <tbody>
            {mine.rows.map((r) => (
              <tr data-id={r.id} class={r.changed ? 'changed' : ''}>
                <td data-label="Paper">
                  <a href={`/desk/papers/${encodeURIComponent(r.id)}`}>{r.title}</a>
                  {r.publicPath ? (
                    <div class="small">
                      <a href={r.publicPath}>public page</a>
                    </div>
                  ) : null}
                  {r.state === 'failed' && r.reason ? <div class="small muted">{r.reason}</div> : null}
                </td>
                <td data-label="State">
                  <span class="badge" data-state={r.state}>
                    {stateLabel(r.state)}
                  </span>
                  {r.changed ? <span class="badge changed-badge">changed</span> : null}
                </td>
                <td class="nowrap" title={r.createdAt} data-label="Submitted">
                  {age(r.createdAt)} ago
                </td>
                <td class="nowrap" title={r.updatedAt} data-label="Last change">
                  {when(r.updatedAt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
