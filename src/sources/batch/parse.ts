/**
 * Batch files: many papers at once, as a plain list (one DOI or PMID a line),
 * a CSV/TSV with a doi/pmid column, or an RIS export from a reference
 * manager. Every line that could not be used is reported with its line number
 * and the reason, so the person can fix the file and send only those again.
 */
import { type Candidate, hasIdColumn, parseCsvBatch } from './csv.ts';
import { type BatchKind, classifyIdentifier } from './identifier.ts';
import { looksLikeRis, parseRisBatch } from './ris.ts';

export type { BatchKind } from './identifier.ts';

export interface BatchEntry {
  line: number;
  kind: BatchKind;
  value: string;
}

export interface BatchProblem {
  line: number;
  text: string;
  problem: string;
}

export interface ParsedBatch {
  entries: BatchEntry[];
  invalid: BatchProblem[];
}

export type BatchFormat = 'list' | 'csv' | 'ris';

/** The format from the extension, else from the content. */
export function detectBatchFormat(lines: readonly string[], fileName: string): BatchFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'ris' || looksLikeRis(lines)) return 'ris';
  if (extension === 'csv' || extension === 'tsv') return 'csv';
  const header = lines.find((l) => l.trim().length > 0 && !l.trimStart().startsWith('#'));
  return header !== undefined && hasIdColumn(header) ? 'csv' : 'list';
}

function parseList(lines: readonly string[]): Candidate[] {
  const candidates: Candidate[] = [];
  lines.forEach((raw, index) => {
    // A DOI or PMID never contains white space, so " # note" after one is a comment.
    const text = raw.replace(/\s+#.*$/, '').trim();
    if (!text || text.startsWith('#')) return;
    candidates.push({ line: index + 1, text, result: classifyIdentifier(text) });
  });
  return candidates;
}

/** Parse a batch file; throws InputError for a CSV without a doi/pmid column or with broken quoting. */
export function parseBatch(content: string, fileName: string): ParsedBatch {
  const text = content.replace(/^\uFEFF/, '');
  const lines = text.split(/\r\n|\r|\n/);
  const format = detectBatchFormat(lines, fileName);
  let candidates: Candidate[];
  if (format === 'ris') candidates = parseRisBatch(lines);
  else if (format === 'csv') {
    const header = lines.find((l) => l.trim().length > 0 && !l.trimStart().startsWith('#')) ?? '';
    candidates = parseCsvBatch(text, fileName, header);
  } else candidates = parseList(lines);
  return collect(candidates);
}

/** Split candidates into entries and problems; a repeat of an earlier identifier is a problem. */
function collect(candidates: readonly Candidate[]): ParsedBatch {
  const entries: BatchEntry[] = [];
  const invalid: BatchProblem[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, text, result } of candidates) {
    if ('problem' in result) {
      invalid.push({ line, text, problem: result.problem });
      continue;
    }
    const key = `${result.kind}:${result.value}`;
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      invalid.push({ line, text, problem: `duplicate of line ${earlier}` });
      continue;
    }
    firstLine.set(key, line);
    entries.push({ line, kind: result.kind, value: result.value });
  }
  return { entries, invalid };
}
