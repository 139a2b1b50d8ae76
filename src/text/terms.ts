/**
 * The terms a sentence is aligned by: content words stemmed with the Porter
 * stemmer ("associated", "association" -> "associ"), numbers by value (so
 * "3,849" meets "3849" and "twenty-two" meets "22") and codes kept whole
 * ("p53", "CA19-9"). Function words and words every sentence shares carry no
 * evidence that two sentences say the same thing, so they are left out.
 */
import { stemmer } from 'stemmer';
import { numberTokens } from './number-tokens.ts';

/** Function words and research boilerplate that say nothing about what a sentence reports. */
const STOP = new Set(
  `a about above after again against all also am among an and any are aren't as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more most my myself no nor not of off on once
only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves
then there these they this those through to too under until up very was we were what when where which while who whom
why will with would you your yours yourself yourselves may might must shall one two per within without versus vs via
et al eg ie researcher researchers study studies studied found find finds finding findings showed shows show shown
people person paper authors author team scientists result results`.split(/\s+/),
);

/** Lay words and the research words they stand for, by stem: "linked" is how a lay text says "associated". */
const LAY: Record<string, string> = {
  link: 'associ',
  tie: 'associ',
  connect: 'associ',
  die: 'death',
  di: 'death',
  mortal: 'death',
  kid: 'child',
  children: 'child',
  drug: 'medic',
  medicin: 'medic',
  medic: 'medic',
  bigger: 'larg',
  larger: 'larg',
  smaller: 'small',
  lower: 'lower',
  decreas: 'lower',
  reduc: 'lower',
  fewer: 'lower',
  less: 'lower',
  higher: 'higher',
  increas: 'higher',
  rais: 'higher',
  rose: 'higher',
  more: 'higher',
  // Lay words for clinical ones (issue 18, fifth round): a news or lay sentence says "catch",
  // "shots", "deadly", "kids", "kidney" where the abstract says "infection", "vaccination",
  // "mortality", "children", "renal". General pairs only, no disease or study names.
  catch: 'infect',
  caught: 'infect',
  contract: 'infect',
  shot: 'vaccin',
  jab: 'vaccin',
  inocul: 'vaccin',
  deadli: 'death',
  deadlier: 'death',
  fatal: 'death',
  lethal: 'death',
  kill: 'death',
  sick: 'diseas',
  ill: 'diseas',
  spread: 'transmiss',
  transmit: 'transmiss',
  seriou: 'sever',
  babi: 'infant',
  newborn: 'infant',
  doctor: 'physician',
  clinician: 'physician',
  tumour: 'tumor',
  elderli: 'older',
  renal: 'kidnei',
  cardiac: 'heart',
  pulmonari: 'lung',
  hepat: 'liver',
  belli: 'abdomin',
};

/** Lay phrases for one clinical term, read before the words are cut ("heart attack" is "myocardial infarction"). */
const LAY_PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/\bheart attacks?\b/gi, 'infarction'],
  [/\bmyocardial infarctions?\b/gi, 'infarction'],
  [/\bhigh blood pressure\b/gi, 'hypertension'],
  [/\bblood sugar\b/gi, 'glucose'],
];

const WORD = /[\p{L}][\p{L}'’-]*/gu;

/** Stemmed content words of a text, in order, repeats kept (BM25 counts them). */
export function wordTerms(text: string): string[] {
  const out: string[] = [];
  const plain = LAY_PHRASES.reduce((t, [phrase, term]) => t.replace(phrase, term), text);
  for (const m of plain.matchAll(WORD)) {
    for (const part of m[0]
      .toLowerCase()
      .replace(/['’]s$/, '')
      .split('-')) {
      if (part.length < 2 || STOP.has(part) || /\d/.test(part)) continue;
      const stem = stemmer(part);
      out.push(LAY[stem] ?? stem);
    }
  }
  return out;
}

/** Numbers as `#value` and codes as `=code`: exact evidence, weighted like any rare term by BM25. */
export function figureTerms(text: string): string[] {
  return numberTokens(text).map((t) => (t.value === null ? `=${t.raw.toLowerCase()}` : `#${t.value}`));
}

export function sentenceTerms(text: string): string[] {
  return [...wordTerms(text), ...figureTerms(text)];
}
