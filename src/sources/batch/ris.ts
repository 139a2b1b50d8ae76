/**
 * RIS exports (Zotero, EndNote, Mendeley, publisher "cite" buttons): records
 * from `TY  - ` to `ER  - `. The DOI is in `DO`; a PMID shows up as a bare
 * number in `AN` (PubMed accession), as `PMID: 123` in `N1`/`M2`/`AN`/`ID`,
 * or as a PubMed link in `UR`. `ID` alone is usually a reference-manager
 * record number (1, 2, 3...), so a bare number there counts only when it is
 * long enough to be a PMID of the last decades (6+ digits).
 */
import { normalizeDoi } from '../doi.ts';
import { findPmidInText, normalizePmid, pmidFromPubmedUrl } from '../pmid.ts';
import type { Candidate } from './csv.ts';

const TAG = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/;

interface Field {
  tag: string;
  value: string;
  line: number;
}

interface RisRecord {
  startLine: number;
  fields: Field[];
}

/** Whether the text looks like RIS: its first tagged line is `TY  - `. */
export function looksLikeRis(lines: readonly string[]): boolean {
  const first = lines.find((l) => l.trim().length > 0);
  return first !== undefined && /^TY {2}- /.test(first.replace(/^\uFEFF/, ''));
}

function readRecords(lines: readonly string[]): RisRecord[] {
  const records: RisRecord[] = [];
  let current: RisRecord | null = null;
  lines.forEach((raw, index) => {
    const match = TAG.exec(raw.trimEnd());
    const tag = match?.[1];
    if (tag === 'TY') {
      current = { startLine: index + 1, fields: [] };
      records.push(current);
    }
    if (!current) return;
    if (tag === 'ER') current = null;
    else if (tag) current.fields.push({ tag, value: (match?.[2] ?? '').trim(), line: index + 1 });
    else if (raw.trim()) {
      const last = current.fields.at(-1); // continuation of a long note or abstract
      if (last) last.value += ` ${raw.trim()}`;
    }
  });
  return records;
}

function pmidIn(field: Field): string | null {
  const labelled = findPmidInText(field.value);
  if (labelled) return labelled;
  if (field.tag === 'AN') return normalizePmid(field.value);
  if (field.tag === 'ID' && /^\d{6,9}$/.test(field.value)) return normalizePmid(field.value);
  if (field.tag === 'UR') return pmidFromPubmedUrl(field.value);
  return null;
}

function candidateOf(record: RisRecord): Candidate {
  for (const field of record.fields) {
    const isDoiField = field.tag === 'DO' || (field.tag === 'UR' && /doi\.org\//i.test(field.value));
    const doi = isDoiField ? normalizeDoi(field.value) : null;
    if (doi) return { line: field.line, text: field.value, result: { kind: 'doi', value: doi } };
  }
  for (const field of record.fields) {
    if (!['AN', 'ID', 'N1', 'M2', 'UR'].includes(field.tag)) continue;
    const pmid = pmidIn(field);
    if (pmid) return { line: field.line, text: field.value, result: { kind: 'pmid', value: pmid } };
  }
  const title = record.fields.find((f) => ['TI', 'T1', 'CT', 'BT'].includes(f.tag))?.value;
  return {
    line: record.startLine,
    text: title ?? `TY  - ${record.fields.find((f) => f.tag === 'TY')?.value ?? ''}`,
    result: { problem: 'this RIS record has no DOI (DO) or PubMed ID (AN, or "PMID: ..." in N1/M2)' },
  };
}

/** One candidate per RIS record, at the line of the identifier used (or of `TY` when there is none). */
export function parseRisBatch(lines: readonly string[]): Candidate[] {
  return readRecords(lines).map(candidateOf);
}
