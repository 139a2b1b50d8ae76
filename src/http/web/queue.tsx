/** The queue page: counts per state, filters and search, one page of rows, newest first (queue-filters.tsx). */
import type { DraftFilter, DraftList } from '../../review/queries.ts';
import type { PaperRow } from '../../review/view.ts';
import { age, stateLabel } from './format.ts';
import { Counts, Filters, Pager, SortHeader, Today } from './queue-filters.tsx';
import { Shortcuts } from './shortcuts.tsx';

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

function Row({ row }: { row: PaperRow }) {
  const href = `/desk/papers/${encodeURIComponent(row.id)}`;
  return (
    <tr data-href={href} data-id={row.id}>
      <td>
        <a href={href}>{row.headline ?? '(no draft yet)'}</a>
        {row.state === 'failed' && row.reason ? <div class="small muted">{row.reason}</div> : null}
      </td>
      <td>
        {row.title}
        {row.journal ? <div class="small muted">{row.journal}</div> : null}
      </td>
      <td>
        <span class="badge">{stateLabel(row.state)}</span>
      </td>
      <td class="nowrap" title={row.createdAt}>
        {age(row.createdAt)}
      </td>
      <td>
        <ProviderBadge provider={row.provider} model={row.model} />
      </td>
      <td class="small">{row.grade ?? '—'}</td>
      <td class="small">{row.checkResult ?? '—'}</td>
      <td class="small">{row.credibility ?? '—'}</td>
    </tr>
  );
}

export function QueueBody({ list, filter }: { list: DraftList; filter: DraftFilter }) {
  return (
    <>
      <h1>Review queue</h1>
      <Counts list={list} filter={filter} />
      <Today list={list} />
      <Filters list={list} filter={filter} />
      {list.drafts.length === 0 ? (
        <p class="muted">No papers match. Editors submit papers; workers draft them.</p>
      ) : (
        <table>
          <thead>
            <tr>
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
              <Row row={row} />
            ))}
          </tbody>
        </table>
      )}
      <Pager list={list} filter={filter} />
      <Shortcuts />
    </>
  );
}
