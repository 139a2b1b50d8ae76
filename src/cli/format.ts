/** Plain-text rendering of papers and drafts for the terminal. */
import type { FailureRecord } from '../domain/failure.ts';
import { STATE_DESCRIPTIONS } from '../domain/state.ts';
import type { PaperRow, PaperView } from '../review/view.ts';
import { wrap } from './output.ts';

export function formatRow(r: PaperRow): string {
  const what = r.headline ?? r.title;
  const by = r.provider ? ` [${r.provider}${r.model ? `/${r.model}` : ''}]` : '';
  return `${r.id}  ${r.state.padEnd(14)}  ${what.slice(0, 70)}${by}`;
}

export function formatStatus(v: PaperView): string {
  const lines = [`${v.id}: ${STATE_DESCRIPTIONS[v.state]}`];
  if (v.reason) lines.push(`${v.state === 'failed' ? 'reason' : 'note'}: ${v.reason}`);
  lines.push(`source: ${v.source?.title ?? v.submission.kind}`);
  if (v.draft)
    lines.push(
      `draft: version ${v.draft.version} by ${v.draft.author} (${v.draft.provenance.provider}/${v.draft.provenance.model})`,
    );
  if (v.approval) lines.push(`approved: version ${v.approval.version} by ${v.approval.by}, ${v.approval.at}`);
  const pub = v.publication;
  if (pub?.withdrawn)
    lines.push(`withdrawn: ${pub.withdrawn.at} by ${pub.withdrawn.by}: ${pub.withdrawn.reason}`);
  else if (pub) lines.push(`live: version ${pub.version} at /s/${pub.slug}, since ${pub.publishedAt}`);
  if (v.placeholders.length)
    lines.push(
      `to write before approving: ${v.placeholders.map((p) => p.field).join(', ')} (\`laysum review edit\`)`,
    );
  lines.push(`updated: ${v.updatedAt}`);
  return lines.join('\n');
}

/** How much of the model's reply `laysum status` prints; `--json` has all the record keeps. */
const REPLY_PREVIEW_CHARS = 2000;

/** A failed paper's failure record: the stage that gave up and, from the summarizer, what the model returned. */
export function formatFailure(f: FailureRecord, id: string): string {
  const lines = [`failed in: ${f.stage}, ${f.at}`];
  if (f.finishReason !== null || f.usage !== null) {
    const tokens = f.usage
      ? `${f.usage.promptTokens}+${f.usage.completionTokens} tokens`
      : 'no tokens counted';
    lines.push(`model: finish reason ${f.finishReason ?? '-'}, ${tokens}`);
  }
  if (f.reply !== null) {
    const more = f.reply.length - REPLY_PREVIEW_CHARS;
    const shown = f.reply.slice(0, REPLY_PREVIEW_CHARS).split('\n');
    lines.push('what the model returned:', ...shown.map((line) => `  ${line}`));
    if (more > 0) lines.push(`  [… ${more} more characters: \`laysum status ${id} --json\` shows them]`);
  }
  return lines.join('\n');
}

export function formatView(v: PaperView): string {
  const out: string[] = [formatStatus(v), ''];
  const s = v.source;
  if (s) {
    out.push('== Source');
    out.push(`${s.title}`);
    const ids = [s.ids.doi && `DOI ${s.ids.doi}`, s.ids.pmid && `PMID ${s.ids.pmid}`]
      .filter(Boolean)
      .join(', ');
    out.push([s.journal, s.publishedAt, ids].filter(Boolean).join(' | '));
    out.push(
      ...s.abstract.map((sec) => wrap(sec.label ? `${sec.label}: ${sec.text}` : sec.text, 88, '  ')),
      '',
    );
  }
  const d = v.draft;
  if (!d) return out.join('\n');
  const sum = d.summary;
  out.push(
    `== Draft v${d.version}${d.provenance.provider === 'extractive' ? ' (EXTRACTIVE: no AI model was used)' : ''}`,
  );
  out.push(sum.headline);
  out.push(`Credibility ${sum.ratings.credibility.score}/5: ${sum.ratings.credibility.rationale}`);
  out.push(`Interest ${sum.ratings.interest.score}/5: ${sum.ratings.interest.rationale}`);
  out.push(
    'Key takeaway:',
    wrap(sum.takeaway),
    'What they found:',
    wrap(sum.findings),
    'Who should care and why:',
    wrap(sum.audience),
  );
  out.push('Important considerations:', ...sum.caveats.map((c) => wrap(`- ${c}`)));
  out.push(`Topics: ${sum.topics.join(', ')}`, '');
  out.push('== Checks', ...d.checks.map((c) => `  [${c.status}] ${c.label}: ${c.message}`), '');
  const p = d.provenance;
  out.push(
    `== Provenance: ${p.provider}/${p.model}, prompt ${p.promptVersion ?? '-'}, ${p.llmCalls} call(s), ${p.repairs} repair(s)${p.cacheHits ? `, cache hit (${p.cacheHits})` : ''}, tokens ${p.usage.promptTokens}+${p.usage.completionTokens}${p.usage.estimated ? ' (estimated)' : ''}${p.costUsd ? `, ~$${p.costUsd.toFixed(4)}` : ''}, ${p.createdAt}`,
  );
  out.push(
    '',
    '== History',
    ...v.audit.map((a) => `  ${a.at}  ${a.actor}  ${a.action}${a.note ? `: ${a.note.split('\n')[0]}` : ''}`),
  );
  return out.join('\n');
}
