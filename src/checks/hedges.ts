/**
 * The hedge reading: does a sentence say its finding is uncertain? "may",
 * "suggests", "roughly 16,000", "more research is needed". The certainty
 * check asks it of source sentences (a hedged source stated as certain is an
 * overreach) and of draft sentences (a draft that keeps the hedge is fine).
 * `npm run eval` measures it on findings that readers rated for certainty.
 * "more likely to" is a measure, not a hedge.
 */

/** Words that say a finding is uncertain. */
export const HEDGE =
  /\b(?:may|might|could|possibly|possible|probably|(?<!(?:more|less|as|most|least|equally) )likely|unlikely|suggests?|suggested|suggesting|appears?|appeared|seems?|seemed|potential(?:ly)?|preliminary|perhaps|uncertain|unclear|tend(?:s|ed)? to|hypothes[ie]s|hint|indicates?|indicated|not sure|we think|we believe|it is thought)\b/i;

/** Further cues of uncertainty: approximate figures, limits stated, work still to do. */
const LIMITED =
  /\b(?:approximately|roughly|(?:around|about|nearly|almost|as many as|up to) (?=\d|half|a third|a quarter|one|two|three)|somewhat|sometimes|usually|would|assumes?|assumed|(?:is|are|remains?|still) limited|limited evidence|not (?:so )?(?:clear|simple|known|enough evidence)|(?:more|further|additional) (?:research|studies|study|work|investigation)|(?:is|are) (?:needed|required|warranted)|remains? to be|estimated?)\b/i;

export function isUncertain(sentence: string): boolean {
  return HEDGE.test(sentence) || LIMITED.test(sentence);
}
