/**
 * A word-level diff (longest common subsequence over words and the spaces
 * between them), enough to show a reviewer what an edit changed. Fields are
 * at most a few hundred words; past MAX_TOKENS it shows a plain replacement
 * rather than spend quadratic time.
 */
import type { LaySummary } from '../../../domain/summary.ts';

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

const MAX_TOKENS = 3000;

function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

function lcsTable(a: readonly string[], b: readonly string[]): Uint32Array {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const at = i * width + j;
      table[at] =
        a[i] === b[j]
          ? (table[at + width + 1] ?? 0) + 1
          : Math.max(table[at + width] ?? 0, table[at + 1] ?? 0);
    }
  }
  return table;
}

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  const last = parts.at(-1);
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  if (a.length > MAX_TOKENS || b.length > MAX_TOKENS) {
    return [
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ].filter((p) => p.text !== '') as DiffPart[];
  }
  const table = lcsTable(a, b);
  const width = b.length + 1;
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(parts, 'same', a[i++] ?? '');
      j++;
    } else if ((table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0))
      push(parts, 'removed', a[i++] ?? '');
    else push(parts, 'added', b[j++] ?? '');
  }
  while (i < a.length) push(parts, 'removed', a[i++] ?? '');
  while (j < b.length) push(parts, 'added', b[j++] ?? '');
  return groupChanges(parts);
}

/**
 * Readable hunks: a space kept between two changes joins them, and each hunk
 * shows everything removed, then everything added ("<del>old words</del><ins>new
 * words</ins>" rather than word-by-word alternation).
 */
function groupChanges(parts: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) push(out, 'removed', removed);
    if (added) push(out, 'added', added);
    removed = '';
    added = '';
  };
  parts.forEach((part, n) => {
    const between = part.kind === 'same' && /^\s+$/.test(part.text) && n > 0 && n < parts.length - 1;
    if (part.kind === 'removed') removed += part.text;
    else if (part.kind === 'added') added += part.text;
    else if (between && (removed || added)) {
      removed += part.text;
      added += part.text;
    } else {
      flush();
      push(out, 'same', part.text);
    }
  });
  flush();
  return out;
}

/** Each summary field as the text a reviewer edits, in page order. */
export function fieldTexts(s: LaySummary): Array<[label: string, text: string]> {
  const r = s.ratings;
  return [
    ['Headline', s.headline],
    ['Key takeaway', s.takeaway],
    ['What they found', s.findings],
    ['Who should care', s.audience],
    ['Caveats', s.caveats.join('\n')],
    ['Topics', s.topics.join(', ')],
    ['Credibility', `${r.credibility.score}/5: ${r.credibility.rationale}`],
    ['Interest', `${r.interest.score}/5: ${r.interest.rationale}`],
  ];
}

/** The fields that differ between two summaries, each with its word diff. */
export function summaryDiff(
  before: LaySummary,
  after: LaySummary,
): Array<{ label: string; parts: DiffPart[] }> {
  const old = new Map(fieldTexts(before));
  return fieldTexts(after)
    .filter(([label, text]) => old.get(label) !== text)
    .map(([label, text]) => ({ label, parts: wordDiff(old.get(label) ?? '', text) }));
}
