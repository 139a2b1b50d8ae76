/**
 * What an editor, a batch file or a watch asks LaySum to take in (a submit
 * request), beside what is stored once intake has checked it (a Submission,
 * ./paper.ts). Each request is its stored shape as typed by a person: a PMID
 * or DOI in any spelling, pasted text that may still be empty, a PDF with its
 * bytes rather than their count. Intake turns one into the other.
 */
import { z } from 'zod';
import { DoiSubmission, PdfSubmission, PmidSubmission, RecordSubmission, TextSubmission } from './paper.ts';

export const TextRequest = TextSubmission.pick({ kind: true, title: true, journal: true }).extend({
  text: z.string(), // empty or oversized text is refused by intake, with what to do
});
export const PmidRequest = PmidSubmission.extend({ pmid: z.string() }); // `PMID: 123`, a PubMed link...
export const DoiRequest = DoiSubmission.extend({ doi: z.string() }); // `doi:...`, a doi.org link...
/** Any Uint8Array, Node Buffers included: z.instanceof(Uint8Array) would type them as ArrayBuffer-backed only. */
const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected the PDF bytes');
export const PdfRequest = PdfSubmission.extend({ bytes: Bytes });

export const SubmitRequest = z.discriminatedUnion('kind', [
  TextRequest,
  PmidRequest,
  DoiRequest,
  PdfRequest,
  RecordSubmission,
]);
export type SubmitRequest = z.infer<typeof SubmitRequest>;
