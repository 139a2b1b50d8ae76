/** The review page's evidence: checks, provenance, version diffs, versions, a failure (the trail is ./history.tsx). */
import type { Draft } from '../../../domain/draft.ts';
import type { FailureRecord } from '../../../domain/failure.ts';
import { type DiffPart, summaryDiff } from './diff.ts';
import { when } from './format.ts';

/** Drafts the summarizer wrote ('ai', or 'extractive' for the offline provider), as opposed to human edits. */
const isMachine = (d: Draft) => d.author === 'ai' || d.author === 'extractive';
const machineName = (d: Draft) => (d.author === 'extractive' ? 'extractive draft' : 'AI draft');

export function Checks({ draft }: { draft: Draft }) {
  return (
    <section aria-labelledby="checks-heading">
      <h2 id="checks-heading">Checks</h2>
      <ul id="checks">
        {draft.checks.map((c) => (
          <li data-check={c.id}>
            <span class={`badge ${c.status}`}>{c.status}</span> <strong>{c.label}</strong>: {c.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ProvenanceTable({ draft }: { draft: Draft }) {
  const p = draft.provenance;
  const u = p.usage;
  return (
    <section aria-labelledby="provenance-heading">
      <h2 id="provenance-heading">Provenance</h2>
      <table id="provenance">
        <tbody>
          <tr>
            <th>Provider</th>
            <td>{p.provider}</td>
          </tr>
          <tr>
            <th>Model</th>
            <td>{p.model}</td>
          </tr>
          <tr>
            <th>Prompt version</th>
            <td>{p.promptVersion ?? '—'}</td>
          </tr>
          <tr>
            <th>Tokens</th>
            <td>{`${u.promptTokens} prompt + ${u.completionTokens} completion (${u.cachedTokens} cached) = ${u.totalTokens}${u.estimated ? ' (estimated: the server sent no usage)' : ''}`}</td>
          </tr>
          <tr>
            <th>Model calls</th>
            <td>
              {`${p.llmCalls} (${p.repairs} repair${p.repairs === 1 ? '' : 's'})`}
              {p.cacheHits
                ? `; cache hit: ${p.cacheHits} answer${p.cacheHits === 1 ? '' : 's'} from the LLM cache, no tokens spent`
                : ''}
            </td>
          </tr>
          {p.costUsd ? (
            <tr>
              <th>Estimated cost</th>
              <td>{`$${p.costUsd.toFixed(4)} (LLM_PRICES)`}</td>
            </tr>
          ) : null}
          <tr>
            <th>Written by</th>
            <td>
              {isMachine(draft) ? `the summarizer (${machineName(draft)})` : draft.author} ·{' '}
              {when(p.createdAt)}
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

/** Why a failed paper stopped and, from the summarizer, what the model returned (escaped like all text). */
export function FailureDetails({ failure }: { failure: FailureRecord }) {
  const u = failure.usage;
  return (
    <section aria-labelledby="failure-heading" id="failure">
      <h2 id="failure-heading">Why it failed</h2>
      <p class="small">
        {failure.stage} gave up · {when(failure.at)}
        {failure.finishReason ? ` · finish reason ${failure.finishReason}` : ''}
        {u ? ` · ${u.promptTokens} prompt + ${u.completionTokens} completion tokens` : ''}
      </p>
      {failure.reply !== null ? (
        <>
          <h3>What the model returned</h3>
          <pre id="failure-reply" class="diff">
            {failure.reply || '(an empty reply)'}
          </pre>
        </>
      ) : null}
    </section>
  );
}

function Parts({ parts }: { parts: DiffPart[] }) {
  return (
    <div class="diff">
      {parts.map((p) =>
        p.kind === 'added' ? <ins>{p.text}</ins> : p.kind === 'removed' ? <del>{p.text}</del> : p.text,
      )}
    </div>
  );
}

export function DiffView({ title, before, after }: { title: string; before: Draft; after: Draft }) {
  const fields = summaryDiff(before.summary, after.summary);
  return (
    <div class="diff-block">
      <h3>{title}</h3>
      {fields.length === 0 ? <p class="muted">No differences.</p> : null}
      {fields.map((f) => (
        <div>
          <div class="small">
            <strong>{f.label}</strong>
          </div>
          <Parts parts={f.parts} />
        </div>
      ))}
    </div>
  );
}

/** The diffs worth showing: the last change, and the AI draft against the human edit (once each). */
export function Changes({ versions, from }: { versions: Draft[]; from: number | null }) {
  const current = versions.at(-1);
  if (!current || versions.length < 2) return null;
  const pairs = new Map<Draft, string>();
  const previous = versions.at(-2);
  if (previous) pairs.set(previous, `Version ${previous.version} → ${current.version}`);
  const lastAi = versions.filter((d) => isMachine(d) && d.version < current.version).at(-1);
  if (!isMachine(current) && lastAi) {
    const label = `${machineName(lastAi)} (version ${lastAi.version}) → human edit by ${current.author} (version ${current.version})`;
    pairs.set(lastAi, label.charAt(0).toUpperCase() + label.slice(1));
  }
  const picked = versions.find((d) => d.version === from && d !== current);
  if (picked && !pairs.has(picked)) pairs.set(picked, `Version ${picked.version} → ${current.version}`);
  return (
    <section aria-labelledby="changes-heading" id="changes">
      <h2 id="changes-heading">What changed</h2>
      {[...pairs].map(([before, title]) => (
        <DiffView title={title} before={before} after={current} />
      ))}
    </section>
  );
}

export function Versions({ paperId, versions }: { paperId: string; versions: Draft[] }) {
  const current = versions.at(-1);
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versions</h2>
      <ol>
        {versions.map((d) => (
          <li value={d.version}>
            {isMachine(d)
              ? `${machineName(d)}: ${d.provenance.provider} / ${d.provenance.model}`
              : `edited by ${d.author}`}{' '}
            · {when(d.provenance.createdAt)}
            {d.reviewerNotes ? <span class="muted"> · notes: {d.reviewerNotes}</span> : null}
            {current && d !== current ? (
              <>
                {' '}
                ·{' '}
                <a href={`/desk/papers/${encodeURIComponent(paperId)}?from=${d.version}#changes`}>
                  compare with current
                </a>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
