/** The queue page: counts per state, filters and search, one row per paper, pending first. */
import type { Claim } from '../../domain/claim.ts';
import { PaperState } from '../../domain/state.ts';
import type { DraftFilter, DraftList } from '../../review/queries.ts';
import type { PaperRow } from '../../review/view.ts';
import { BulkAllHeader, BulkBar, BulkPick } from './bulk.tsx';
import { ClaimBadge } from './claim-notice.tsx';
import { age, stateLabel } from './format.ts';
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

function queueUrl(filter: DraftFilter, state: PaperState | undefined): string {
  const params = new URLSearchParams();
  if (state) params.set('state', state);
  if (filter.topic) params.set('topic', filter.topic);
  if (filter.q) params.set('q', filter.q);
  const qs = params.toString();
  return qs ? `/desk?${qs}` : '/desk';
}

function Counts({ list, filter }: { list: DraftList; filter: DraftFilter }) {
  const total = Object.values(list.counts).reduce((a, b) => a + b, 0);
  return (
    <ul class="counts" aria-label="Papers per state">
      <li>
        <a href={queueUrl(filter, undefined)} class={filter.state ? '' : 'current'}>
          all <span class="badge">{total}</span>
        </a>
      </li>
      {PaperState.options.map((s) => (
        <li>
          <a href={queueUrl(filter, s)} class={filter.state === s ? 'current' : ''} data-state={s}>
            {stateLabel(s)} <span class="badge">{list.counts[s]}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

function Filters({ list, filter }: { list: DraftList; filter: DraftFilter }) {
  return (
    <form class="filters" method="get" action="/desk" aria-label="Filter the queue">
      <div>
        <label for="f-state">State</label>
        <select id="f-state" name="state">
          <option value="">all (pending first)</option>
          {PaperState.options.map((s) => (
            <option value={s} selected={filter.state === s}>
              {stateLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="f-topic">Topic</label>
        <select id="f-topic" name="topic">
          <option value="">any topic</option>
          {list.topics.map((t) => (
            <option value={t} selected={filter.topic?.toLowerCase() === t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="f-q">Search</label>
        <input
          id="f-q"
          type="search"
          name="q"
          value={filter.q ?? ''}
          placeholder="headline, title, journal, id"
        />
      </div>
      <button type="submit">Filter</button>
    </form>
  );
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
    <tr data-href={href} data-id={row.id}>
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
              <th>Age</th>
              <th>Drafted by</th>
            </tr>
          </thead>
          <tbody>
            {list.drafts.map((row) => (
              <Row row={row} team={team} />
            ))}
          </tbody>
        </table>
      )}
      <Shortcuts keys={QUEUE_SHORTCUTS} />
    </>
  );
}
