/**
 * What the PDF parsing threads receive and send back. Kept apart from both
 * sides so the thread file stays tiny and the error mapping can be tested
 * without starting a thread.
 */
import { findDoiInText } from '../doi.ts';
import { pageLines } from './text.ts';

export interface ParseThreadInput {
  bytes: Uint8Array;
  /**
   * Stop reading pages once this many characters of page text are in hand
   * (and one page more, so the hyphenation dictionary sees past the cut).
   * Absent: every page.
   */
  textBudgetChars?: number;
}

/** One request to a long-lived thread; `id` pairs the reply with it. */
export interface ParseThreadRequest {
  id: number;
  input: ParseThreadInput;
}

/** The string entries of the PDF Info dictionary that the heuristics use. */
export interface PdfInfo {
  title?: string;
  subject?: string;
  keywords?: string;
  author?: string;
}

export type ParseFailure = 'password' | 'invalid' | 'failed';

export type ParseThreadResult =
  /**
   * `pages`: the text of the pages read (the first ones); `lastPage`: the last
   * page's, when it is not among them and no `frontDoi` was found (BMC prints
   * "doi:… Cite this article as" there); `pageCount`: pages in the document.
   */
  | { ok: true; pages: string[]; lastPage?: string; pageCount: number; info: PdfInfo }
  | { ok: false; failure: ParseFailure; detail: string };

export interface ParseThreadReply {
  id: number;
  result: ParseThreadResult;
}

/** Pages always read whatever the budget: the front matter and abstract come from the first two. */
export const FRONT_PAGES = 2;

/**
 * The cleaned length of one page's text, at least: its lines as ./text.ts
 * `pageLines` leaves them, less what repairing each line-end hyphen can take
 * away (the hyphen, the newline, and a line left empty).
 */
export function cleanedLengthAtLeast(pageText: string): number {
  const lines = pageLines(pageText);
  let length = Math.max(0, lines.length - 1);
  for (const line of lines) length += line.length - (line.endsWith('-') ? 3 : 0);
  return length;
}

/**
 * Whether the pages read so far are enough: the first FRONT_PAGES, and once
 * their cleaned text surely passes the budget, one page more so the
 * hyphenation dictionary (./text.ts) sees past the cut. `lengths`: each page's
 * `cleanedLengthAtLeast`, in order.
 */
export function enoughPages(lengths: readonly number[], budget: number | undefined): boolean {
  if (budget === undefined || lengths.length < FRONT_PAGES) return false;
  let total = 0;
  for (let i = 0; i < lengths.length; i++) {
    total += (lengths[i] ?? 0) + (i > 0 ? 2 : 0); // pages are joined by a blank line
    if (total > budget) return i < lengths.length - 1;
  }
  return false;
}

/** A DOI in the Info strings or the first two pages (before any other place LaySum looks). */
export function frontDoi(info: PdfInfo, pages: readonly string[]): string | null {
  for (const text of [info.subject, info.title, info.keywords, pages[0], pages[1]]) {
    const doi = text ? findDoiInText(text) : null;
    if (doi) return doi;
  }
  return null;
}

/** pdf.js error names (pdf-parse re-exports them) to the failures LaySum tells apart. */
export function classifyParseError(err: unknown): { failure: ParseFailure; detail: string } {
  const name = err instanceof Error ? err.name : '';
  const detail = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') return { failure: 'password', detail };
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'MissingPDFException') {
    return { failure: 'invalid', detail };
  }
  return { failure: 'failed', detail: name ? `${name}: ${detail}` : detail };
}

/** Only string values: the Info dictionary can hold anything (dates, nested objects). */
export function pickInfo(info: unknown): PdfInfo {
  if (typeof info !== 'object' || info === null) return {};
  const record = info as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : undefined);
  const picked: PdfInfo = {};
  const title = text('Title');
  const subject = text('Subject');
  const keywords = text('Keywords');
  const author = text('Author');
  if (title) picked.title = title;
  if (subject) picked.subject = subject;
  if (keywords) picked.keywords = keywords;
  if (author) picked.author = author;
  return picked;
}
