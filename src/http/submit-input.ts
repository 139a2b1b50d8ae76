/**
 * What the API's JSON body, its multipart upload and the desk's submit form
 * ask for, turned into one SubmitRequest by the domain's SubmitFields schema
 * (exactly one of text, pmid, doi or a PDF file; `laysum submit` parses its
 * flags with the same schema). submitPaper (../intake/submit.ts) validates the rest.
 */

import type { ZodError } from 'zod';
import {
  kindsOfIssue,
  SubmitFields as SubmitFieldsSchema,
  type SubmitRequest,
} from '../domain/submission.ts';
import { InputError } from '../errors/input-error.ts';
import { problemsOf } from './api/body.ts';

export type SubmitFields = Record<string, unknown>;

const HINT =
  'Send exactly one of {"text", "title"}, {"pmid"} or {"doi"} as JSON, or a PDF as the multipart field "pdf".';

export async function submitRequestFrom(fields: SubmitFields): Promise<SubmitRequest> {
  const parsed = SubmitFieldsSchema.safeParse({ ...fields, pdf: await pdfOf(fields.pdf) });
  if (parsed.success) return parsed.data;
  throw submitError(parsed.error);
}

/** Nothing or more than one thing to submit, or a field of the wrong type: what to send instead. */
export function submitError(error: ZodError): InputError {
  if (kindsOfIssue(error))
    return new InputError(error.issues[0]?.message ?? 'Nothing to submit.', { hint: HINT });
  return new InputError(`The submission is not valid: ${problemsOf(error)}.`, { hint: HINT });
}

/** The uploaded file as name and bytes; an empty file input (no name, no bytes) is no PDF. */
async function pdfOf(value: unknown): Promise<{ fileName: string; bytes: Uint8Array } | undefined> {
  if (value === undefined || value === null || value === '') return undefined;
  if (!(value instanceof File))
    throw new InputError('"pdf" must be a file upload.', {
      hint: 'Send the PDF as multipart/form-data, field "pdf".',
    });
  if (value.size === 0 && value.name === '') return undefined;
  return { fileName: value.name || 'upload.pdf', bytes: new Uint8Array(await value.arrayBuffer()) };
}
