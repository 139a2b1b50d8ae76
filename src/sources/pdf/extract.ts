/**
 * An uploaded PDF to a paper record: checks size and signature, reads the
 * text in a worker thread (pdf-parse), then finds title, authors, abstract
 * and DOI with the heuristics in this folder. Every refusal is a PermanentError
 * that says what to send instead (the DOI, or the pasted abstract).
 */
import { type PaperRecord, PaperRecord as PaperRecordSchema } from '../../domain/paper.ts';
import { PermanentError } from '../../errors/permanent-error.ts';
import { findDoiInText } from '../doi.ts';
import { findAbstract } from './abstract.ts';
import { citationYear, frontMatter, journalFromSubject, meaningfulInfoTitle } from './front-matter.ts';
import { runParseThread } from './run-thread.ts';
import { cleanPages, cutToBudget } from './text.ts';
import type { ParseFailure, PdfInfo } from './thread-protocol.ts';

export interface ExtractPdfOptions {
  maxBytes: number;
  fullTextBudgetChars: number;
  /** Deadline for the parsing thread; 60 s when not given. */
  timeoutMs?: number;
}

export interface ExtractedPdf {
  record: PaperRecord;
  pages: number;
  doi: string | null;
}

const DEFAULT_TIMEOUT_MS = 60_000;
/** Fewer letters than this in the whole document means there is no usable text layer. */
const MIN_TEXT_LETTERS = 100;
const ALTERNATIVE = 'give the DOI or paste the abstract instead';

const mb = (bytes: number) => {
  const value = bytes / (1024 * 1024);
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
};

/** What the first bytes look like, for the "not a PDF" message. */
function describeStart(bytes: Uint8Array): string {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 64)).trimStart();
  const printable = head.slice(0, 20).replace(/[^\x20-\x7e]/g, '');
  return printable.length >= 4 && printable.length >= head.slice(0, 20).length * 0.8
    ? `it starts with '${printable}'`
    : 'it does not start with %PDF';
}

function checkBytes(bytes: Uint8Array, maxBytes: number): void {
  if (bytes.length > maxBytes) {
    throw new PermanentError(
      `This PDF is ${mb(bytes.length)} MB, over the ${mb(maxBytes)} MB limit; give the DOI or paste the abstract.`,
      {
        hint: 'Submit the paper by its DOI (or PMID), or paste its title and abstract as text.',
      },
    );
  }
  // The PDF header may follow some junk, but must appear within the first KB (PDF 1.7, 7.5.2 note).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) {
    throw new PermanentError(`This file is not a readable PDF (${describeStart(bytes)}).`, {
      hint: `Upload the PDF file itself (not the journal's web page or a link to it), or ${ALTERNATIVE}.`,
    });
  }
}

function unreadable(failure: ParseFailure, detail: string): PermanentError {
  if (failure === 'password') {
    return new PermanentError(
      'This PDF is encrypted and cannot be opened without its password; save an unprotected copy or give the DOI.',
      {
        hint: 'Open it in a PDF reader, export or print it to a new PDF without a password and upload that; or submit the DOI.',
      },
    );
  }
  return new PermanentError(
    `This file is not a readable PDF (${detail || 'pdf.js could not parse it'}); it may be damaged or cut short.`,
    { hint: `Download the PDF again and re-upload it, or ${ALTERNATIVE}.` },
  );
}

async function readPages(bytes: Uint8Array, timeoutMs: number): Promise<{ pages: string[]; info: PdfInfo }> {
  const outcome = await runParseThread({ bytes }, timeoutMs);
  switch (outcome.kind) {
    case 'result':
      if (outcome.result.ok) return outcome.result;
      throw unreadable(outcome.result.failure, outcome.result.detail);
    case 'timeout': {
      const limit = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
      throw new PermanentError(`Reading this PDF took longer than ${limit} and was stopped.`, {
        hint: `The file may be very large or malformed; ${ALTERNATIVE}.`,
      });
    }
    case 'out-of-memory':
      throw new PermanentError('This PDF is too complex to read (it needed more memory than allowed).', {
        hint: `Please ${ALTERNATIVE}.`,
      });
    case 'crashed':
      // Not the file's fault (e.g. the thread could not load its code): a plain error, for the logs.
      throw new Error(`PDF text extraction failed: ${outcome.detail}`);
  }
}

/** DOI from the Info strings, the first two pages, or a BMC-style "doi:... Cite this article as" block. */
function findPdfDoi(info: PdfInfo, pages: readonly string[]): string | null {
  for (const text of [info.subject, info.title, info.keywords, pages[0], pages[1]]) {
    const doi = text ? findDoiInText(text) : null;
    if (doi) return doi;
  }
  const whole = pages.join('\n');
  const citeBlock = /doi:\s*(10\.\d{4,9}\/\S+)\s*\n\s*Cite this article as/i.exec(whole)?.[1];
  return citeBlock ? findDoiInText(`doi:${citeBlock}`) : null;
}

/** Extract a paper record from PDF bytes. Throws PermanentError for files LaySum cannot read. */
export async function extractPdf(bytes: Uint8Array, opts: ExtractPdfOptions): Promise<ExtractedPdf> {
  checkBytes(bytes, opts.maxBytes);
  const { pages, info } = await readPages(bytes, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const lines = cleanPages(pages);
  const letters = (pages.join('').match(/\p{L}/gu) ?? []).length;
  if (letters < MIN_TEXT_LETTERS) {
    throw new PermanentError(
      'This PDF has no text layer (it is a scanned image); paste the abstract or give the DOI.',
      {
        hint: 'Copy the abstract from the journal page and submit it as text, or submit the DOI; LaySum does not run OCR.',
      },
    );
  }
  const firstPage = lines[0] ?? [];
  const journal = journalFromSubject(info.subject, firstPage);
  const front = frontMatter(firstPage, journal);
  const title = meaningfulInfoTitle(info.title) ?? front.title ?? firstPage[0] ?? 'Untitled PDF';
  const doi = findPdfDoi(info, pages);
  const fullText = lines.map((page) => page.join('\n')).join('\n\n');
  const record = PaperRecordSchema.parse({
    title,
    authors: front.authors,
    journal,
    publishedAt: citationYear(firstPage),
    ids: doi ? { doi } : {},
    abstract: findAbstract([...firstPage, ...(lines[1] ?? [])], front.bodyStart),
    fullText: cutToBudget(fullText, opts.fullTextBudgetChars),
  });
  return { record, pages: pages.length, doi };
}
