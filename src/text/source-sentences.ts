/**
 * A paper's source as numbered sentences: the title, each abstract section
 * (keeping its label), then the full text where there is one, split with the
 * shared splitter (./sentences.ts). Deterministic: the same record always
 * gives the same ids, and SPLITTER_VERSION changes whenever the cut could
 * change, so links stored with an older splitter are recomputed on read.
 */
import type { SourcePart, SourceSentence, SourceSentences } from '../domain/links.ts';
import type { PaperRecord } from '../domain/paper.ts';
import { sentences } from './sentences.ts';

export const SPLITTER_VERSION = 'laysum-sentences-1';

type SourceInput = Pick<PaperRecord, 'title' | 'abstract' | 'fullText'>;

export function splitSource(record: SourceInput): SourceSentences {
  const out: SourceSentence[] = [];
  const add = (part: SourcePart, label: string | null, text: string) => {
    for (const s of sentences(text)) out.push({ id: out.length + 1, part, label, text: s });
  };
  add('title', null, record.title);
  for (const section of record.abstract) add('abstract', section.label, section.text);
  if (record.fullText) add('fullText', null, record.fullText);
  return { splitter: SPLITTER_VERSION, sentences: out };
}

/** The sentences with the given ids, in the order given (unknown ids are skipped). */
export function sentencesById(source: SourceSentences, ids: readonly number[]): SourceSentence[] {
  return ids.flatMap((id) => {
    const s = source.sentences[id - 1];
    return s && s.id === id ? [s] : [];
  });
}

/** Title and abstract sentences, and full-text sentences while they fit in `budget` characters: what a prompt shows. */
export function withinBudget(source: readonly SourceSentence[], budget: number): SourceSentence[] {
  let used = 0;
  return source.filter((s) => {
    if (s.part !== 'fullText') return true;
    used += s.text.length + 1;
    return used <= budget;
  });
}

/** Numbered lines for a prompt: "S8 (RESULTS): ...", "S1 (title): ...". */
export function numberedLines(source: readonly SourceSentence[]): string {
  return source
    .map((s) => `S${s.id}${s.part === 'title' ? ' (title)' : s.label ? ` (${s.label})` : ''}: ${s.text}`)
    .join('\n');
}
