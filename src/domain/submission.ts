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

/** What a person can hand over in one submission: exactly one of these. */
export const SUBMIT_KINDS = ['text', 'pmid', 'doi', 'pdf'] as const;
export type SubmitKind = (typeof SUBMIT_KINDS)[number];

/** A PDF as received: the upload's (or file's) name and its bytes. */
export const PdfUpload = z.object({ fileName: z.string(), bytes: Bytes });

/**
 * The fields of a submission as typed (API JSON, the multipart upload, the
 * desk's form, `laysum submit` flags once the files are read): exactly one
 * of text, pmid, doi or pdf, turned into a SubmitRequest. Blank strings count
 * as not given, so an empty form field is not a second choice.
 */
export const SubmitFieldsShape = z.object({
  text: z.string().optional(),
  title: z.string().optional(),
  journal: z.string().optional(),
  pmid: z.union([z.string(), z.number()]).optional(),
  doi: z.string().optional(),
  pdf: PdfUpload.optional(),
});
export const SubmitFields = SubmitFieldsShape.superRefine((fields, ctx) => {
  const kinds = givenKinds(fields);
  if (kinds.length === 1) return;
  ctx.addIssue({
    code: 'custom',
    message: kinds.length === 0 ? 'Nothing to submit.' : `Give only one of ${kinds.join(', ')}.`,
    params: { kinds },
  });
}).transform((fields): SubmitRequest => {
  const [kind] = givenKinds(fields);
  if (kind === 'pmid') return { kind, pmid: String(fields.pmid) };
  if (kind === 'doi') return { kind, doi: fields.doi ?? '' };
  if (kind === 'pdf' && fields.pdf) return { kind, ...fields.pdf };
  const optional = (v: string | undefined) => v?.trim() || undefined;
  return {
    kind: 'text',
    text: fields.text ?? '',
    title: optional(fields.title),
    journal: optional(fields.journal),
  };
});
export type SubmitFields = z.input<typeof SubmitFields>;

export function givenKinds(fields: SubmitFields): SubmitKind[] {
  return SUBMIT_KINDS.filter((k) => {
    const v = fields[k];
    if (typeof v === 'string') return v.trim() !== '';
    if (typeof v === 'object') return v.bytes.length > 0 || v.fileName !== '';
    return v !== undefined;
  });
}

/** The kinds a failed SubmitFields parse found given (none or several), for the caller's own wording. */
export function kindsOfIssue(error: z.ZodError): SubmitKind[] | undefined {
  const issue = error.issues.find((i) => i.code === 'custom' && Array.isArray(i.params?.kinds));
  return issue?.code === 'custom' ? (issue.params?.kinds as SubmitKind[]) : undefined;
}
