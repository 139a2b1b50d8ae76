/**
 * How ingest turns each kind of submission into a paper record. The real
 * implementations (NCBI, Crossref, PDF parsing) are wired in
 * src/ingest/wire.ts; tests may pass their own.
 */
import type { PaperRecord, Submission } from '../domain/paper.ts';
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
      return submission.record;
    case 'pmid':
      return resolvers.pmid(submission.pmid);
    case 'doi':
      return resolvers.doi(submission.doi);
    case 'pdf': {
      const bytes = await blob();
      if (!bytes) throw new Error(`The uploaded PDF ${submission.fileName} is missing from the store.`);
      return resolvers.pdf(bytes, submission.fileName);
    }
  }
}
