/**
 * The jargon check on lay text written by others: human lay summaries
 * (Cochrane plain language summaries, eLife digests: shared/realdata/laysumm)
 * and InfoLossQA's lay versions that experts checked. None is labelled for
 * jargon, so this measures how often text meant for lay readers is flagged:
 * per document, as the check runs, and per sentence (a sentence holding a
 * term the check names for its document). Their sources (the abstracts)
 * are measured beside them for contrast: not a catch rate, since nobody
 * labelled which of their words a reader would not know. Documents are split
 * into tuning and held out by the same hash as the other corpora.
 */
import { readFileSync } from 'node:fs';
import { unexplainedTerms } from '../../src/checks/acronyms.ts';
import { sentences } from '../../src/text/sentences.ts';
import { isHeldOut } from './cases.ts';

export interface JargonTally {
  corpus: string;
  part: 'tuning' | 'held out';
  docs: number;
  docsFlagged: number;
  sentences: number;
  sentencesFlagged: number;
  /** The terms named most often (tuning part only). */
  top: string[];
}

interface Doc {
  id: string;
  text: string;
}

function lines(path: URL): string[] {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean);
}

/** Each corpus as documents; a missing file gives no documents. */
export function jargonCorpora(realdata: URL): Array<{ corpus: string; docs: Doc[] }> {
  const safe = (read: () => Doc[]) => {
    try {
      return read();
    } catch {
      return [];
    }
  };
  const laysumm = new URL('laysumm/', realdata);
  const cochrane = (ext: string) =>
    safe(() => {
      const dois = lines(new URL('cochrane_devaraj_test.doi', laysumm));
      return lines(new URL(`cochrane_devaraj_test.${ext}`, laysumm)).map((text, i) => ({
        id: dois[i] ?? `${i}`,
        text,
      }));
    });
  const json = (file: URL, field: string) =>
    safe(() =>
      lines(file).map((l) => {
        const row = JSON.parse(l) as Record<string, unknown>;
        return { id: String(row.id), text: String(row[field] ?? '') };
      }),
    );
  const infoLoss = new URL('labelled/infolossqa.jsonl', realdata);
  return [
    { corpus: 'Cochrane plain language summaries', docs: cochrane('target') },
    {
      corpus: 'eLife digests',
      docs: json(new URL('dainlp_biolaysumm_elife_sample50.jsonl', laysumm), 'summary'),
    },
    // Headings of the structured lay versions ("RESULTS.") are not prose.
    {
      corpus: 'InfoLossQA lay versions',
      docs: json(infoLoss, 'summary_text').map((d) => ({
        ...d,
        text: d.text.replace(/^[A-Z ]+\.\s*$/gm, ''),
      })),
    },
    { corpus: 'Cochrane abstracts (contrast)', docs: cochrane('source') },
    { corpus: 'InfoLossQA abstracts (contrast)', docs: json(infoLoss, 'source_text') },
  ];
}

export function jargonTally(corpus: string, docs: readonly Doc[]): JargonTally[] {
  const parts = new Map<string, JargonTally & { counts: Map<string, number> }>();
  for (const doc of docs) {
    const part = isHeldOut(doc.id) ? 'held out' : 'tuning';
    const t = parts.get(part) ?? {
      corpus,
      part,
      docs: 0,
      docsFlagged: 0,
      sentences: 0,
      sentencesFlagged: 0,
      top: [],
      counts: new Map<string, number>(),
    };
    const terms = unexplainedTerms('', doc.text);
    t.docs++;
    if (terms.length) t.docsFlagged++;
    for (const term of terms) t.counts.set(term, (t.counts.get(term) ?? 0) + 1);
    for (const s of sentences(doc.text)) {
      t.sentences++;
      const lower = s.toLowerCase();
      if (terms.some((term) => lower.includes(term.toLowerCase()))) t.sentencesFlagged++;
    }
    parts.set(part, t);
  }
  const ordered = [...parts.values()].sort((a, b) => a.part.localeCompare(b.part));
  return ordered.map(({ counts, ...t }) => ({
    ...t,
    top:
      t.part === 'tuning'
        ? [...counts]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 12)
            .map(([w, n]) => `${w} ${n}`)
        : [],
  }));
}
