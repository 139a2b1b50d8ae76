/**
 * Treatment advice: a lay summary describes findings and never tells readers
 * to start, stop or change a treatment (Cochrane plain language standards).
 * Sentences that send the reader to a clinician ("talk to your doctor before
 * changing anything") and recommendations about research ("we recommend
 * further trials") are not advice.
 */
import type { CheckResult } from '../domain/draft.ts';
import { sentences } from '../text/sentences.ts';
import { type CheckInput, layProse, listFew, result } from './context.ts';

const ACTION =
  '(?:take|taking|stop|stopping|start|starting|use|using|avoid|avoiding|switch|switching|try|quit|skip|cut|give|begin|increase|reduce|double|replace|drop|ask for|get|go on|come off|eat|drink)';
const IMPERATIVE =
  '(?:take|stop|start|use|avoid|switch|try|quit|skip|cut|give|begin|increase|reduce|double|replace|drop|ask for|get|go on|come off|eat|drink|keep taking|consider (?:taking|using|starting|stopping|switching|asking|getting|adding|trying))';
const READER =
  '(?:you|patients|people|parents|women|men|adults|children|everyone|anyone|sufferers|those|smokers|drinkers|diabetics|mothers|fathers|families|seniors|athletes|\\p{L}+ers)';
/** Starting, stopping or changing a treatment: what a reader must not be sent to do. */
const CHANGE =
  '(?:starting|taking|switching|stopping|using|getting|trying|adding|coming off|going on|a prescription for)';

const ADVICE: readonly RegExp[] = [
  // Imperatives: "Stop taking statins.", "Take vitamin D daily.", "Don't use inhalers."
  new RegExp(
    `^(?:so,? |therefore,? |instead,? )?(?:(?:do not|don't|never|always)\\s+)?${IMPERATIVE}\\b(?! of\\b| to\\b| is\\b| was\\b)`,
    'i',
  ),
  // "You should stop...", "People with asthma should use...", "patients must take..."
  new RegExp(
    `\\b${READER}(?: [\\w-]+){0,5} (?:should|must|need to|ought to|have to|had better)(?: (?:now|all|also|not|no longer|probably|really|definitely|consider))* ${ACTION}\\b`,
    'iu',
  ),
  /\b(?:should|must) (?:be|now be) (?:prescribed|given|offered|taken|used|avoided|started|stopped|switched|added|replaced)\b/i,
  new RegExp(
    `\\bwe (?:recommend|advise|suggest|urge) (?:that )?(?:${READER}|taking|using|stopping|starting|switching|avoiding)\\b`,
    'i',
  ),
  /\b(?:is|are) (?:now )?(?:recommended|advised) for (?:all |most )?(?:you|patients|people|adults|children|women|men|anyone|everyone)\b/i,
  /\b(?:it is|it's|is|are) (?:safe|fine|okay|ok) to (?:stop|skip|take|double|replace|drop|come off|give up)\b/i,
  /\bthere is no (?:longer any )?need to (?:take|use|see|keep taking|continue)\b/i,
  /\b(?:ask|tell) (?:your|a) (?:doctor|gp|pharmacist|nurse|provider)s? (?:to|for) (?:prescribe|switch|start|stop|put you on|give you|a prescription)/i,
  /\b(?:is|are) the best (?:treatment|drug|medicine|option|choice|therapy) for (?:you|everyone|patients|people)\b/i,
  /\b(?:can|could|may) safely (?:stop|skip|replace|drop|come off|give up)\b/i,
  // Sent to a clinician to start or change a treatment: "talk to your doctor about starting heparin".
  new RegExp(
    `\\b(?:talk|speak|ask) (?:to |with )?(?:your|a) (?:doctor|gp|pharmacist|nurse|provider|physician)s? (?:about|for|whether to) ${CHANGE}\\b`,
    'iu',
  ),
  // Conditional instructions: "If you have asthma, use...", "If you smoke, take...".
  new RegExp(`\\bif you\\b[^,.;]*,\\s*(?:then )?(?:you should |you can |)${IMPERATIVE}\\b`, 'i'),
  // Second person: "you can take", "you may want to start".
  new RegExp(
    `\\byou (?:can|could|may want to|might want to|need to|ought to) (?:now )?${IMPERATIVE}\\b`,
    'i',
  ),
];
/** Advice even where the sentence also sends the reader to a clinician. */
const ALWAYS_ADVICE = new RegExp(
  `\\b(?:talk|speak|ask) (?:to |with )?(?:your|a) (?:doctor|gp|pharmacist|nurse|provider|physician)s? (?:about|for|whether to) ${CHANGE}\\b`,
  'iu',
);

/** Pointing the reader to a clinician, or about research, not treatment. */
const HARMLESS =
  /\b(?:without|before|after) (?:first )?(?:talking|speaking|checking|consulting)\b|\b(?:talk|speak) (?:to|with) (?:your|a) (?:doctor|gp|pharmacist|nurse|healthcare|health care|care team|provider)\b.*\b(?:before|about|if)\b|\b(?:research|researchers|trials|studies|study)\b(?: [\w-]+){0,3} (?:should|must|need to)\b|\brecommend(?:s|ed)? (?:that )?(?:further|more|larger|new|additional|longer|better) (?:research|trials|studies|work)\b|\b(?:which|what|whether|how|who|when|that)\b(?: [\w-]+){0,5} should (?:be|get|receive|take|use)\b|\b(?:with caution|carefully|cautiously)\b|\b(?:findings|results|evidence|data|priority|conclusions|review|methods)\b(?: [\w-]+){0,6} (?:should|must) be\b/i;

export function adviceSentences(text: string): string[] {
  return sentences(text).filter(
    (s) => ALWAYS_ADVICE.test(s) || (!HARMLESS.test(s) && ADVICE.some((p) => p.test(s))),
  );
}

export function adviceCheck({ summary }: CheckInput): CheckResult {
  const hits = adviceSentences([summary.headline, layProse(summary)].join('\n'));
  return hits.length === 0
    ? result('advice', 'No treatment advice', 'pass', 'No direct treatment advice found.')
    : result(
        'advice',
        'No treatment advice',
        'warn',
        `${listFew(hits, 3)} reads as medical advice: describe what the study found instead, and suggest talking to a healthcare provider.`,
      );
}
