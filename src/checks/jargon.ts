/**
 * Jargon: words a lay reader is unlikely to know. A single word is judged by
 * how often people use it (src/text/word-frequency.ts, SUBTLEX-US): rarer
 * than RARE in 51 million words of everyday speech ("neoadjuvant",
 * "adenocarcinoma", "prophylaxis", "randomised") is jargon. Two kinds of
 * words are judged otherwise. Research terms made of everyday words ("odds
 * ratio", "confidence interval") or common in speech in another sense
 * ("cohort", "efficacy", "mortality") are listed, because no word count can
 * tell them apart. Drug names (recognised by the WHO's INN stems:
 * "-mab", "-statin", "-pril"...) and capitalised names are names, not
 * jargon: a summary has to name the drug it is about.
 */
import { sentences } from '../text/sentences.ts';
import { wordCount } from '../text/word-frequency.ts';

/** Fewer uses than this in SUBTLEX-US (under 0.06 per million words) is rare. */
export const RARE = 3;

const PHRASES = [
  'odds ratios?',
  'hazard ratios?',
  'relative risks?',
  'risk ratios?',
  'confidence intervals?',
  'statistically significant(?:ly)?',
  'p-values?',
  'meta-analys[ie]s',
  'systematic reviews?',
  'adverse events?',
  'in vivo',
  'in vitro',
  'mendelian randomi[sz]ation',
  'myocardial infarction',
  'cohorts?',
  'efficacy',
  'morbidity',
  'mortality',
  'hypertension',
  'incidence',
  'endpoints?',
  'regression',
  'biomarkers?',
  'subcutaneous(?:ly)?',
  'intravenous(?:ly)?',
];
export const PHRASE_RE = new RegExp(`\\b(?:${PHRASES.join('|')})\\b`, 'gi');

/** WHO INN stems for drug names (apixaban, atorvastatin, trastuzumab, ramipril...). */
const DRUG =
  /(?:mab|nib|pril|sartan|olol|alol|statin|azole|cillin|mycin|micin|oxacin|cycline|vir|parin|xaban|gatran|prazole|tidine|triptan|dronate|semide|thiazide|oxetine|apine|idone|azepam|azolam|afil|gliptin|gliflozin|glutide|profen|coxib|caine|sone|olone|terol|tropium|lukast|platin|rubicin|taxel|mustine|trexate|dipine|zosin|setron|pramine|triptyline|barbital|fibrate|formin|glitazone|cept|azine|plase|amide|ofol|etamol|fentanil|prine|amine|oprost|estrol|gestrel|sterone|zolid)s?$/;

const WORD = /(?<![\p{L}\d-])\p{L}[\p{Ll}]+(?![\p{L}\d])/gu;

/** Rare single words in text: lower-case words, and capitalised ones opening a sentence. */
export function rareWords(text: string): string[] {
  const found: string[] = [];
  for (const sentence of sentences(text)) {
    for (const m of sentence.matchAll(WORD)) {
      const word = m[0];
      const opens = /^[\s"'“‘]*$|:\s*$/.test(sentence.slice(0, m.index));
      if (/^\p{Lu}/u.test(word) && !opens) continue;
      const lower = word.toLowerCase();
      if (lower.length < 6 || DRUG.test(lower)) continue;
      if (wordCount(lower) < RARE) found.push(lower);
    }
  }
  return [...new Set(found)];
}

/** Listed research terms in text, as written (lower case). */
export function listedTerms(text: string): string[] {
  return [...new Set([...text.matchAll(PHRASE_RE)].map((m) => m[0].toLowerCase()))];
}
