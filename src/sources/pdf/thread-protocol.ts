/**
 * What the PDF parsing thread receives and sends back. Kept apart from both
 * sides so the worker file stays tiny and the error mapping can be tested
 * without starting a thread.
 */

export interface ParseThreadInput {
  bytes: Uint8Array;
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
  | { ok: true; pages: string[]; info: PdfInfo }
  | { ok: false; failure: ParseFailure; detail: string };

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
