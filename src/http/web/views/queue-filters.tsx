/**
 * The queue's controls: counts per state (each a link), the filter and search
 * form, sortable column headers, the pager and today's decisions per reviewer.
 * Every control is a plain link or GET form carrying the other filters, so a
 * queue view is a URL that can be shared and reloaded.
 */
import { PaperState } from '../../../domain/state.ts';
import type { DraftFilter, DraftList } from '../../../review/queries.ts';
import { DEFAULT_PAGE_SIZE } from '../../../review/queries.ts';
import type { SortField } from '../../../store/search-index.ts';
import { stateLabel } from './format.ts';

/** The queue URL for this filter with some parts changed (page back to 1 unless given). */
export function queueUrl(filter: DraftFilter, change: Partial<DraftFilter> = {}): string {
  const f: DraftFilter = { ...filter, page: 1, ...change };
  const params = new URLSearchParams();
  for (const name of [
    'state',
    'topic',
    'check',
    'provider',
    'model',
    'submitter',
    'from',
    'to',
    'q',
  ] as const) {
    const v = f[name];
    if (v) params.set(name, v);
  }
  if (f.sort !== 'age') params.set('sort', f.sort);
  if (f.order !== 'desc') params.set('order', f.order);
  if (f.limit !== DEFAULT_PAGE_SIZE) params.set('limit', String(f.limit));
  if (f.page > 1) params.set('page', String(f.page));
  const qs = params.toString();
  return qs ? `/desk?${qs}` : '/desk';
}

export function Counts({ list, filter }: { list: DraftList; filter: DraftFilter }) {
  const total = Object.values(list.counts).reduce((a, b) => a + b, 0);
  return (
    <ul class="counts" aria-label="Papers per state">
      <li>
        <a href={queueUrl(filter, { state: undefined })} class={filter.state ? '' : 'current'}>
          all <span class="badge">{total}</span>
        </a>
      </li>
      {PaperState.options.map((s) => (
        <li>
          <a href={queueUrl(filter, { state: s })} class={filter.state === s ? 'current' : ''} data-state={s}>
            {stateLabel(s)} <span class="badge">{list.counts[s]}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

export function Today({ list }: { list: DraftList }) {
  if (list.today.length === 0) return <p class="small muted">No decisions yet today (UTC).</p>;
  return (
    <p class="small" id="today">
      Decided today:{' '}
      {list.today.map((t, i) => (
        <span data-reviewer={t.reviewer}>
          {i > 0 ? ', ' : ''}
          {t.reviewer} <span class="badge">{t.decisions}</span>
        </span>
      ))}
    </p>
  );
}

/** A filter's select, `f-<name>`, whose first option (`allLabel`) means "no filter". */
function Choice(props: {
  name: string;
  label: string;
  allLabel: string;
  values: readonly string[];
  value?: string | undefined;
  labels?: (v: string) => string;
}) {
  return (
    <div>
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">{props.allLabel}</option>
        {props.values.map((v) => (
          <option value={v} selected={props.value?.toLowerCase() === v.toLowerCase()}>
            {props.labels ? props.labels(v) : v}
          </option>
        ))}
      </select>
    </div>
  );
}

const CHECK_LABELS: Record<string, string> = {
  fail: 'a check fails',
  warn: 'warnings, no failure',
  pass: 'all checks pass',
  none: 'no draft yet',
};

/** Two day inputs named `from` and `to`. */
export function DateRange(props: {
  prefix: string;
  label: string;
  from?: string | undefined;
  to?: string | undefined;
}) {
  return (
    <>
      <div>
        <label for={`${props.prefix}-from`}>{props.label}</label>
        <input id={`${props.prefix}-from`} type="date" name="from" value={props.from ?? ''} />
      </div>
      <div>
        <label for={`${props.prefix}-to`}>until</label>
        <input id={`${props.prefix}-to`} type="date" name="to" value={props.to ?? ''} />
      </div>
    </>
  );
}

export function Filters({ list, filter }: { list: DraftList; filter: DraftFilter }) {
  return (
    <form class="filters" method="get" action="/desk" aria-label="Filter the queue">
      <Choice
        name="state"
        label="State"
        allLabel="all states"
        values={PaperState.options}
        value={filter.state}
        labels={(v) => stateLabel(v as PaperState)}
      />
      <Choice name="topic" label="Topic" allLabel="any topic" values={list.topics} value={filter.topic} />
      <Choice
        name="check"
        label="Checks"
        allLabel="any result"
        values={Object.keys(CHECK_LABELS)}
        value={filter.check}
        labels={(v) => CHECK_LABELS[v] ?? v}
      />
      <Choice
        name="provider"
        label="Provider"
        allLabel="any provider"
        values={list.providers}
        value={filter.provider}
      />
      <Choice name="model" label="Model" allLabel="any model" values={list.models} value={filter.model} />
      <Choice
        name="submitter"
        label="Submitted by"
        allLabel="anyone"
        values={list.submitters}
        value={filter.submitter}
      />
      <DateRange prefix="f" label="Submitted from" from={filter.from} to={filter.to} />
      <div>
        <label for="f-q">Search</label>
        <input
          id="f-q"
          type="search"
          name="q"
          value={filter.q ?? ''}
          placeholder="title, journal, PMID, DOI, id"
        />
      </div>
      {filter.sort !== 'age' ? <input type="hidden" name="sort" value={filter.sort} /> : null}
      {filter.order !== 'desc' ? <input type="hidden" name="order" value={filter.order} /> : null}
      <button type="submit">Filter</button>
      <a href="/desk" class="small">
        Clear
      </a>
    </form>
  );
}

const SORT_LABELS: Record<SortField, string> = {
  age: 'Age',
  grade: 'Grade',
  checks: 'Checks',
  credibility: 'Credibility',
};

/** A column header that sorts by its field; clicking the sorted column again flips the order. */
export function SortHeader({ filter, field }: { filter: DraftFilter; field: SortField }) {
  const current = filter.sort === field;
  const order = current && filter.order === 'desc' ? 'asc' : 'desc';
  const arrow = current ? (filter.order === 'desc' ? ' ▼' : ' ▲') : '';
  const sorted = current ? (filter.order === 'desc' ? 'descending' : 'ascending') : undefined;
  return (
    <th aria-sort={sorted}>
      <a href={queueUrl(filter, { sort: field, order })} class={current ? 'sorted' : ''} data-sort={field}>
        {SORT_LABELS[field]}
        {arrow}
      </a>
    </th>
  );
}

export function Pager({ list, filter }: { list: DraftList; filter: DraftFilter }) {
  const first = list.total === 0 ? 0 : (list.page - 1) * list.limit + 1;
  const last = Math.min(list.total, list.page * list.limit);
  return (
    <nav class="pager" aria-label="Pages of the queue">
      {list.page > 1 ? (
        <a href={queueUrl(filter, { page: list.page - 1 })} rel="prev">
          ← Previous
        </a>
      ) : (
        <span aria-disabled="true">← Previous</span>
      )}
      <span class="small" data-total={list.total}>
        {first}–{last} of {list.totalApproximate ? 'about ' : ''}
        {list.total} · page {list.page} of {list.pages}
      </span>
      {list.page < list.pages ? (
        <a href={queueUrl(filter, { page: list.page + 1 })} rel="next">
          Next →
        </a>
      ) : (
        <span aria-disabled="true">Next →</span>
      )}
    </nav>
  );
}
