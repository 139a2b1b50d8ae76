/**
 * What the API's JSON body, its multipart upload and the desk's submit form
 * ask for, turned into one SubmitRequest: exactly one of text, pmid, doi or
 * a PDF file. submitPaper (../intake/submit.ts) validates the rest.
 */

import type { SubmitRequest } from '../domain/submission.ts';
import { InputError } from '../errors/input-error.ts';

export type SubmitFields = Record<string, unknown>;

const KINDS = ['text', 'pmid', 'doi', 'pdf'] as const;

function given(fields: SubmitFields, key: string): boolean {
  const v = fields[key];
  if (v instanceof File) return v.size > 0 || v.name !== '';
  if (typeof v === 'number') return true;
  return typeof v === 'string' && v.trim() !== '';
}

function optionalText(fields: SubmitFields, key: string): string | undefined {
  const v = fields[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string')
    throw new InputError(`"${key}" must be a string.`, { hint: `Send ${key} as text.` });
  return v.trim() || undefined;
}

function requiredText(fields: SubmitFields, key: string): string {
  const v = fields[key];
  if (typeof v === 'number' && key === 'pmid') return String(v);
  if (typeof v !== 'string')
    throw new InputError(`"${key}" must be a string.`, { hint: `Send ${key} as text.` });
  return v;
}

export async function submitRequestFrom(fields: SubmitFields): Promise<SubmitRequest> {
  const kinds = KINDS.filter((k) => given(fields, k));
  if (kinds.length !== 1) {
    throw new InputError(
      kinds.length === 0 ? 'Nothing to submit.' : `Give only one of ${kinds.join(', ')}.`,
      {
        hint: 'Send exactly one of {"text", "title"}, {"pmid"} or {"doi"} as JSON, or a PDF as the multipart field "pdf".',
      },
    );
  }
  const kind = kinds[0];
  if (kind === 'pmid') return { kind, pmid: requiredText(fields, 'pmid') };
  if (kind === 'doi') return { kind, doi: requiredText(fields, 'doi') };
  if (kind === 'text') {
    return {
      kind,
      text: requiredText(fields, 'text'),
      title: optionalText(fields, 'title'),
      journal: optionalText(fields, 'journal'),
    };
  }
  const file = fields.pdf;
  if (!(file instanceof File))
    throw new InputError('"pdf" must be a file upload.', {
      hint: 'Send the PDF as multipart/form-data, field "pdf".',
    });
  return {
    kind: 'pdf',
    fileName: file.name || 'upload.pdf',
    bytes: new Uint8Array(await file.arrayBuffer()),
  };
}
