/**
 * What a figure counts: the content words just after it ("69 drugs", "108
 * participants (51% male"). A figure found in another source sentence
 * counting the same thing is that sentence's figure, not a number about
 * something else ("25 loci" against "25 cohorts" is still about something else).
 */
import { stemmer } from 'stemmer';
import type { Quantity, SentenceFigures } from '../text/quantities.ts';

const FILLER = new Set(['of', 'the', 'a', 'an', 'and', 'in', 'with', 'who', 'that', 'were', 'was', 'had']);

/** Up to `n` stemmed words after the figure, fillers skipped. */
function after(text: string, q: Quantity, n: number): string[] {
  const rest = text.slice(q.at + q.raw.length, q.at + q.raw.length + 80).toLowerCase();
  const words = (rest.match(/\p{L}[\p{L}-]*/gu) ?? []).filter((w) => !FILLER.has(w));
  return words.slice(0, n).flatMap((w) => w.split('-').map((p) => stemmer(p)));
}

export function sameCounted(
  draft: string,
  q: Quantity,
  found: { q: Quantity; figures: SentenceFigures },
): boolean {
  if (q.kind !== 'count') return false;
  const said = after(draft, q, 1);
  const there = new Set(after(found.figures.text, found.q, 3));
  return said.length > 0 && said.every((w) => w.length > 2 && there.has(w));
}
