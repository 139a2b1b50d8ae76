/**
 * Sentence links on the review page: the abstract in the source pane cut into
 * its numbered sentences, and beside it every draft sentence with the source
 * sentences behind it. Selecting a draft sentence (click, tap, or keyboard
 * focus) highlights its source sentences in the source pane
 * (./assets/links.js) and opens them under the sentence, which is what a
 * phone shows, where the source pane is above. A sentence with no support is
 * marked in words, not colour alone; the LLM verifier's verdict, when there
 * is one, stands beside it. Desk only: never on a public page.
 */
import type { Draft } from '../../../domain/draft.ts';
import type { SentenceLink, SourceSentence, SourceSentences } from '../../../domain/links.ts';
import type { PaperRecord } from '../../../domain/paper.ts';
import { VERDICT_WORDS, type Verdict } from '../../../domain/verification.ts';
import { sentences } from '../../../text/sentences.ts';

/** The abstract's sections with each sentence's id, cut as splitSource cut them (the same splitter, in order). */
export function LinkedAbstract({ record, source }: { record: PaperRecord; source: SourceSentences | null }) {
  const ids = (source?.sentences ?? []).filter((s) => s.part === 'abstract').map((s) => s.id);
  let next = 0;
  return (
    <>
      {record.abstract.map((section) => (
        <p>
          {section.label ? <span class="label">{section.label}: </span> : null}
          {sentences(section.text).map((text, i) => {
            const id = ids[next++];
            const sep = i > 0 ? ' ' : '';
            return id === undefined ? (
              `${sep}${text}`
            ) : (
              <>
                {sep}
                <span class="src-s" id={`src-s-${id}`} data-source-id={String(id)}>
                  {text}
                </span>
              </>
            );
          })}
        </p>
      ))}
    </>
  );
}

const FIELD_NAMES: Record<string, string> = {
  headline: 'Headline',
  takeaway: 'Key takeaway',
  findings: 'What they found',
  audience: 'Who should care and why',
  'credibility rationale': 'Credibility: why',
  'interest rationale': 'Interest: why',
};
const fieldName = (field: string) =>
  FIELD_NAMES[field] ?? (field.startsWith('caveats[') ? 'Important considerations' : field);

function verdictFor(draft: Draft, link: SentenceLink): Verdict | undefined {
  return draft.verification?.verdicts.find(
    (v) => v.field === link.field && v.sentence === link.sentence && v.text === link.text,
  );
}

function SourceLines({ ids, byId }: { ids: readonly number[]; byId: Map<number, SourceSentence> }) {
  return (
    <ul class="link-source-list">
      {ids.map((id) => {
        const s = byId.get(id);
        return (
          <li data-source-id={String(id)}>
            <span class="src-id">Source sentence {id}</span>
            {s?.label
              ? ` (${s.label})`
              : s?.part === 'fullText'
                ? ' (full text)'
                : s?.part === 'title'
                  ? ' (title)'
                  : ''}
            : {s?.text ?? 'not in this version of the source'}
          </li>
        );
      })}
    </ul>
  );
}

function LinkItem(props: {
  link: SentenceLink;
  n: number;
  verdict: Verdict | undefined;
  byId: Map<number, SourceSentence>;
}) {
  const { link, verdict, byId } = props;
  const how =
    link.method === 'model'
      ? `linked by the model's source ids${link.note ? ` (${link.note})` : ''}`
      : `linked by shared words, numbers and names (${Math.round(link.score * 100)}% of its content)${link.note ? `; ${link.note}` : ''}`;
  const flagged = verdict && verdict.label !== 'supported';
  return (
    <li
      class={`link${link.supported ? '' : ' unsupported'}${flagged ? ' flagged' : ''}`}
      data-field={link.field}
      data-sentence={String(link.sentence)}
    >
      <details
        data-sources={link.supported ? link.sources.join(' ') : ''}
        data-nearest={link.sources.join(' ')}
      >
        <summary id={`draft-s-${props.n}`}>
          <span class="link-text">{link.text}</span>
          {link.supported ? null : <span class="badge no-support">No support in the source</span>}
          {verdict ? (
            <span class={`badge verdict ${verdict.label}`}>Verifier: {VERDICT_WORDS[verdict.label]}</span>
          ) : null}
        </summary>
        <div class="link-sources">
          {link.supported ? (
            <p class="small muted">Source sentences behind it, best first; {how}.</p>
          ) : (
            <p class="small no-support-text">
              No source sentence supports this sentence: check it against the source, or cut it.
              {link.note ? ` (${link.note}.)` : ''}
              {link.sources.length ? ' Nearest sentences, which do not hold most of it:' : ''}
            </p>
          )}
          {link.sources.length ? <SourceLines ids={link.sources} byId={byId} /> : null}
          {verdict ? (
            <p class="small verdict-why">
              The verifier: {VERDICT_WORDS[verdict.label]}
              {verdict.why ? ` (${verdict.why})` : ''}
              {verdict.sources.length ? `, comparing source sentence ${verdict.sources.join(', ')}` : ''}.
            </p>
          ) : null}
        </div>
      </details>
    </li>
  );
}

export function SentenceLinks({ draft, source }: { draft: Draft; source: SourceSentences | null }) {
  const links = draft.links?.links ?? [];
  if (!links.length || !source) return null;
  const byId = new Map(source.sentences.map((s) => [s.id, s]));
  const unsupported = links.filter((l) => !l.supported).length;
  const flagged = draft.verification?.verdicts.filter((v) => v.label !== 'supported').length ?? 0;
  const groups: Array<{ name: string; links: Array<{ link: SentenceLink; n: number }> }> = [];
  links.forEach((link, n) => {
    const name = fieldName(link.field);
    const last = groups.at(-1);
    if (last?.name === name) last.links.push({ link, n });
    else groups.push({ name, links: [{ link, n }] });
  });
  return (
    <details class="panel sentence-links" id="sentence-links">
      <summary>
        <strong>Sentence links</strong>: {links.length} sentences
        {unsupported ? <span class="badge no-support">{`${unsupported} without support`}</span> : null}
        {draft.verification?.status === 'done' ? (
          <span class={`badge verdict${flagged ? ' flagged' : ''}`}>{`verifier: ${flagged} flagged`}</span>
        ) : null}
        {draft.verification?.status === 'failed' ? (
          <span class="badge verdict">verifier did not run</span>
        ) : null}
      </summary>
      <p class="small muted">Select a sentence to highlight the source sentences behind it in the source.</p>
      {groups.map((g) => (
        <>
          <h3>{g.name}</h3>
          <ol class="link-list">
            {g.links.map(({ link, n }) => (
              <LinkItem link={link} n={n} verdict={verdictFor(draft, link)} byId={byId} />
            ))}
          </ol>
        </>
      ))}
    </details>
  );
}
