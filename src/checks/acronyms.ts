/**
 * Acronyms, codes and jargon a lay reader cannot decode: "GWAS", "mRNA",
 * "p53", "CA19-9", "BxPC-3", "odds ratio", "cohort". Each must be explained
 * where it first appears ("a gene called p53", "GWAS (a study that scans
 * genes)", "cohort, a group followed over time"); the headline, which
 * cannot explain, may hold only words everyone knows.
 */
import type { CheckResult } from '../domain/draft.ts';
import { type CheckInput, layProse, listFew, result } from './context.ts';

/** Known to lay readers, or plain units. */
const KNOWN = new Set(
  'US USA UK EU UN WHO NHS DNA HIV AIDS COVID COVID-19 TV IQ OK MRI CT ICU GP ER AM PM BMI CPR ADHD PTSD OCD UV ID mL dL kg mg mmHg'.split(
    ' ',
  ),
);
const ROMAN = /^(?:I{1,3}|IV|VI{0,3}|IX|X{1,3})$/;

/** Tokens with two or more capitals, a lower-case letter before a capital, or letters with digits. */
const TOKEN = /(?<![\p{L}\d-])[\p{L}\d]+(?:-[\p{L}\d]+)*/gu;
function isCode(token: string): boolean {
  if (KNOWN.has(token) || ROMAN.test(token)) return false;
  if (!/\p{L}/u.test(token)) return false;
  const capitals = (token.match(/\p{Lu}/gu) ?? []).length;
  return (
    capitals >= 2 ||
    /\p{Ll}\p{Lu}/u.test(token) ||
    (/\d/.test(token) && !/^\d+(?:st|nd|rd|th|s)$/.test(token))
  );
}

const JARGON = [
  'odds ratio',
  'hazard ratio',
  'relative risk',
  'risk ratio',
  'confidence interval',
  'statistically significant',
  'p-value',
  'meta-analysis',
  'meta-analyses',
  'cohort',
  'efficacy',
  'adverse events?',
  'morbidity',
  'mortality',
  'etiology',
  'aetiology',
  'prophylaxis',
  'prophylactic',
  'comorbidit(?:y|ies)',
  'sequelae',
  'in vivo',
  'in vitro',
  'heterogeneity',
  'pharmacokinetics?',
  'subcutaneous(?:ly)?',
  'intravenous(?:ly)?',
  'pathogenesis',
  'biomarkers?',
  'phenotypes?',
  'genotypes?',
  'loci',
  'polymorphisms?',
  'multivariate',
  'covariates?',
  'regression',
  'placebo',
  'randomi[sz]ed',
  'systematic review',
  'incidence',
  'prevalence',
  'endpoints?',
  'mendelian randomi[sz]ation',
  'systolic',
  'diastolic',
  'diuretics?',
  'hypertension',
  'myocardial infarction',
  'analgesi(?:a|cs?)',
  'oncolog(?:y|ical)',
  'metasta(?:sis|ses|tic)',
];
const JARGON_RE = new RegExp(`\\b(?:${JARGON.join('|')})\\b`, 'gi');

/** After the term, or after the last words of its noun phrase ("randomized controlled trial, in which …"). */
const EXPLAINED_AFTER =
  /^(?:(?:\s+[\w-]+){0,2}?\s*(?:\(|,\s*(?:a|an|which|in which|meaning|i\.e\.)\s)|\s*,\s*(?:the|that|or|also|where|when|who)\s|\s*[-–—:]\s*\w|\s+(?:is|are|means|refers to|stands for)\s)/i;

/** Is the term explained where it first appears: "X (…)", "(X)", "X, a/which/meaning …", "called X"? */
export function explained(text: string, term: string): boolean {
  const at = text.toLowerCase().indexOf(term.toLowerCase());
  if (at < 0) return true;
  const before = text.slice(Math.max(0, at - 40), at);
  const after = text.slice(at + term.length, at + term.length + 50);
  return (
    EXPLAINED_AFTER.test(after) ||
    /(?:\(|called|known as|named|so-called|term for|short for|a gene|a protein|the gene|the protein)\s*$/i.test(
      before,
    )
  );
}

export function unexplainedTerms(headline: string, prose: string): string[] {
  const terms = new Set<string>();
  for (const m of headline.matchAll(TOKEN)) if (isCode(m[0])) terms.add(m[0]);
  for (const m of headline.matchAll(JARGON_RE)) terms.add(m[0].toLowerCase());
  for (const m of prose.matchAll(TOKEN)) if (isCode(m[0]) && !explained(prose, m[0])) terms.add(m[0]);
  for (const m of prose.matchAll(JARGON_RE)) if (!explained(prose, m[0])) terms.add(m[0].toLowerCase());
  return [...terms];
}

export function acronymsCheck({ summary }: CheckInput): CheckResult {
  const hits = unexplainedTerms(summary.headline, layProse(summary));
  return hits.length === 0
    ? result('acronyms', 'Acronyms and jargon explained', 'pass', 'No unexplained acronyms, codes or jargon.')
    : result(
        'acronyms',
        'Acronyms and jargon explained',
        'warn',
        `Unexplained: ${listFew(hits, 8)}. Spell them out or explain them in plain words where they first appear (the headline cannot explain: use plain words there).`,
      );
}
