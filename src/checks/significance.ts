/**
 * "No significant difference" said in figures alone: a draft sentence that
 * states a direction ("reduced pain") for an outcome whose results the source
 * reports only as figures and statistics ("pain scores 3.1 and 3.4 (P =
 * .31)", "mean difference 0.4, 95% CI -0.2 to 1.0"). The statistics are read
 * for the part of the source sentence about the draft's outcome
 * (../text/significance.ts), so another outcome's p-value in the same
 * sentence says nothing about it; a significant result for the outcome
 * anywhere in the source, or a sentence that states the draft's direction
 * in words without non-significant figures, backs the draft.
 */
import type { SourceSentence } from '../domain/links.ts';
import { type Stat, type StatSegment, segmentSignificant, statSegments } from '../text/significance.ts';
import { draftDirection, outcomeShare, outcomeStems, stems } from './effect-direction.ts';

/**
 * The segment of a source sentence about the outcome, with its verdict; null
 * when no segment is clearly it. An outcome word every segment holds ("quit
 * rates in the contemplation stage (P=.002), ... in the precontemplation
 * stage (P=.91)") says less about which one it is than a word one alone holds.
 */
export function outcomeSignificance(
  outcome: ReadonlySet<string>,
  source: string,
): { segment: StatSegment; significant: boolean | null; stat: Stat | undefined } | null {
  const segments = statSegments(source);
  const only = segments.length === 1 ? segments[0] : undefined;
  if (only) {
    const significant = segmentSignificant(only);
    return { segment: only, significant, stat: only.stats.find((x) => x.significant === significant) };
  }
  const held = segments.map((segment) =>
    [...outcome].filter((w) => outcomeShare(new Set([w]), segment.text) > 0),
  );
  const spread = (w: string) => held.filter((words) => words.includes(w)).length;
  const scored = segments.map((segment, i) => ({
    segment,
    score: (held[i] ?? []).reduce((sum, w) => sum + 1 / spread(w), 0),
  }));
  const best = Math.max(0, ...scored.map((x) => x.score));
  // No segment about the outcome, or two as much about it that disagree: cannot tell which is the draft's.
  const top = scored.flatMap((x, i) => (best > 0 && x.score === best ? [i] : []));
  // Segments right after it that name no outcome of their own report the same one for another group ("and 22% lower after B (p < 0.001)").
  const reporting = top.flatMap((i) => {
    const run = [i];
    for (let j = i + 1; j < segments.length && !held[j]?.length; j++) run.push(j);
    return run;
  });
  const verdicts = new Set(
    reporting.map((i) => segments[i] && segmentSignificant(segments[i])).filter((v) => v !== null),
  );
  const first = top[0] === undefined ? undefined : segments[top[0]];
  const significant = [...verdicts][0] ?? null;
  if (!first || verdicts.size > 1) return null;
  const stat = reporting.flatMap((i) => segments[i]?.stats ?? []).find((x) => x.significant === significant);
  return { segment: first, significant, stat };
}

/** Share of the draft's outcome words the deciding sentence must hold. */
const OUTCOME_HELD = 0.6;

/** What was measured, not what was found: "The primary outcome was the proportion showing improvement". */
const MEASURED =
  /\b(?:(?:primary|secondary|main) (?:outcomes?|end ?points?)|outcomes? (?:measures? )?(?:was|were|included)|(?:was|were) (?:measured|assessed|evaluated|recorded|compared))\b/i;

/** Words that name no outcome ("the", "with") do not tell which sentence is about it. */
const FUNCTION_WORDS = new Set([
  'the',
  'and',
  'with',
  'for',
  'from',
  'that',
  'thi',
  'was',
  'were',
  'are',
  'all',
  'than',
  'per',
  'who',
  'which',
  'their',
]);
const content = (words: ReadonlySet<string>) => new Set([...words].filter((w) => !FUNCTION_WORDS.has(w)));

const SAYS = { up: 'an increase', down: 'a decrease', better: 'an improvement', worse: 'a worsening' };

/**
 * The source sentence that reports no significant difference for the
 * outcome the draft states a direction for, and what differs; null when the
 * draft states no direction, no sentence reports the outcome non-significant,
 * or one reports it significant.
 */
export function nonSignificantClaim(
  draft: string,
  sentences: readonly SourceSentence[],
  backs: (s: SourceSentence) => boolean,
): { source: SourceSentence; differs: string } | null {
  const said = draftDirection(draft);
  if (!said || said === 'none') return null;
  const outcome = content(outcomeStems(draft));
  if (!outcome.size) return null;
  // The sentences most about the outcome decide, and of those the ones most about the draft's groups too.
  const words = content(stems(draft));
  const read = sentences
    .map((s) => ({
      s,
      share: outcomeShare(outcome, s.text),
      groups: outcomeShare(words, s.text),
      r: outcomeSignificance(outcome, s.text),
    }))
    .filter((x) => x.r && x.r.significant !== null);
  const best = Math.max(0, ...read.map((x) => x.share));
  const most = Math.max(0, ...read.filter((x) => x.share === best).map((x) => x.groups));
  const top = read.filter((x) => x.share === best && x.groups === most);
  // Half the outcome's words ("risk" of "risk of death") may name another outcome ("risk of ventilation").
  if (best < OUTCOME_HELD || !top.length || top.some((x) => x.r?.significant)) return null;
  const stat = top[0]?.r?.stat;
  const found = top[0] && stat ? { source: top[0].s, stat } : null;
  // A results sentence as much about the outcome that states the draft's direction in words alone backs it (one with
  // figures is read by them; a title names the question, often in the answer's words).
  const rivals = sentences.filter(
    (s) =>
      s.part !== 'title' &&
      !MEASURED.test(s.text) &&
      statSegments(s.text).length === 0 &&
      outcomeShare(outcome, s.text) >= best,
  );
  if (!found || rivals.some(backs)) return null;
  return {
    source: found.source,
    differs: `the source reports no significant difference (${found.stat.raw.trim()}); the draft states ${SAYS[said]}`,
  };
}
