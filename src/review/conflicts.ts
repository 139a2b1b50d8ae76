/**
 * Refusals that say who changed what. A decision on a stale version names the
 * version, its author and when it was saved; a decision on a paper someone
 * else has already moved names that person, so two reviewers racing each
 * know exactly what happened.
 */
import type { Draft } from '../domain/draft.ts';
import type { Papers } from '../domain/ports/papers.ts';
import type { LaySummary } from '../domain/summary.ts';
import { ConflictError } from '../errors/conflict-error.ts';
import { NotApprovedError } from '../errors/not-approved-error.ts';
import { StateError } from '../errors/state-error.ts';

const when = (iso: string) => iso.replace('T', ' ').slice(0, 16);

/** Human names for the summary's fields, as the desk labels them. */
const FIELD_NAMES: Record<keyof LaySummary, string> = {
  headline: 'headline',
  takeaway: 'key takeaway',
  findings: 'what they found',
  audience: 'who should care',
  caveats: 'considerations',
  topics: 'topics',
  ratings: 'ratings',
};

export function changedFields(before: LaySummary, after: LaySummary): string[] {
  return (Object.keys(FIELD_NAMES) as (keyof LaySummary)[])
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => FIELD_NAMES[k]);
}

function authorOf(draft: Draft): string {
  if (draft.author === 'ai') return `the summarizer (${draft.provenance.model})`;
  if (draft.author === 'extractive') return 'the offline extractive provider';
  return draft.author;
}

/** Rethrow a refusal from the store with who changed what; other errors pass through unchanged. */
export async function explainRefusal(
  err: unknown,
  store: Papers,
  id: string,
  verb: string,
  basedOn: number,
): Promise<never> {
  if (err instanceof NotApprovedError) throw err;
  if (err instanceof ConflictError) {
    const drafts = await store.drafts(id);
    const latest = drafts.at(-1);
    const seen = drafts.find((d) => d.version === basedOn);
    if (!latest || latest.version === basedOn) throw err;
    const fields = seen ? changedFields(seen.summary, latest.summary) : [];
    const what = fields.length ? ` (changed: ${fields.join(', ')})` : '';
    throw new ConflictError(
      id,
      basedOn,
      latest.version,
      `Did not ${verb} paper ${id}: you were looking at version ${basedOn}, but ${authorOf(latest)} saved version ${latest.version} at ${when(latest.provenance.createdAt)}${what}.`,
    );
  }
  if (err instanceof StateError) {
    const last = (await store.audit(id)).findLast((a) => a.to === err.current);
    if (!last) throw err;
    const note = last.note ? `: "${last.note.split('\n')[0]?.slice(0, 120)}"` : '';
    throw new StateError(
      err.action,
      id,
      err.current,
      err.allowed,
      `${last.action} by ${last.actor} at ${when(last.at)}${note}`,
    );
  }
  throw err;
}
