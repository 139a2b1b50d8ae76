/**
 * Certainty and causality, sentence by sentence: a draft sentence must not be
 * surer or wider than the source sentences it draws on. Flagged, naming both:
 * a hedged source ("may", "suggests") stated without a hedge; an association
 * ("was associated with") stated as a cause; a result in mice, cells or the
 * lab stated without saying so; a result in a subgroup ("in patients with
 * diabetes") stated for everyone. Negations are read: "did not cause" claims
 * no cause.
 */

import { stemmer } from 'stemmer';
import type { CheckResult } from '../domain/draft.ts';
import type { CheckFlag, SentenceLink, SourceSentence, SourceSentences } from '../domain/links.ts';
import { type Aligner, createAligner, SUPPORTED_MIN } from '../text/align.ts';
import { sentencesById } from '../text/source-sentences.ts';
import { type CheckInput, result } from './context.ts';
import {
  DOWN,
  draftDirection,
  NO_DIFFERENCE,
  opposed,
  outcomeShare,
  outcomeStems,
  sourceDirection,
  UP,
} from './effect-direction.ts';
import { flagMessage, flagOf } from './flags.ts';
import { forSubject } from './group-order.ts';
import { HEDGE, isUncertain } from './hedges.ts';
import { exclusivityClash, polarityClash, restated } from './polarity.ts';
import { nonSignificantClaim } from './significance.ts';

const ASSOCIATION =
  /\b(?:associat(?:ed|ion|ions)|correlat(?:ed|ion|ions)|linked|link between|relationship|related to|tied to|connected)\b/i;
const CAUSE =
  /\b(?:caus(?:e|es|ed|ing)|leads? to|led to|results? in|makes?|made|prevents?|prevented|protects?|protected|reduces?|reduced|cuts?|lowers?|lowered|raises?|raised|increases?|increased|improves?|improved|boosts?|boosted|drives?|drove|triggers?|triggered|stops?|cures?|treats?|helps?|helped|harms?|damages?|is why|because of)\b/i;
const NEGATED_CAUSE =
  /\b(?:not|no|never|nor|without)\b(?:\s+\w+){0,2}\s+(?:caus|lead|led|result|make|made|prevent|reduc|increas|improv|lower|rais|help|affect|change)/i;
const NON_HUMAN =
  /\b(?:mice|mouse|murine|rats?|rodents?|animals?|zebrafish|monkeys?|primates?|pigs?|dogs?|in vitro|cell lines?|cells|cultured|(?:laborator(?:y|ies)|lab)(?![- ](?:confirmed|tests?|testing|findings?|values?|results?|data|parameters?|markers?|abnormalit(?:y|ies)|investigations?|workers?|staff))|test tubes?|organoids?|xenografts?)\b/i;
const SUBGROUP =
  /\b(?:in|among|for)\s+(?:patients|people|adults|children|women|men|individuals|participants|subjects|those|smokers|infants|girls|boys)\s+(?:with|who (?:had|have|were)|aged|over|under|older than|younger than)\s+([\p{L}\d-]+(?:\s+[\p{L}\d-]+){0,2})/iu;
const EVERYONE =
  /\b(?:everyone|everybody|anyone|all (?:people|patients|adults|women|men)|people|patients|adults|you|we all|humans)\b/i;

/** "no difference" stated as an effect, or the effect's direction turned round (./effect-direction.ts). */
function effectClaim(draft: string, source: string): string | null {
  const said = draftDirection(draft);
  if (!said) return null;
  const found = subjectDirection(draft, source);
  if (!found || !opposed(said, found.dir) || said === 'none') return null;
  if (found.dir === 'none')
    return `the source sentence finds no clear difference ("${NO_DIFFERENCE.exec(found.clause)?.[0]}"); the draft states an effect`;
  const whose = found.turned ? ` for the comparison group, which is ${SAYS[found.dir]} for the draft's` : '';
  return `the source sentence reports ${SAYS[found.turned ? TURN[found.dir] : found.dir]}${whose} ("${found.clause.trim()}"); the draft ${SAYS[said]}`;
}

/** The source clause's direction for the draft's own subject group (./group-order.ts). */
function subjectDirection(draft: string, source: string) {
  const found = sourceDirection(draft, source);
  if (!found) return null;
  const dir = forSubject(draft, found.clause, found.dir);
  return { ...found, dir, turned: dir !== found.dir };
}
const TURN = { up: 'down', down: 'up', better: 'worse', worse: 'better', none: 'none' } as const;

const SAYS = {
  up: 'an increase',
  down: 'a decrease',
  better: 'an improvement',
  worse: 'a worsening',
  none: 'no difference',
};

