/**
 * Who or what a study was done in, read from its words: people, animals, or
 * cells and molecules in a laboratory; and how many people (or animals) it
 * studied, the largest count the abstract states ("n = 6", "Nine men",
 * "A total of 3849 patients").
 */
import { NUMBER_PHRASE, phraseValue } from '../text/number-words.ts';

const PEOPLE =
  /\b(?:patients?|participants?|people|persons|adults?|children|adolescents|women|men|volunteers|subjects|infants|individuals|respondents|students|workers|residents|couples|girls|boys|mothers|recipients|runners|athletes|survivors|smokers|years? old|year-old|aged \d+)\b/gi;
const ANIMALS =
  /\b(?:mice|mouse|murine|rats?|rodents?|zebrafish|drosophila|flies|beagles?|dogs?|canine|pigs?|porcine|piglets|swine|rabbits?|sheep|ovine|goats?|cattle|bovine|cows?|horses?|equine|primates?|macaques?|monkeys?|hamsters?|guinea pigs|chickens?|poultry|birds?|bats?|larvae|worms?|nematodes?|c\. elegans|mosquito(?:es)?|insects?|livestock|animals?|in vivo|knockout|transgenic)\b/gi;
const LAB =
  /\bin vitro\b|\bcell lines?\b|\bcultured?\b|\bcultures\b|\bcells\b|\bassays?\b|\bproteins?\b|\benzymes?\b|\bkinases?\b|\bgene expression\b|\bphosphorylat\w*|\bbinding\b|\bmutants?\b|\bplasmids?\b|\bbacteri(?:a|al|um)\b|\bstrains?\b|\bcrystal\w*|\bspectroscop\w*|\bin silico\b|\bsimulations?\b|\bmolecular dynamics\b|\bsirna\b|\bknock-?down\b|\btransfect\w*|\brecombinant\b|\bpurified\b|\bpeptides?\b|\bresidues?\b|\bsubstrates?\b|\bnanoparticles?\b|\bmicrospheres?\b|\bformulations?\b|\btablets\b|\bpolymers?\b|\bgenomes?\b|\btranscripti\w+|\bpromoter\b|\bmrna\b|\bsumoylat\w*|\bacetylat\w*|\bcomplex(?:es)?\b|\b(?:dna|rna|rrna|histones?|chromatin)\b|\bsignal(?:l)?ing\b|\bxenografts?\b|\bamplification\b|\bresonance\b|\bsubunits?\b|\byeast\b/gi;

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/** Experiments in living animals, not just their cells: "mouse model", "knockout mice", "rats were fed". */
const ANIMAL_MODEL =
  /\b(?:mouse|mice|murine|rat|animal|rodent|zebrafish) models?\b|\b(?:knockout|transgenic|deficient)\b[^.]{0,30}\b(?:mice|rats)\b|\bKO\)? (?:mice|rats)\b|\bin (?:drosophila|zebrafish|c\. elegans|(?:adult |transgenic )?flies)\b|\b(?:mice|rats|pigs|dogs|animals) (?:were|was) (?:treated|fed|given|injected|infected|divided|randomi[sz]ed|exposed|immunized)\b/i;

export interface Subjects {
  people: number;
  animals: number;
  lab: number;
  animalModel: boolean;
}

export function subjectsOf(text: string): Subjects {
  return {
    people: count(text, PEOPLE),
    animals: count(text, ANIMALS),
    lab: count(text, LAB),
    animalModel: ANIMAL_MODEL.test(text),
  };
}

/**
 * 'animal' or 'in-vitro' when the text names animals or laboratory material
 * clearly more often than people; null when it is about people, or says too
 * little to tell.
 */
export function nonHumanSubjects(s: Subjects): 'animal' | 'in-vitro' | null {
  const other = s.animals + s.lab;
  if (other < 2 || other <= 2 * s.people) return null;
  return s.animalModel || s.animals >= s.lab ? 'animal' : 'in-vitro';
}

/** Animals named more often than people: a "randomized" study in mice is an animal study. */
export function mainlyAnimals(s: Subjects): boolean {
  return s.animals >= 3 && s.animals > 2 * s.people;
}

const COUNTED =
  '(?:patients|participants|subjects|volunteers|people|persons|adults|children|adolescents|women|men|individuals|infants|cases|couples|respondents|students|workers|girls|boys|runners|athletes|mice|rats|pigs|dogs|animals)';
const COUNT = new RegExp(
  `\\b(\\d{1,3}(?:,\\d{3})+|\\d+|${NUMBER_PHRASE.source})\\s+(?:[\\w-]+\\s+){0,3}?${COUNTED}\\b|\\bn\\s*=\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)\\b`,
  'gi',
);

/** The largest number of people (or animals) the text says were studied, or null if it gives none. */
export function sampleSize(text: string): number | null {
  let best: number | null = null;
  for (const m of text.matchAll(COUNT)) {
    const raw = m[1] ?? m[2] ?? '';
    const n = /\d/.test(raw) ? Number(raw.replace(/,/g, '')) : (phraseValue(raw) ?? 0);
    if (n > 0 && (best === null || n > best)) best = n;
  }
  return best;
}
