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
): { segment: StatSegment; significant: boolean | null } | null {
  const segments = statSegments(source);
  if (segments.length === 1 && segments[0]) {
    return { segment: segments[0], significant: segmentSignificant(segments[0]) };
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
  const verdicts = new Set(reporting.map((i) => segments[i] && segmentSignificant(segments[i])));
  const first = top[0] === undefined ? undefined : segments[top[0]];
  if (!first || verdicts.size !== 1) return null;
  return { segment: first, significant: [...verdicts][0] ?? null };
}

/** Groups compared before treatment ("no difference at baseline (P > 0.05)") report no result. */
const BEFORE_TREATMENT =
  /\b(?:at baseline|baseline (?:characteristics|values|data|levels)|before (?:the )?(?:intervention|treatment|randomi[sz]ation|surgery)|pre-?(?:intervention|treatment|randomi[sz]ation))\b/i;

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
  const outcome = outcomeStems(draft);
  if (!outcome.size) return null;
  // The sentences most about the outcome decide, and of those the ones most about the draft's groups too.
  const words = stems(draft);
  const read = sentences
    .filter((s) => !BEFORE_TREATMENT.test(s.text))
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
  if (!top.length || top.some((x) => x.r?.significant)) return null;
  const stat = top[0]?.r?.segment.stats.find((x) => x.significant === false);
  const found = top[0] && stat ? { source: top[0].s, stat } : null;
  // A sentence as much about the outcome that states the draft's direction in words, without figures against it, backs it.
  const unproven = new Set(read.filter((x) => x.r?.significant === false).map((x) => x.s));
  const rivals = sentences.filter((s) => !unproven.has(s) && outcomeShare(outcome, s.text) >= best);
  if (!found || rivals.some(backs)) return null;
  return {
    source: found.source,
    differs: `the source reports no significant difference (${found.stat.raw.trim()}); the draft states ${SAYS[said]}`,
  };
}