/** Does a source sentence back the draft sentence's result: the same direction, or no direction to disagree with? */
function agrees(draft: string, source: string): boolean {
  const said = draftDirection(draft);
  const found = subjectDirection(draft, source)?.dir;
  return !said || (found !== undefined && !opposed(said, found));
}

/** Does the sentence report a result (not only a method)? */
function statesFinding(text: string): boolean {
  return (
    [UP, DOWN].some((re) => (text.match(re) ?? []).length > 0) ||
    NO_DIFFERENCE.test(text) ||
    ASSOCIATION.test(text) ||
    CAUSE.test(text)
  );
}

/** Is the sentence hedged: uncertain (./hedges.ts) or only an association? */
export function isHedged(sentence: string): boolean {
  return isUncertain(sentence) || ASSOCIATION.test(sentence);
}

const stems = (text: string) =>
  new Set((text.toLowerCase().match(/[\p{L}]+/gu) ?? []).map((w) => stemmer(w)));

/** What the draft sentence claims beyond the source sentence, or null. */
export function overreach(draft: string, source: string, label: string | null = null): string | null {
  if (NON_HUMAN.test(source) && !NON_HUMAN.test(draft))
    return `the source sentence is about ${NON_HUMAN.exec(source)?.[0]}; the draft does not say so`;
  // An aim, a hypothesis or a method is not a result, so its "may" or "whether" hedges nothing.
  if (AIM_OR_METHOD.test(source) || (label && AIM_LABEL.test(label))) return null;
  const group = SUBGROUP.exec(source);
  if (group?.[1] && EVERYONE.test(draft)) {
    const words = [...stems(group[1])].filter((w) => w.length > 2);
    const said = stems(draft);
    if (words.length && !words.some((w) => said.has(w)))
      return `the source sentence is about ${group[0].trim()}; the draft states it for everyone`;
  }
  // "X made no difference to Y" claims no cause.
  const draftCause =
    CAUSE.test(draft) && !NEGATED_CAUSE.test(draft) && !ASSOCIATION.test(draft) && !NO_DIFFERENCE.test(draft);
  if (ASSOCIATION.test(source) && draftCause && !HEDGE.test(draft))
    return `the source sentence reports an association ("${ASSOCIATION.exec(source)?.[0]}"); the draft states a cause ("${CAUSE.exec(draft)?.[0]}")`;
  if (HEDGE.test(source) && !isHedged(draft) && draftCause)
    return `the source sentence is hedged ("${HEDGE.exec(source)?.[0]}"); the draft states it as certain`;
  return effectClaim(draft, source);
}

const AIM_LABEL =
  /^(?:BACKGROUND|OBJECTIVES?|AIMS?|PURPOSE|METHODS?|DESIGN|INTRODUCTION|INTERVENTIONS?|SETTING|PARTICIPANTS)\b/i;
const AIM_OR_METHOD =
  /^(?:ABSTRACT\.)?(?:BACKGROUND|OBJECTIVES?|AIMS?|PURPOSE|METHODS?|DESIGN|INTRODUCTION|INTERVENTIONS?)\b|\b(?:the (?:aim|objective|purpose) of|we aimed|hypothes[ie]s (?:that|was)|to (?:test|determine|assess|evaluate|investigate|examine) (?:whether|if|the)|were (?:randomi[sz]ed|randomly assigned|allocated)|indicated the extent)\b/i;

/**
 * Share of a weakly linked sentence's source-known terms its linked sentences
 * must hold for the link to be judged: all of them. Tuning part: 0.8 caught
 * no more and flagged one more faithful claim; 0.7, or two known terms
 * instead of three, caught up to 13 more refuted claims but flagged 9-11% of
 * the supported ones, at the target's edge.
 */
const KNOWN_COVERED_MIN = 1;

/** Fields that state findings (caveats and rating reasons are about limits and ratings). */
const CLAIM_FIELDS = /^(?:headline|takeaway|findings|audience)$/;

/** Words-only coverage a results sentence needs to be where a draft sentence's finding is checked. */
const FINDING_MIN = 0.25;

/**
 * Results sentences that share most of the draft sentence's words. A draft
 * finding names the treatment and the outcome, which a methods sentence
 * names too and often better ("were randomized to X or Y"; "endpoints were
 * Z"); the result it states is checked against the sentences that report one.
 */
function resultSentences(
  text: string,
  linked: readonly SourceSentence[],
  source: SourceSentences,
  byWords: Aligner,
) {
  const scored = source.sentences
    .filter((s) => !linked.includes(s) && statesFinding(s.text))
    .map((s) => ({ s, c: byWords.coverage(text, s.id) }))
    .filter((x) => x.c >= FINDING_MIN)
    .sort((a, b) => b.c - a.c);
  const best = scored[0]?.c ?? 0;
  return scored
    .filter((x) => x.c >= best * 0.8)
    .slice(0, 2)
    .map((x) => x.s);
}

