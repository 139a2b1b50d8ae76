/**
 * An uploaded PDF to a paper record: checks size and signature (./check.ts), reads the
 * text of the pages it needs (the first two, and on until the full-text budget
 * is met) in a pooled thread (pdf-parse, ./run-thread.ts), then finds title,
 * authors, abstract and DOI with the heuristics in this folder. Every refusal is a PermanentError
 * that says what to send instead (the DOI, or the pasted abstract).
 */
import { type PaperRecord, PaperRecord as PaperRecordSchema } from '../../domain/paper.ts';
import { InputError } from '../../errors/input-error.ts';
import { PermanentError } from '../../errors/permanent-error.ts';
import { findDoiInText } from '../doi.ts';
import { findAbstract } from './abstract.ts';
import { checkPdfBytes, PDF_ALTERNATIVE } from './check.ts';
import { citationYear, frontMatter, journalFromSubject, meaningfulInfoTitle } from './front-matter.ts';
import { runParseThread, setPdfThreads } from './run-thread.ts';
import { cleanPages, cutToBudget } from './text.ts';
import { frontDoi, type ParseFailure, type PdfInfo } from './thread-protocol.ts';

export interface ExtractPdfOptions {
  maxBytes: number;
  fullTextBudgetChars: number;
  /** Deadline for the parsing thread; 60 s when not given. */
  timeoutMs?: number;
  /** Size of the process's pool of parsing threads; 2 when never given. */
  threads?: number;
}

export interface ExtractedPdf {
  record: PaperRecord;
  pages: number;
  doi: string | null;
}

const DEFAULT_TIMEOUT_MS = 60_000;
/** Fewer letters than this in the pages read (all of them, for a PDF short of text) means there is no usable text layer. */
const MIN_TEXT_LETTERS = 100;
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
    { hint: `Download the PDF again and re-upload it, or ${PDF_ALTERNATIVE}.` },
  );
}

interface ReadPages {
  pages: string[];
  lastPage?: string;
  pageCount: number;
  info: PdfInfo;
}

async function readPages(bytes: Uint8Array, textBudgetChars: number, timeoutMs: number): Promise<ReadPages> {
  const outcome = await runParseThread({ bytes, textBudgetChars }, timeoutMs);
  switch (outcome.kind) {
    case 'result':
      if (outcome.result.ok) return outcome.result;
      throw unreadable(outcome.result.failure, outcome.result.detail);
    case 'timeout': {
      const limit = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
      throw new PermanentError(`Reading this PDF took longer than ${limit} and was stopped.`, {
        hint: `The file may be very large or malformed; ${PDF_ALTERNATIVE}.`,
      });
    }
    case 'out-of-memory':
      throw new PermanentError('This PDF is too complex to read (it needed more memory than allowed).', {
        hint: `Please ${PDF_ALTERNATIVE}.`,
      });
    case 'crashed':
      // Not the file's fault (e.g. the thread could not load its code): a plain error, for the logs.
      throw new Error(`PDF text extraction failed: ${outcome.detail}`);
  }
}

/** DOI from the Info strings, the first two pages, or a BMC-style "doi:... Cite this article as" block in the pages read. */
function findPdfDoi(info: PdfInfo, pages: readonly string[], lastPage?: string): string | null {
  const front = frontDoi(info, pages);
  if (front) return front;
  const whole = (lastPage === undefined ? pages : [...pages, lastPage]).join('\n');
  const citeBlock = /doi:\s*(\S+)\s*\n\s*Cite this article as/i.exec(whole)?.[1];
  return citeBlock ? findDoiInText(`doi:${citeBlock}`) : null;
}

/** Extract a paper record from PDF bytes. Throws PermanentError for files LaySum cannot read. */
export async function extractPdf(bytes: Uint8Array, opts: ExtractPdfOptions): Promise<ExtractedPdf> {
  try {
    checkPdfBytes(bytes, opts.maxBytes);
  } catch (err) {
    // Submitting ran the same checks as input; failing them now, after queueing, is permanent.
    throw err instanceof InputError ? new PermanentError(err.message, { hint: err.hint }) : err;
  }
  if (opts.threads !== undefined) setPdfThreads(opts.threads);
  const { pages, lastPage, pageCount, info } = await readPages(
    bytes,
    opts.fullTextBudgetChars,
    opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  );
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
  const doi = findPdfDoi(info, pages, lastPage);
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
  return { record, pages: pageCount, doi };
}
