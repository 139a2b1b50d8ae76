/**
 * What the summarizer told the reviewer about its text ("Kept the original:
 * the rewrite lost a number") stays true only while that text is there. Once
 * a reviewer has rewritten the prose fields the note was about, it goes from
 * the next version (the history keeps it on the AI's version).
 */
import type { Draft } from '../domain/draft.ts';
import type { LaySummary } from '../domain/summary.ts';

/** Notes the simplify pass writes (src/summarize/simplify.ts, stage.ts). */
const SIMPLIFY_NOTE = /^(Kept the original|Rewritten from)/;

/** Authors of machine-written versions (src/summarize/stage.ts); anything else is a person. */
const MACHINE = new Set(['ai', 'extractive']);

/** The prose fields the simplify pass reads and rewrites. */
const PROSE = ['headline', 'takeaway', 'findings', 'audience'] as const;

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The notes for a human edit of `base`: the simplify note dropped once every prose field differs from the machine's text. */
export function notesAfterEdit(drafts: readonly Draft[], base: Draft, edited: LaySummary): string[] {
  const ai = drafts.filter((d) => MACHINE.has(d.author) && d.version <= base.version).at(-1);
  if (!ai) return base.notesForReviewer;
  const rewritten = PROSE.every((f) => norm(ai.summary[f]) !== norm(edited[f]));
  return rewritten ? base.notesForReviewer.filter((n) => !SIMPLIFY_NOTE.test(n)) : base.notesForReviewer;
}