/** Outcome words a results sentence must hold to be read for the draft's result. */
const OUTCOME_MIN = 0.5;

/**
 * Results sentences that name the outcome the draft sentence states a
 * result for ("increased peak inspiratory pressure"), however few of its
 * other words (the treatment's and comparator's names) they repeat: the
 * results sentence often names the groups by a short name ("the GIK group").
 */
function outcomeSentences(text: string, linked: readonly SourceSentence[], source: SourceSentences) {
  const outcome = outcomeStems(text);
  return source.sentences
    .filter((s) => !linked.includes(s) && !reportsNoResult(s) && statesFinding(s.text))
    .map((s) => ({ s, share: outcomeShare(outcome, s.text) }))
    .filter((x) => x.share >= OUTCOME_MIN)
    .sort((a, b) => b.share - a.share)
    .slice(0, 2)
    .map((x) => x.s);
}

/** Sentences reporting results that name the outcome the draft sentence states a result for. */
const aboutOutcome = (text: string, source: SourceSentences) =>
  source.sentences.filter(
    (s) => !reportsNoResult(s) && outcomeShare(outcomeStems(text), s.text) >= OUTCOME_MIN,
  );

/** An aim, a hypothesis, a method or background: what the study set out to do, not what it found. */
const reportsNoResult = (s: SourceSentence) =>
  AIM_OR_METHOD.test(s.text) || (s.label !== null && AIM_LABEL.test(s.label));

export function certaintyFlags(links: readonly SentenceLink[], source: SourceSentences): CheckFlag[] {
  const flags: CheckFlag[] = [];
  const byWords = createAligner(source, { figures: false });
  const aligner = createAligner(source);
  for (const link of links) {
    if (!CLAIM_FIELDS.test(link.field)) continue;
    // The model's checked ids count however few words the sentence shares with them; weaker
    // overlap links are not judged, but the results sentences that name the outcome still are.
    // A reworded sentence whose words the source does have sit in its linked sentences is judged.
    const weak =
      link.method !== 'model' &&
      link.score < SUPPORTED_MIN &&
      aligner.coverageOfKnown(link.text, link.sources) < KNOWN_COVERED_MIN;
    const linked: SourceSentence[] = weak ? [] : sentencesById(source, link.sources);
    // Results sentences beyond the links are read for the result's direction only.
    const byTerms =
      weak || linked.some((s) => statesFinding(s.text))
        ? []
        : resultSentences(link.text, linked, source, byWords);
    const extra = [...new Set([...byTerms, ...outcomeSentences(link.text, linked, source)])];
    // Flagged when a sentence is overreached and no sentence that states a finding backs the claim.
    const judged = [
      ...linked.map((s) => ({ s, differs: overreach(link.text, s.text, s.label) })),
      ...extra.map((s) => ({ s, differs: effectClaim(link.text, s.text) })),
    ];
    const against = judged.find((j) => j.differs);
    // An aim or a hypothesis ("associated with improvements") backs no result.
    const backed = judged.some(
      (j) => !j.differs && !reportsNoResult(j.s) && statesFinding(j.s.text) && agrees(link.text, j.s.text),
    );
    if (against?.differs && !backed) {
      flags.push(flagOf(link, [against.s], against.differs));
      continue;
    }
    // A direction where the source's figures for the outcome say no significant difference (P = .31).
    const unproven = nonSignificantClaim(link.text, aboutOutcome(link.text, source), (s) =>
      judged.some((j) => j.s === s && !j.differs && statesFinding(s.text) && agrees(link.text, s.text)),
    );
    if (unproven) {
      flags.push(flagOf(link, [unproven.source], unproven.differs));
      continue;
    }
    // "No significant difference" is a result the source often states in figures alone (p = 0.34): the direction reading judges it.
    if (NO_DIFFERENCE.test(link.text)) continue;
    // The sentences its words come from one by one, and those it is linked to together (a claim may join two).
    const restates = [...new Set([...restated(link.text, source, byWords), ...linked])].filter(
      (s) => !reportsNoResult(s),
    );
    const clash = polarityClash(link.text, restates) ?? exclusivityClash(link.text, restates);
    if (clash) flags.push(flagOf(link, [clash.source], clash.differs));
  }
  return flags;
}

export function certaintyCheck({ alignment }: CheckInput): CheckResult {
  const flags = certaintyFlags(alignment.links, alignment.source);
  const label = 'As sure and as wide as the source';
  return flags.length === 0
    ? result(
        'certainty',
        label,
        'pass',
        'No sentence is surer or wider than the source sentence it draws on.',
      )
    : {
        ...result(
          'certainty',
          label,
          'warn',
          `${flagMessage(flags)} Keep the source's hedge ("may", "was linked to"), and say in whom it was found.`,
        ),
        flags,
      };
}
