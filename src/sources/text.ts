/**
 * Pasted text: validate what an editor pasted and turn it into a paper record.
 * Accepts the common "title, blank line, abstract" shape and structured
 * abstracts written as `LABEL: text` lines.
 */
import type { AbstractSection, PaperRecord } from '../domain/paper.ts';
import { MAX_TITLE_CHARS, PaperRecord as PaperRecordSchema } from '../domain/paper.ts';
import { InputError } from '../errors/input-error.ts';
import { findDoiInText } from './doi.ts';
import { findPmidInText } from './pmid.ts';
import { refuseUnusableText } from './text-refusals.ts';

export const MIN_ABSTRACT_CHARS = 200;

/** Decode bytes as UTF-8, refusing invalid sequences instead of inventing characters. */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new InputError(`${what} is not valid UTF-8 text.`, {
      hint: 'Save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8 in.txt > out.txt`), or submit the PDF, DOI or PMID instead.',
    });
  }
}

export interface TextInput {
  text: string;
  title?: string | undefined;
  maxBytes: number;
}

/** Check pasted text before anything is queued; returns the title and abstract sections. */
export function parsePastedText(input: TextInput): { title: string; sections: AbstractSection[] } {
  const bytes = Buffer.byteLength(input.text, 'utf8');
  if (bytes > input.maxBytes) {
    throw new InputError(`The text is ${bytes} bytes, over the limit of ${input.maxBytes} bytes.`, {
      hint: 'Paste only the title and abstract, or raise MAX_TEXT_BYTES.',
    });
  }
  refuseUnusableText(input.text);
  if (input.title) refuseUnusableText(input.title, 'The title');
  if (input.title && input.title.trim().length > MAX_TITLE_CHARS)
    throw new InputError(
      `The title is ${input.title.trim().length.toLocaleString('en-US')} characters, over the limit of ${MAX_TITLE_CHARS.toLocaleString('en-US')}.`,
      { hint: "Give the paper's title only; the abstract goes in the text." },
    );
  const text = input.text.replace(/\r\n?/g, '\n').trim();
  if (text.length === 0) {
    throw new InputError('The text is empty.', {
      hint: "Paste the paper's title and abstract (or use --pmid / --doi).",
    });
  }
  let title = input.title?.trim();
  let body = text;
  const firstBreak = text.indexOf('\n\n');
  const firstBlock =
    firstBreak > 0 && firstBreak <= 400 ? text.slice(0, firstBreak).replace(/\s+/g, ' ').trim() : null;
  // The first short paragraph is the title when none is given, and is dropped when it repeats the given one.
  if (firstBlock && (!title || firstBlock === title.replace(/\s+/g, ' '))) {
    title = firstBlock;
    body = text.slice(firstBreak + 2).trim();
  }
  if (!title) {
    throw new InputError('The text has no title.', {
      hint: 'Pass --title "...", or put the title on the first line followed by a blank line.',
    });
  }
  const sections = splitSections(body);
  const chars = sections.reduce((n, s) => n + s.text.length, 0);
  if (chars < MIN_ABSTRACT_CHARS) {
    throw new InputError(
      `The abstract is too short to summarize (${chars} characters; at least ${MIN_ABSTRACT_CHARS} needed).`,
      {
        hint: 'Paste the whole abstract, not just the title or a sentence.',
      },
    );
  }
  return { title, sections };
}

const LABEL = /^([A-Z][A-Za-z &/,-]{2,40}):\s+(.+)$/;

function splitSections(body: string): AbstractSection[] {
  const sections: AbstractSection[] = [];
  for (const para of body.split(/\n\s*\n|\n(?=[A-Z][A-Z &/,-]{2,40}:\s)/)) {
    const line = para.replace(/\s*\n\s*/g, ' ').trim();
    if (!line) continue;
    const m = LABEL.exec(line);
    const label = m?.[1];
    if (m && label && label === label.toUpperCase())
      sections.push({ label, category: null, text: m[2] ?? '' });
    else sections.push({ label: null, category: null, text: line });
  }
  return sections;
}

/** A line that is only the paper's own identifier: "doi: 10.…", "https://doi.org/10.…", "PMID: 123". */
const ID_LINE = /^\s*(?:doi:?\s*|https?:\/\/(?:dx\.)?doi\.org\/|pmid:?\s*)\S+\s*$/i;

/**
 * The DOI and PMID a pasted paper prints on lines of their own (as a copied
 * citation does), so its page can link the original; those lines leave the
 * abstract. An identifier inside a sentence is left alone: it may cite another paper.
 */
function identifierLines(text: string): { text: string; doi: string | null; pmid: string | null } {
  const lines = text.split(/\r\n?|\n/);
  const ids = lines.filter((l) => ID_LINE.test(l)).join('\n');
  if (!ids) return { text, doi: null, pmid: null };
  const doi = findDoiInText(ids);
  const pmid = findPmidInText(ids);
  return { text: lines.filter((l) => !ID_LINE.test(l)).join('\n'), doi, pmid };
}

export function textRecord(input: {
  text: string;
  title?: string | undefined;
  journal?: string | undefined;
  doi?: string | undefined;
  pmid?: string | undefined;
  maxBytes: number;
}): PaperRecord {
  const found = identifierLines(input.text);
  const { title, sections } = parsePastedText({ ...input, text: found.text });
  const doi = input.doi ?? found.doi;
  const pmid = input.pmid ?? found.pmid;
  return PaperRecordSchema.parse({
    title,
    journal: input.journal ?? null,
    ids: { ...(doi ? { doi } : {}), ...(pmid ? { pmid } : {}) },
    abstract: sections,
  });
}
