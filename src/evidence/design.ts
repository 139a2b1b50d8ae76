/**
 * Study design from the paper's own words and its PubMed publication types.
 * The title and the abstract's description of its own study come first: a
 * single-arm phase II trial tagged "Randomized Controlled Trial" is a
 * single-arm trial, a "Review" that retrospectively analysed hospital records
 * is an observational study. A publication type that names the design
 * precisely (randomized trial, case report, phase 1) gives way only to words
 * that lower the ceiling; a systematic review's type is kept. Then who was
 * studied (animals or cells), then weaker words. Sentences about other work
 * ("in a recent phase 1 trial", "further randomized trials are needed") do
 * not count. A pure function of the record.
 */
import type { PaperRecord } from '../domain/paper.ts';
import { sentences } from '../text/sentences.ts';
import {
  BACKGROUND_SECTION,
  COMPARISON,
  DECLARED,
  LOOSE_TYPES,
  METHOD_SECTION,
  NAMES_OTHER_WORK,
  OTHER_WORK,
  TYPES,
} from './design-words.ts';
import { DESIGNS, type DesignId, type Score } from './designs.ts';
import { mainlyAnimals, nonHumanSubjects, subjectsOf } from './subjects.ts';

export type { DesignId } from './designs.ts';

export interface Design {
  id: DesignId;
  /** Plain words for a lay reader: "a randomized controlled trial". */
  plain: string;
  /** The highest credibility score (1-5) this design can carry. */
  ceiling: Score;
  /** Where the design was read. */
  from: 'title' | 'abstract' | 'publication type' | 'subjects';
  /** The words that decided it ("single-arm", "Randomized Controlled Trial"). */
  words: string;
  /** A publication type the paper's own words overrode, if any. */
  overrides?: string;
}

type DesignInput = Pick<PaperRecord, 'publicationTypes' | 'title' | 'abstract'>;

interface Found {
  id: DesignId;
  words: string;
}

function firstDeclared(list: readonly string[], skipOtherWork: boolean): Found | null {
  for (const [id, pattern] of DECLARED) {
    for (const sentence of list) {
      if (skipOtherWork && !NAMES_OTHER_WORK.has(id) && OTHER_WORK.test(sentence)) continue;
      const m = sentence.match(pattern);
      if (m) return { id, words: m[0].trim() };
    }
  }
  return null;
}

/** What the abstract says about its own study: the design / methods sections first, the background last. */
function declaredInAbstract(record: DesignInput): Found | null {
  const label = (s: DesignInput['abstract'][number]) => `${s.label ?? ''} ${s.category ?? ''}`;
  const methods = record.abstract.filter((s) => METHOD_SECTION.test(label(s)));
  const background = record.abstract.filter((s) => BACKGROUND_SECTION.test(label(s)));
  const rest = record.abstract.filter((s) => !methods.includes(s) && !background.includes(s));
  for (const part of [methods, rest, background]) {
    const found = firstDeclared(
      part.flatMap((s) => sentences(s.text)),
      true,
    );
    if (found) return found;
  }
  return null;
}

function fromTypes(types: readonly string[]): (Found & { loose: boolean }) | null {
  for (const [id, pattern] of TYPES) {
    const type = types.find((t) => pattern.test(t.trim()));
    if (type) return { id, words: type, loose: LOOSE_TYPES.has(type.trim().toLowerCase()) };
  }
  return null;
}

function design(found: Found, from: Design['from'], overrides?: string): Design {
  return {
    id: found.id,
    ...DESIGNS[found.id],
    from,
    words: found.words,
    ...(overrides ? { overrides } : {}),
  };
}

/** Human-study designs that a text about mice or cells cannot be. */
const HUMAN_ONLY: ReadonlySet<DesignId> = new Set<DesignId>([
  'rct',
  'trial',
  'single-arm',
  'phase-1',
  'observational',
  'cross-sectional',
  'case-series',
  'secondary-analysis',
  'qualitative',
]);

