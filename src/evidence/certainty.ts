/**
 * The certainty a review states about its own evidence, in GRADE's words
 * (high / moderate / low / very low, or "quality" in older reviews), and the
 * empty review: one whose searches found no study that met its criteria.
 */

export type Certainty = 'high' | 'moderate' | 'low' | 'very low' | 'no studies';

const LEVEL = '(high|moderate|low|very[- ]low)';
const STATED = [
  // "low-certainty evidence", "moderate quality evidence", "evidence of very low certainty" (not "high-quality trials are needed")
  new RegExp(`\\b${LEVEL}[- ](?:certainty|quality)(?: of)? evidence\\b`, 'gi'),
  new RegExp(`\\bevidence (?:was|is|of) ${LEVEL}[- ](?:certainty|quality)\\b`, 'gi'),
  // "the certainty of the evidence was low", "quality of evidence is moderate", "rated as very low"
  new RegExp(
    `\\b(?:certainty|quality) of (?:the )?(?:evidence|studies|trials)[^.;]{0,60}?\\b(?:was|were|is|as|judged|rated|graded)(?: as)? ${LEVEL}\\b`,
    'gi',
  ),
];

/** Said only of a review that included nothing. */
const SURELY_EMPTY =
  /\bnone (?:of (?:them|these|the \w+) )?(?:met|fulfilled|satisfied) (?:the|our) inclusion criteria|\bno (?:studies|trials|rcts) (?:met|fulfilled|satisfied) (?:the|our) inclusion criteria|\breview (?:question )?remains unanswered|\b(?:this|the) review is empty|\bno (?:studies|trials) (?:were|could be) included\b|\bwe (?:did not|could not) include any\b/i;
/** Said of an empty review, but also of one outcome or subgroup of a full one ("we found no studies in children"). */
const EMPTY =
  /\bno (?:studies|trials|randomi[sz]ed (?:controlled )?trials|rcts)(?: were found that)? (?:met|fulfilled|satisfied) (?:the|our) inclusion criteria|\b(?:did not|could not|failed to) (?:find|identify|locate) any (?:eligible |relevant |suitable |randomi[sz]ed )*(?:studies|trials)|\bno (?:eligible|relevant|suitable|completed|included) (?:randomi[sz]ed )?(?:studies|trials)\b|\bwe found no (?:eligible |relevant |randomi[sz]ed (?:controlled )?)*(?:studies|trials)\b|\bno (?:studies|trials) (?:were|was) (?:eligible|included|identified|found)\b|\bthere (?:are|were) no (?:randomi[sz]ed (?:controlled )?)?(?:studies|trials)\b/i;

const NUMBER =
  '(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\w+teen|\\w+ty(?:-\\w+)?|several|a total of \\d+)';
/** "We included 12 trials", "Fifteen RCTs met the inclusion criteria", "one small trial": the review is not empty. */
const INCLUDED = new RegExp(
  `\\b${NUMBER}(?: [a-z-]+){0,3} (?:studies|study|trials?|rcts?|articles|reports)\\b(?! (?:are|is) (?:needed|required))`,
  'i',
);

const RANK: Record<Exclude<Certainty, 'no studies'>, number> = {
  high: 4,
  moderate: 3,
  low: 2,
  'very low': 1,
};

/**
 * The highest certainty the text states (a review grades each outcome; its
 * best-supported finding bounds what it can claim), or 'no studies' for an
 * empty review, or null when it states none.
 */
export function statedCertainty(text: string): Certainty | null {
  if (SURELY_EMPTY.test(text) || (EMPTY.test(text) && !INCLUDED.test(text))) return 'no studies';
  let best: Exclude<Certainty, 'no studies'> | null = null;
  for (const pattern of STATED) {
    for (const m of text.matchAll(pattern)) {
      const level = (m[1] ?? '').toLowerCase().replace('-', ' ') as keyof typeof RANK;
      if (RANK[level] && (!best || RANK[level] > RANK[best])) best = level;
    }
  }
  return best;
}
