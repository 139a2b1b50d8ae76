/**
 * A reviewer's edit: saved as a new version based on the version the
 * reviewer saw (a stale base is refused with who changed what, never
 * overwritten). Any edit voids an approval and sends the paper back to
 * review; editing a live summary is a correction, and the public page keeps
 * the published version until the corrected one is approved and published.
 */
import { assessDraft } from '../checks/run-checks.ts';
import type { Draft } from '../domain/draft.ts';
import { isLive } from '../domain/publication.ts';
import { LaySummary } from '../domain/summary.ts';
import { TRANSITIONS } from '../domain/transitions.ts';
import { InputError } from '../errors/input-error.ts';
import { StateError } from '../errors/state-error.ts';
import { explainRefusal } from './conflicts.ts';
import type { ReviewDeps } from './deps.ts';

/** States in which the draft can be edited. */
export const EDITABLE_STATES = TRANSITIONS.edit.from;

export async function editDraft(
  deps: ReviewDeps,
  id: string,
  actor: string,
  basedOn: number,
  changes: Partial<LaySummary>,
): Promise<Draft> {
  const paper = await deps.store.require(id);
  if (!(EDITABLE_STATES as readonly string[]).includes(paper.state)) {
    throw new StateError('edit', id, paper.state, EDITABLE_STATES);
  }
  const base = (await deps.store.drafts(id)).find((d) => d.version === basedOn);
  if (!base || !paper.record)
    throw new InputError(`Paper ${id} has no draft version ${basedOn}.`, {
      hint: 'Reload the draft and edit the latest version.',
    });
  const parsed = LaySummary.safeParse({ ...base.summary, ...changes });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new InputError(`The edit is not a valid summary: ${problems}.`, {
      hint: 'Fix the fields named and save again.',
    });
  }
  // Sentences the reviewer left as they were keep the model's checked links and the verifier's verdicts.
  const { checks, links, verification } = assessDraft(
    parsed.data,
    paper.record,
    deps.checkProfile,
    base.provenance.provider,
    base,
  );
  const draft: Draft = {
    version: basedOn + 1,
    summary: parsed.data,
    provenance: { ...base.provenance, createdAt: new Date().toISOString() },
    author: actor,
    basedOn,
    reviewerNotes: null,
    notesForReviewer: base.notesForReviewer,
    checks,
    links,
    ...(verification ? { verification } : {}),
  };
  const live = isLive(paper.publication) ? paper.publication : null;
  const correction = live ? `correction of published version ${live.version}\n` : '';
  await deps.store
    .addDraft(id, draft, {
      expected: basedOn,
      ...TRANSITIONS.edit,
      mode: 'edit',
      actor,
      note: correction + describeEdit(base.summary, parsed.data, basedOn),
    })
    .catch((err: unknown) => explainRefusal(err, deps.store, id, 'edit', basedOn));
  return draft;
}

const clipped = (text: string) => (text.length > 140 ? `${text.slice(0, 139)}…` : text);

function showValue(v: unknown): string {
  return clipped(typeof v === 'string' ? v : Array.isArray(v) ? v.join('; ') : JSON.stringify(v));
}

/** Rating changes read "interest 3 → 2" and "interest reason: ..." rather than raw JSON. */
function describeRatings(before: LaySummary['ratings'], after: LaySummary['ratings']): string[] {
  const lines: string[] = [];
  for (const name of ['credibility', 'interest'] as const) {
    const [a, b] = [before[name], after[name]];
    if (a.score !== b.score) lines.push(`${name} ${a.score} → ${b.score}`);
    if (a.rationale !== b.rationale)
      lines.push(`${name} reason: "${clipped(a.rationale)}" → "${clipped(b.rationale)}"`);
  }
  return lines;
}

/** The audit note for an edit: each changed field, before and after (shortened). */
export function describeEdit(before: LaySummary, after: LaySummary, basedOn: number): string {
  const lines: string[] = [];
  for (const k of Object.keys(after) as (keyof LaySummary)[]) {
    if (JSON.stringify(before[k]) === JSON.stringify(after[k])) continue;
    if (k === 'ratings') lines.push(...describeRatings(before.ratings, after.ratings));
    else lines.push(`${k}: "${showValue(before[k])}" → "${showValue(after[k])}"`);
  }
  return lines.length ? lines.join('\n') : `saved version ${basedOn} again without changes`;
}
