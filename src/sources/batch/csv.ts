/**
 * CSV/TSV batch files: a header row with a `doi` and/or `pmid` column (any
 * case), other columns ignored. A row with both uses the DOI, and falls back
 * to the PMID only when the DOI cell is not a DOI. Line numbers are the
 * file's own, so a quoted cell that spans lines does not shift them.
 */
import { parse } from 'csv-parse/sync';
import { InputError } from '../../errors/input-error.ts';
import { type Classified, classifyIdentifier } from './identifier.ts';

export interface Candidate {
  line: number;
  text: string;
  result: Classified;
}

const DOI_HEADERS = new Set(['doi']);
const PMID_HEADERS = new Set(['pmid', 'pubmed id', 'pubmed_id', 'pubmedid']);

/** The delimiter of a header line: tab, semicolon (European Excel) or comma. */
export function delimiterOf(headerLine: string): string {
  if (headerLine.includes('\t')) return '\t';
  if (headerLine.includes(';') && !headerLine.includes(',')) return ';';
  return ',';
}

/** Whether a header line names a doi or pmid column. */
export function hasIdColumn(headerLine: string): boolean {
  return headerLine
    .split(delimiterOf(headerLine))
    .map((cell) => cell.trim().replace(/^"|"$/g, '').toLowerCase())
    .some((cell) => DOI_HEADERS.has(cell) || PMID_HEADERS.has(cell));
}

interface Row {
  record: string[];
  info: { lines: number };
}

/** csv-parse's types do not model `info: true` (records become `{ record, info }`): check the shape. */
function asRows(parsed: unknown): Row[] {
  const rows = Array.isArray(parsed) ? parsed : [];
  return rows.filter(
    (row): row is Row =>
      typeof row === 'object' &&
      row !== null &&
      Array.isArray(row.record) &&
      typeof row.info?.lines === 'number',
  );
}

export function parseCsvBatch(content: string, fileName: string, headerLine: string): Candidate[] {
  let rows: Row[];
  try {
    const parsed: unknown = parse(content, {
      delimiter: delimiterOf(headerLine),
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      comment: '#',
      comment_no_infix: true,
      bom: true,
      trim: true,
    });
    rows = asRows(parsed);
  } catch (err) {
    throw new InputError(
      `${fileName} could not be read as CSV: ${err instanceof Error ? err.message : String(err)}.`,
      {
        hint: 'Check the quoting on that line, or save the file as a plain list with one DOI or PMID per line.',
      },
    );
  }
  const [header, ...body] = rows;
  const names = (header?.record ?? []).map((cell) => cell.trim().toLowerCase());
  const doiColumn = names.findIndex((n) => DOI_HEADERS.has(n));
  const pmidColumn = names.findIndex((n) => PMID_HEADERS.has(n));
  if (doiColumn < 0 && pmidColumn < 0) {
    throw new InputError(
      `${fileName} has no "doi" or "pmid" column (its header is: ${names.join(', ') || 'empty'}).`,
      {
        hint: 'Name the column that holds the identifiers "doi" or "pmid" in the first row.',
      },
    );
  }
  return body.map((row) => candidateOf(row, doiColumn, pmidColumn));
}

function candidateOf(row: Row, doiColumn: number, pmidColumn: number): Candidate {
  const embeddedBreaks = row.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  const line = row.info.lines - embeddedBreaks;
  const doiCell = doiColumn >= 0 ? (row.record[doiColumn] ?? '') : '';
  const pmidCell = pmidColumn >= 0 ? (row.record[pmidColumn] ?? '') : '';
  const text = [doiCell, pmidCell].filter(Boolean).join(' / ');
  const fromDoi = doiCell ? classifyIdentifier(doiCell) : null;
  if (fromDoi && 'kind' in fromDoi && fromDoi.kind === 'doi') return { line, text: doiCell, result: fromDoi };
  const fromPmid = pmidCell ? classifyIdentifier(pmidCell) : null;
  if (fromPmid && 'kind' in fromPmid && fromPmid.kind === 'pmid')
    return { line, text: pmidCell, result: fromPmid };
  if (!doiCell && !pmidCell)
    return {
      line,
      text: row.record.filter(Boolean).join(', '),
      result: { problem: 'no DOI or PMID in this row' },
    };
  const problem = doiCell
    ? `"${doiCell}" in the doi column is not a DOI (10.xxxx/...)`
    : `"${pmidCell}" in the pmid column is not a PMID (digits)`;
  return { line, text, result: { problem } };
}
