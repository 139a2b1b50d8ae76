/** The queue page: counts per state, filters and search, one page of rows, newest first (queue-filters.tsx); claims and bulk decisions (bulk.tsx, claim-notice.tsx). */
import type { Claim } from '../../../domain/claim.ts';
import type { DraftFilter, DraftList } from '../../../review/queries.ts';
import type { PaperRow } from '../../../review/view.ts';
import { BulkAllHeader, BulkBar, BulkPick } from './bulk.tsx';
import { ClaimBadge } from './claim-notice.tsx';
import { age, stateLabel } from './format.ts';
import { Counts, Filters, Pager, SortHeader, Today } from './queue-filters.tsx';
import { QUEUE_SHORTCUTS, Shortcuts } from './shortcuts.tsx';

/** Claims and bulk decisions on the queue (bulk.tsx, claim-notice.tsx). */
export interface QueueTeam {
  claims: Map<string, Claim>;
  me: string;
  /** Reviewers and admins get the checkboxes and the action bar. */
  canReview: boolean;
  csrf: string | null;
  notesApplied: boolean;
}

export function ProviderBadge({ provider, model }: { provider: string | null; model: string | null }) {
  if (!provider) return <span class="muted">—</span>;
  if (provider === 'extractive') return <span class="badge extractive">extractive (no AI)</span>;
  return (
    <span class="small">
      {provider}
      {model ? ` / ${model}` : ''}
    </span>
  );
}

function Row({ row, team }: { row: PaperRow; team: QueueTeam | undefined }) {
  const href = `/desk/papers/${encodeURIComponent(row.id)}`;
  const claim = team?.claims.get(row.id);
  return (
    <tr data-href={href} data-id={row.id} data-live={`${row.state}:${row.version ?? 0}:${claim?.by ?? ''}`}>
      {team?.canReview ? <BulkPick row={row} claim={claim} me={team.me} /> : null}
      <td data-label="Headline">
        <a href={href}>{row.headline ?? '(no draft yet)'}</a>
        {row.state === 'failed' && row.reason ? <div class="small muted">{row.reason}</div> : null}
        <ClaimBadge claim={claim} me={team?.me ?? ''} />
      </td>
      <td data-label="Source">
        {row.title}
        {row.journal ? <div class="small muted">{row.journal}</div> : null}
      </td>
      <td data-label="State">
        <span class="badge">{stateLabel(row.state)}</span>
      </td>
      <td class="nowrap" title={row.createdAt} data-label="Age">
        {age(row.createdAt)}
      </td>
      <td data-label="Drafted by">
        <ProviderBadge provider={row.provider} model={row.model} />
      </td>
      <td class="small" data-label="Grade">
        {row.grade ?? '—'}
      </td>
      <td class="small" data-label="Checks">
        {row.checkResult ?? '—'}
      </td>
      <td class="small" data-label="Credibility">
        {row.credibility ?? '—'}
      </td>
    </tr>
  );
}

export function QueueBody({
  list,
  filter,
  team,
}: {
  list: DraftList;
  filter: DraftFilter;
  team?: QueueTeam;
}) {
  return (
    <>
      <h1>Review queue</h1>
      <Counts list={list} filter={filter} />
      <Today list={list} />
      <Filters list={list} filter={filter} />
      {team?.canReview && list.drafts.length > 0 ? (
        <BulkBar csrf={team.csrf} notesApplied={team.notesApplied} />
      ) : null}
      {list.drafts.length === 0 ? (
        <p class="muted">No papers match. Editors submit papers; workers draft them.</p>
      ) : (
        <table class="stack" id="queue-table">
          <thead>
            <tr>
              {team?.canReview ? <BulkAllHeader /> : null}
              <th>Headline</th>
              <th>Source</th>
              <th>State</th>
              <SortHeader filter={filter} field="age" />
              <th>Drafted by</th>
              <SortHeader filter={filter} field="grade" />
              <SortHeader filter={filter} field="checks" />
              <SortHeader filter={filter} field="credibility" />
            </tr>
          </thead>
          <tbody>
            {list.drafts.map((row) => (
              <Row row={row} team={team} />
            ))}
          </tbody>
        </table>
      )}
      <Pager list={list} filter={filter} />
      <Shortcuts keys={QUEUE_SHORTCUTS} />
    </>
  );
}