/** Weak words for a study in people, used only when nothing else names a design. */
const WEAK_OBSERVATIONAL =
  /\bcohort\b|\bcase-control\b|\bprospective(?:ly)?\b|\bretrospective(?:ly)?\b|\bregistry\b|\bfollow-up\b|\bwe (?:analy[sz]ed|examined|compared|studied|recruited|enrolled|assessed|evaluated|investigated|measured)\b|\bwere (?:recruited|enrolled|included|assessed|evaluated|compared)\b|\bpatients (?:who|that|were|underwent|with)\b|\b(?:study|analysis) was (?:conducted|performed|carried out)\b/i;
/** Words of population health that name a study of people without naming them. */
const WEAK_EPIDEMIOLOGY =
  /\b(?:incidence|notifications?|cases)\b[^.]{0,150}\b(?:was|were) (?:monitored|compared|recorded|collected|analy[sz]ed)\b|\bsurveillance data\b|\bepidemiological (?:study|survey|data)\b/i;
const WEAK_CROSS_SECTIONAL = /\bsurvey\w*\b|\bquestionnaires?\b|\bprevalence\b/i;
const WEAK_REVIEW = /\breview\w*\b|\bcurrent concepts\b|\brecent advances\b|\bupdate on\b/i;

/** The design, or null when neither the types, the words nor the subjects name one. */
export function studyDesign(record: DesignInput): Design | null {
  const abstract = record.abstract.map((s) => s.text).join('\n');
  const subjects = subjectsOf(`${record.title}\n${abstract}`);
  const types = fromTypes(record.publicationTypes);
  if (types?.id === 'opinion' && types.words.toLowerCase() !== 'letter')
    return design(types, 'publication type');

  const title = firstDeclared([record.title], false);
  const declared = title ? { ...title, from: 'title' as const } : withFrom(declaredInAbstract(record));
  let chosen: Design | null = null;
  if (declared && types && types.id !== declared.id) {
    // The title is the authors' own name for their study: it wins over any type but an opinion one.
    const lowers = DESIGNS[declared.id].ceiling < DESIGNS[types.id].ceiling;
    const keepType = !title && (types.id === 'systematic-review' || (!types.loose && !lowers));
    chosen = keepType ? design(types, 'publication type') : design(declared, declared.from, types.words);
  } else if (declared) chosen = design(declared, declared.from);
  else if (types) chosen = design(types, 'publication type');

  if (chosen && HUMAN_ONLY.has(chosen.id) && mainlyAnimals(subjects) && chosen.from !== 'publication type') {
    return design({ id: 'animal', words: 'animals named more often than people' }, 'subjects');
  }
  if (chosen) return singleArmIfUncompared(chosen, `${record.title}\n${abstract}`);

  const other = nonHumanSubjects(subjects);
  if (other) {
    const words =
      other === 'animal' ? 'animals named more often than people' : 'cells or molecules, not people';
    return design({ id: other, words }, 'subjects');
  }
  return weakWords(record, abstract, subjects.people);
}

function withFrom(found: Found | null): (Found & { from: 'abstract' }) | null {
  return found ? { ...found, from: 'abstract' } : null;
}

/** A phase II trial (or a bare "Clinical Trial") that names no comparison is single-arm. */
function singleArmIfUncompared(chosen: Design, text: string): Design {
  if (
    chosen.id !== 'trial' ||
    COMPARISON.test(text) ||
    !/phase (?:ii|2)\b/i.test(`${chosen.words}\n${text}`)
  ) {
    return chosen;
  }
  return design({ id: 'single-arm', words: chosen.words }, chosen.from, chosen.overrides);
}

function weakWords(record: DesignInput, abstract: string, people: number): Design | null {
  const text = `${record.title}\n${abstract}`;
  const review = record.title.match(WEAK_REVIEW);
  if (review) return design({ id: 'narrative-review', words: review[0] }, 'title');
  if (people >= 1) {
    const cross = text.match(WEAK_CROSS_SECTIONAL);
    if (cross) return design({ id: 'cross-sectional', words: cross[0] }, 'abstract');
    const obs = text.match(WEAK_OBSERVATIONAL);
    if (obs) return design({ id: 'observational', words: obs[0] }, 'abstract');
  }
  const epi = text.match(WEAK_EPIDEMIOLOGY);
  return epi ? design({ id: 'observational', words: epi[0] }, 'abstract') : null;
}
