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
import { SUPPORTED_MIN } from '../text/align.ts';
import { sentencesById } from '../text/source-sentences.ts';
import { type CheckInput, result } from './context.ts';
import { flagMessage, flagOf } from './flags.ts';

/** Words that say a finding is uncertain. */
export const HEDGE =
  /\b(?:may|might|could|possibly|possible|probably|likely|unlikely|suggests?|suggested|suggesting|appears?|appeared|seems?|seemed|potential(?:ly)?|preliminary|perhaps|uncertain|unclear|tend(?:s|ed)? to|hypothes[ie]s|hint|indicates?|indicated|not sure|we think|we believe|it is thought)\b/i;
const ASSOCIATION =
  /\b(?:associat(?:ed|ion|ions)|correlat(?:ed|ion|ions)|linked|link between|relationship|related to|tied to|connected)\b/i;
const CAUSE =
  /\b(?:caus(?:e|es|ed|ing)|leads? to|led to|results? in|makes?|made|prevents?|prevented|protects?|protected|reduces?|reduced|cuts?|lowers?|lowered|raises?|raised|increases?|increased|improves?|improved|boosts?|boosted|drives?|drove|triggers?|triggered|stops?|cures?|treats?|helps?|helped|harms?|damages?|is why|because of)\b/i;
const NEGATED_CAUSE =
  /\b(?:not|no|never|nor|without)\b(?:\s+\w+){0,2}\s+(?:caus|lead|led|result|make|made|prevent|reduc|increas|improv|lower|rais|help|affect|change)/i;
const NON_HUMAN =
  /\b(?:mice|mouse|murine|rats?|rodents?|animals?|zebrafish|monkeys?|primates?|pigs?|dogs?|in vitro|cell lines?|cells|cultured|laborator(?:y|ies)|lab|test tubes?|organoids?|xenografts?)\b/i;
const SUBGROUP =
  /\b(?:in|among|for)\s+(?:patients|people|adults|children|women|men|individuals|participants|subjects|those|smokers|infants|girls|boys)\s+(?:with|who (?:had|have|were)|aged|over|under|older than|younger than)\s+([\p{L}\d-]+(?:\s+[\p{L}\d-]+){0,2})/iu;
const EVERYONE =
  /\b(?:everyone|everybody|anyone|all (?:people|patients|adults|women|men)|people|patients|adults|you|we all|humans)\b/i;

const NO_DIFFERENCE =
  /\b(?:no (?:statistically )?significant(?:ly)? (?:difference|differences|effect|change|increase|decrease|reduction|improvement)|not (?:statistically )?significant(?:ly)?(?: different)?|did not (?:differ|change|improve|reduce|increase|affect)|no (?:difference|differences|effect)|similar|comparable|as effective as|were equivalent)\b/i;
const UP = /\b(?:increas\w*|higher|more|greater|improv\w*|better|rais\w*|rose|gain\w*|longer|boost\w*)\b/gi;
const DOWN = /\b(?:decreas\w*|lower|less|fewer|reduc\w*|worse|declin\w*|fell|drop\w*|shorter|cut)\b/gi;
const NEGATION = /\b(?:not|no|never|neither|nor|without)\b/i;
const count = (re: RegExp, text: string) => (text.match(re) ?? []).length;

/** "no difference" stated as an effect, or the effect's direction turned round. */
function effectClaim(draft: string, source: string): string | null {
  const [up, down] = [count(UP, draft), count(DOWN, draft)];
  const draftEffect = (up > 0 || down > 0) && !NEGATION.test(draft) && !NO_DIFFERENCE.test(draft);
  if (NO_DIFFERENCE.test(source) && draftEffect)
    return `the source sentence finds no clear difference ("${NO_DIFFERENCE.exec(source)?.[0]}"); the draft states an effect`;
  if (NO_DIFFERENCE.test(source) || NEGATION.test(source) || NEGATION.test(draft)) return null;
  const [sUp, sDown] = [count(UP, source), count(DOWN, source)];
  if (sUp > 0 && sDown === 0 && down > 0 && up === 0)
    return 'the source sentence reports an increase; the draft a decrease';
  if (sDown > 0 && sUp === 0 && up > 0 && down === 0)
    return 'the source sentence reports a decrease; the draft an increase';
  return null;
}

/** Does the sentence report a result (not only a method)? */
function statesFinding(text: string): boolean {
  return (
    [UP, DOWN].some((re) => count(re, text) > 0) ||
    NO_DIFFERENCE.test(text) ||
    ASSOCIATION.test(text) ||
    CAUSE.test(text)
  );
}

/** Is the sentence hedged (uncertain, associative, or limited)? Used by the certainty check and measured by `npm run eval`. */
export function isHedged(sentence: string): boolean {
  return HEDGE.test(sentence) || ASSOCIATION.test(sentence);
}

const stems = (text: string) =>
  new Set((text.toLowerCase().match(/[\p{L}]+/gu) ?? []).map((w) => stemmer(w)));

/** What the draft sentence claims beyond the source sentence, or null. */
export function overreach(draft: string, source: string): string | null {
  if (NON_HUMAN.test(source) && !NON_HUMAN.test(draft))
    return `the source sentence is about ${NON_HUMAN.exec(source)?.[0]}; the draft does not say so`;
  const group = SUBGROUP.exec(source);
  if (group?.[1] && EVERYONE.test(draft)) {
    const words = [...stems(group[1])].filter((w) => w.length > 2);
    const said = stems(draft);
    if (words.length && !words.some((w) => said.has(w)))
      return `the source sentence is about ${group[0].trim()}; the draft states it for everyone`;
  }
  const draftCause = CAUSE.test(draft) && !NEGATED_CAUSE.test(draft) && !ASSOCIATION.test(draft);
  if (ASSOCIATION.test(source) && draftCause && !HEDGE.test(draft))
    return `the source sentence reports an association ("${ASSOCIATION.exec(source)?.[0]}"); the draft states a cause ("${CAUSE.exec(draft)?.[0]}")`;
  if (HEDGE.test(source) && !isHedged(draft) && draftCause)
    return `the source sentence is hedged ("${HEDGE.exec(source)?.[0]}"); the draft states it as certain`;
  return effectClaim(draft, source);
}

/** Fields that state findings (caveats and rating reasons are about limits and ratings). */
const CLAIM_FIELDS = /^(?:headline|takeaway|findings|audience)$/;

export function certaintyFlags(links: readonly SentenceLink[], source: SourceSentences): CheckFlag[] {
  const flags: CheckFlag[] = [];
  for (const link of links) {
    if (!CLAIM_FIELDS.test(link.field) || link.score < SUPPORTED_MIN) continue;
    const linked: SourceSentence[] = sentencesById(source, link.sources);
    // Flagged when a linked sentence is overreached and no linked sentence that states a finding backs the claim.
    const judged = linked.map((s) => ({ s, differs: overreach(link.text, s.text) }));
    const against = judged.find((j) => j.differs);
    const backed = judged.some((j) => !j.differs && statesFinding(j.s.text));
    if (against?.differs && !backed) flags.push(flagOf(link, [against.s], against.differs));
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
