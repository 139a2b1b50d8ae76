/**
 * Runs each labelled case through the check it measures, exactly as the
 * checks run on a draft: the source split into numbered sentences, the draft
 * sentence linked to them, then the per-link check; and counts caught,
 * missed and false flags per check, corpus and part (tuning / held out).
 */
import { readFileSync } from 'node:fs';
import { adviceSentences } from '../../src/checks/advice.ts';
import { certaintyFlags } from '../../src/checks/certainty.ts';
import { isUncertain } from '../../src/checks/hedges.ts';
import { numberFlags } from '../../src/checks/numbers.ts';
import { PaperRecord } from '../../src/domain/paper.ts';
import { alignFields, createAligner } from '../../src/text/align.ts';
import { decodeReferences } from '../../src/text/markup.ts';
import { splitSource } from '../../src/text/source-sentences.ts';
import { CORPORA, type LabelledCase, Row } from './cases.ts';

export function flagged(c: LabelledCase): boolean {
  if (c.check === 'hedges') return isUncertain(c.sentence);
  if (c.check === 'advice') return adviceSentences(c.sentence).length > 0;
  // The corpora keep HTML references ("&#8805;60") that LaySum's ingest decodes.
  const [title, ...rest] = decodeReferences(c.source).split('\n');
  const record = PaperRecord.parse({
    title: title?.trim() || 'Untitled',
    abstract: [{ label: null, category: null, text: rest.join('\n').trim() || (title ?? '') }],
  });
  const source = splitSource(record);
  const links = alignFields([{ field: 'findings', text: c.sentence }], source);
  if (c.check === 'certainty') return certaintyFlags(links, source).length > 0;
  return (
    numberFlags(links, { source, byWords: createAligner(source, { figures: false }), year: null }).length > 0
  );
}

export interface Tally {
  check: string;
  corpus: string;
  part: 'tuning' | 'held out';
  flawed: number;
  caught: number;
  faithful: number;
  falseFlags: number;
  /** Ids of a few misses and false flags, for tuning (never printed for the held-out part). */
  examples: string[];
}

export function tally(cases: readonly LabelledCase[]): Tally[] {
  const rows = new Map<string, Tally>();
  for (const c of cases) {
    const part = c.heldOut ? 'held out' : 'tuning';
    const key = `${c.check}|${c.corpus}|${part}`;
    const t = rows.get(key) ?? {
      check: c.check,
      corpus: c.corpus,
      part,
      flawed: 0,
      caught: 0,
      faithful: 0,
      falseFlags: 0,
      examples: [],
    };
    const hit = flagged(c);
    if (c.expect === 'flag') {
      t.flawed++;
      if (hit) t.caught++;
      else if (!c.heldOut) t.examples.push(`missed ${c.id}`);
    } else {
      t.faithful++;
      if (hit) {
        t.falseFlags++;
        if (!c.heldOut) t.examples.push(`false ${c.id}`);
      }
    }
    rows.set(key, t);
  }
  return [...rows.values()].sort((a, b) =>
    `${a.check}${a.corpus}${a.part}`.localeCompare(`${b.check}${b.corpus}${b.part}`),
  );
}

/** Every case of every corpus file in `dir` (a missing file is skipped and said). */
export function loadCases(dir: URL): { cases: LabelledCase[]; missing: string[] } {
  const cases: LabelledCase[] = [];
  const missing: string[] = [];
  for (const { file, cases: toCases } of CORPORA) {
    let text: string;
    try {
      text = readFileSync(new URL(file, dir), 'utf8');
    } catch {
      missing.push(file);
      continue;
    }
    for (const line of text.split('\n')) if (line.trim()) cases.push(...toCases(Row.parse(JSON.parse(line))));
  }
  return { cases, missing };
}
