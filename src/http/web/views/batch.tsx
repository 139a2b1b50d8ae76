/**
 * The desk's batch upload: a pasted list of PMIDs/DOIs or a CSV/RIS file,
 * submitted through src/intake/batch.ts like `laysum submit --batch`, and
 * the same tally (queued, already known, invalid lines with their numbers).
 */
import type { BatchTally } from '../../../intake/batch.ts';
import { tallyLine } from '../../../intake/batch.ts';
import { CSRF_FIELD } from '../../csrf.ts';

export function BatchBody(props: { csrf: string | null; list?: string; tally?: BatchTally | null }) {
  return (
    <section class="narrow">
      <h1>Batch upload</h1>
      {props.tally ? <Tally tally={props.tally} /> : null}
      <form method="post" action="/desk/batch" enctype="multipart/form-data" class="panel">
        <input type="hidden" name={CSRF_FIELD} value={props.csrf ?? ''} />
        <div class="field">
          <label for="b-list">PMIDs or DOIs, one a line</label>
          <textarea id="b-list" name="list" rows={8} placeholder={'30158200\n10.1136/bmj.k3225'}>
            {props.list ?? ''}
          </textarea>
        </div>
        <div class="field">
          <label for="b-file">Or a file: a list, a CSV with a doi or pmid column, or an RIS export</label>
          <input id="b-file" type="file" name="file" accept=".txt,.csv,.tsv,.ris,text/plain,text/csv" />
        </div>
        <button type="submit" class="primary">
          Submit all
        </button>
      </form>
    </section>
  );
}

function Tally({ tally }: { tally: BatchTally }) {
  return (
    <section class="panel tally" aria-label="Batch result">
      <p role="status">
        <strong>{tallyLine(tally)}</strong>
      </p>
      {tally.queued.length ? (
        <details open>
          <summary>Queued ({tally.queued.length})</summary>
          <ul>
            {tally.queued.map((q) => (
              <li>
                line {q.line}: <a href={`/desk/papers/${encodeURIComponent(q.id)}`}>{q.value}</a>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {tally.duplicates.length ? (
        <details open>
          <summary>Already known ({tally.duplicates.length})</summary>
          <ul>
            {tally.duplicates.map((d) => (
              <li>
                line {d.line}: {d.value} is already{' '}
                <a href={`/desk/papers/${encodeURIComponent(d.id)}`}>{d.id}</a> ({d.state.replace('_', ' ')})
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {tally.invalid.length ? (
        <details open>
          <summary>Could not use ({tally.invalid.length})</summary>
          <ul class="invalid-lines">
            {tally.invalid.map((i) => (
              <li>
                line {i.line}: <code>{i.text.slice(0, 80)}</code>: {i.problem}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
