/** Submit requests (src/domain/submission.ts): the stored submission shapes, as a person types them. */
import { describe, expect, it } from 'vitest';
import { Submission } from '../../src/domain/paper.ts';
import { SubmitRequest } from '../../src/domain/submission.ts';

describe('SubmitRequest', () => {
  it('takes identifiers as typed and a PDF as its bytes; the stored submission does not', () => {
    expect(SubmitRequest.safeParse({ kind: 'pmid', pmid: 'PMID: 030158200' }).success).toBe(true);
    expect(Submission.safeParse({ kind: 'pmid', pmid: 'PMID: 030158200' }).success).toBe(false);
    expect(SubmitRequest.safeParse({ kind: 'doi', doi: 'https://doi.org/10.1136/BMJ.K3225' }).success).toBe(
      true,
    );
    const pdf = { kind: 'pdf', fileName: 'paper.pdf', bytes: Buffer.from('%PDF-1.4') };
    expect(SubmitRequest.safeParse(pdf).success).toBe(true);
    expect(SubmitRequest.safeParse({ ...pdf, bytes: 8 }).success).toBe(false);
    expect(Submission.safeParse({ ...pdf, bytes: 8 }).success).toBe(true);
  });
});
