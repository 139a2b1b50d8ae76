/**
 * Acronyms, codes and jargon a lay reader cannot decode: "GWAS", "mRNA",
 * "p53", "CA19-9", "BxPC-3", "odds ratio", "neoadjuvant" (jargon is judged
 * by how rare a word is in everyday English: ./jargon.ts). Each must be
 * explained where it first appears ("a gene called p53", "GWAS (a study that
 * scans genes)", "cohort, a group followed over time"); the headline, which
 * cannot explain, may hold only words everyone knows. A hyphenated form is
 * judged by its parts: "CT-guided" and "HIV-positive" hold a known acronym
 * and a word, "HER2-positive" an acronym to explain; codes such as
 * "BxPC-3" or "CA19-9" stay whole.
 */
import type { CheckResult } from '../domain/draft.ts';
import { wordCount } from '../text/word-frequency.ts';
import { type CheckInput, layProse, listFew, result } from './context.ts';
import { listedTerms, rareWords } from './jargon.ts';

/** An all-capitals word this common in speech is a word in capitals ("RESULTS"), not an acronym ("AIDS" is listed). */
const SHOUTED = 200;

/** Known to lay readers, or plain units. */
const KNOWN = new Set(
  'US USA UK EU UN WHO NHS FDA CDC DNA RNA HIV AIDS HPV COVID COVID-19 SARS SARS-CoV-2 TV IQ OK MRI CT PET ECG IVF ICU GP ER AM PM BMI CPR ADHD PTSD OCD UV ID mL dL kg mg mmHg'.split(
    ' ',
  ),
);
/** A figure with its unit written on ("34mm", "20mg", "2.5kg"): a measurement, not a code. */
const UNIT = /^\d+(?:\.\d+)?(?:mm|cm|km|m|mg|kg|g|ml|mL|l|L|h|hr|hrs|min|s|y|yr|yrs|wk|wks|mo)$/;
const ROMAN = /^(?:I{1,3}|IV|VI{0,3}|IX|X{1,3})$/;

/** Tokens with two or more capitals, a lower-case letter before a capital, or letters with digits. */
const TOKEN = /(?<![\p{L}\d-])[\p{L}\d]+(?:-[\p{L}\d]+)*/gu;
/** Not codes: names written in camel case ("AstraZeneca", "McDonald") and trial registry numbers. */
const NAME = /^(?:(?:\p{Lu}\p{Ll}{2,}){2,}|Ma?c\p{Lu}\p{Ll}+)$|^(?:NCT\d{8}|ISRCTN\d+)$/u;

function isCode(token: string): boolean {
  if (KNOWN.has(token) || ROMAN.test(token) || NAME.test(token)) return false;
  if (!/\p{L}/u.test(token)) return false;
  // A heading or a shouted word ("RESULTS", "THE"), not an acronym.
  if (/^\p{Lu}{3,}$/u.test(token) && wordCount(token) >= SHOUTED) return false;
  const capitals = (token.match(/\p{Lu}/gu) ?? []).length;
  return (
    capitals >= 2 ||
    /\p{Ll}\p{Lu}/u.test(token) ||
    (/\d/.test(token) && !/^\d+(?:st|nd|rd|th|s)$/.test(token) && !UNIT.test(token))
  );
}

/** After the term, or after the last words of its noun phrase ("randomized controlled trial, in which …"). */
const EXPLAINED_AFTER =
  /^(?:(?:\s+[\w-]+){0,2}?\s*(?:\(|,\s*(?:a|an|which|in which|meaning|i\.e\.)\s)|\s*,\s*(?:the|that|or|also|where|when|who)\s|(?:\s+-|\s*[–—:])\s*\w|\s+(?:is|are|means|refers to|stands for)\s)/i;

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

/**
 * The codes in a text. A hyphenated token with a plain word part ("CT-guided",
 * "HIV-positive", "HER2-negative") is judged by its parts; without one
 * ("BxPC-3", "CA19-9", "SARS-CoV-2") it is one code.
 */
function codes(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const parts = m[0].split('-');
    const hasWord = parts.length > 1 && parts.some((p) => /^\p{L}\p{Ll}{2,}$/u.test(p));
    for (const token of hasWord && !KNOWN.has(m[0]) ? parts : [m[0]]) if (isCode(token)) found.push(token);
  }
  return found;
}

export function unexplainedTerms(headline: string, prose: string): string[] {
  const terms = new Set<string>();
  for (const code of codes(headline)) terms.add(code);
  for (const term of [...listedTerms(headline), ...rareWords(headline)]) terms.add(term);
  for (const code of codes(prose)) if (!explained(prose, code)) terms.add(code);
  for (const term of [...listedTerms(prose), ...rareWords(prose)])
    if (!explained(prose, term)) terms.add(term);
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
