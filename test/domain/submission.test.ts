/** Submit requests (src/domain/submission.ts): the stored submission shapes, as a person types them. */
import { describe, expect, it } from 'vitest';
import { Submission } from '../../src/domain/paper.ts';
import { givenKinds, kindsOfIssue, SubmitFields, SubmitRequest } from '../../src/domain/submission.ts';

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

describe('SubmitFields: exactly one thing to submit, for the API, the desk and the CLI', () => {
  const message = (fields: unknown) => {
    const parsed = SubmitFields.safeParse(fields);
    return parsed.success ? null : (parsed.error.issues[0]?.message ?? '');
  };

  it('turns one given field into its request, blank fields counting as not given', () => {
    expect(SubmitFields.parse({ pmid: 30158200, doi: '  ', text: '' })).toEqual({
      kind: 'pmid',
      pmid: '30158200',
    });
    expect(SubmitFields.parse({ text: 'An abstract', title: '  ', journal: 'BMJ' })).toEqual({
      kind: 'text',
      text: 'An abstract',
      title: undefined,
      journal: 'BMJ',
    });
    const bytes = Buffer.from('%PDF-1.4');
    expect(SubmitFields.parse({ pdf: { fileName: 'a.pdf', bytes }, pmid: '' })).toEqual({
      kind: 'pdf',
      fileName: 'a.pdf',
      bytes,
    });
  });

  it('refuses nothing and more than one, naming what was given', () => {
    expect(message({ title: 'Only a title' })).toBe('Nothing to submit.');
    expect(message({ pmid: '1', doi: '10.1/x' })).toBe('Give only one of pmid, doi.');
    const several = SubmitFields.safeParse({
      text: 'x',
      pdf: { fileName: 'a.pdf', bytes: Buffer.from('x') },
    });
    expect(several.success ? [] : kindsOfIssue(several.error)).toEqual(['text', 'pdf']);
    expect(givenKinds({ text: ' ', doi: 'x' })).toEqual(['doi']);
  });

  it('refuses a field of the wrong type', () => {
    expect(message({ doi: 42 })).toMatch(/expected string/);
  });
});
