/**
 * How ingest turns each kind of submission into a paper record. The real
 * implementations (NCBI, Crossref, PDF parsing) are wired in
 * src/runtime/sources.ts; tests may pass their own.
 */
import { type PaperRecord, recordBytes, type Submission } from '../domain/paper.ts';
import { PermanentError } from '../errors/permanent-error.ts';
import { textRecord } from '../sources/text.ts';

export interface Resolvers {
  pmid(pmid: string): Promise<PaperRecord>;
  doi(doi: string): Promise<PaperRecord>;
  pdf(bytes: Uint8Array, fileName: string): Promise<PaperRecord>;
}

export async function resolveSubmission(
  submission: Submission,
  resolvers: Resolvers,
  blob: () => Promise<Uint8Array | null>,
  maxTextBytes: number,
): Promise<PaperRecord> {
  switch (submission.kind) {
    case 'text':
      return textRecord({ ...submission, maxBytes: maxTextBytes });
    case 'record':
      return withinLimit(submission.record, maxTextBytes);
    case 'pmid':
      return resolvers.pmid(submission.pmid);
    case 'doi':
      return submission.fallback && recordBytes(submission.fallback) <= maxTextBytes
        ? withFallback(resolvers.doi(submission.doi), submission.fallback)
        : resolvers.doi(submission.doi);
    case 'pdf': {
      const bytes = await blob();
      if (!bytes)
        throw new PermanentError(`The uploaded PDF ${submission.fileName} is missing from the store.`, {
          hint: 'Upload the PDF again.',
        });
      return resolvers.pdf(bytes, submission.fileName);
    }
  }
}

/** A record given whole (a feed item) has the same limit as pasted text. */
function withinLimit(record: PaperRecord, maxTextBytes: number): PaperRecord {
  const size = recordBytes(record);
  if (size <= maxTextBytes) return record;
  throw new PermanentError(
    `"${record.title.slice(0, 80)}" has ${size} bytes of text, over the ${maxTextBytes}-byte limit (MAX_TEXT_BYTES).`,
    { hint: 'Submit the paper by DOI or PMID, or paste its abstract.' },
  );
}

/**
 * A DOI from a feed: the registries' record, with the feed's own abstract
 * where Crossref and Europe PMC have none (many publishers deposit none), or
 * the feed's record alone when the registries cannot give one (the DOI is
 * not registered yet, or a registry refuses it): retrying would not change that.
 */
async function withFallback(resolved: Promise<PaperRecord>, fallback: PaperRecord): Promise<PaperRecord> {
  try {
    const record = await resolved;
    return record.abstract.length > 0 ? record : { ...record, abstract: fallback.abstract };
  } catch (err) {
    if (err instanceof PermanentError) return fallback;
    throw err;
  }
}
