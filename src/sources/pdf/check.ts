/**
 * What a PDF must be before anything reads it: within the size limit and
 * starting with the PDF signature. Submitting checks it (so nothing is
 * queued for a file that cannot work) and extracting checks it again (the
 * limit may have changed, and a worker never trusts what it was handed).
 */
import { InputError } from '../../errors/input-error.ts';
import { formatMegabytes } from '../../text/bytes.ts';

export const PDF_ALTERNATIVE = 'give the DOI or paste the abstract instead';

/** What the first bytes look like, for the "not a PDF" message. */
function describeStart(bytes: Uint8Array): string {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 64)).trimStart();
  const printable = head.slice(0, 20).replace(/[^\x20-\x7e]/g, '');
  return printable.length >= 4 && printable.length >= head.slice(0, 20).length * 0.8
    ? `it starts with '${printable}'`
    : 'it does not start with %PDF';
}

/** InputError unless `bytes` may be a PDF within `maxBytes`; `fileName` names it in the message. */
export function checkPdfBytes(bytes: Uint8Array, maxBytes: number, fileName?: string): void {
  if (bytes.byteLength > maxBytes) {
    throw new InputError(
      `${fileName ?? 'This PDF'} is ${formatMegabytes(bytes.byteLength)} MB, over the ${formatMegabytes(maxBytes)} MB limit; give the DOI or paste the abstract.`,
      {
        hint: 'Submit the paper by its DOI (or PMID), or paste its title and abstract as text (or raise MAX_PDF_BYTES).',
      },
    );
  }
  // The PDF header may follow some junk, but must appear within the first KB (PDF 1.7, 7.5.2 note).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) {
    throw new InputError(`${fileName ?? 'This'} is not a PDF file (${describeStart(bytes)}).`, {
      hint: `Upload the PDF file itself (not the journal's web page or a link to it), or ${PDF_ALTERNATIVE}.`,
    });
  }
}
