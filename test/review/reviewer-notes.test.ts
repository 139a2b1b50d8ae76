/**
 * The simplify pass's note ("Kept the original: …") is about the AI's text:
 * it stays on a reviewer's edit while any prose field is still the AI's, and
 * goes once the reviewer has rewritten them all. Other notes stay.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Draft } from '../../src/domain/draft.ts';
import { notesAfterEdit } from '../../src/review/reviewer-notes.ts';
import { createPipeline, fractureText, type Pipeline } from '../support/harness.ts';

let p: Pipeline;
let ai: Draft;
const KEPT = 'Kept the original: the rewrite dropped the number 30.';

beforeAll(async () => {
  p = await createPipeline();
  await p.start({ stages: ['ingest', 'summarize'] });
  const id = await p.submit({ kind: 'text', text: fractureText() });
  await p.waitFor(id, ['pending_review']);
  const first = (await p.ctx.store.drafts(id))[0];
  if (!first) throw new Error('no draft');
  ai = { ...first, notesForReviewer: [...first.notesForReviewer, KEPT] };
});
afterAll(() => p.cleanup());

it('keeps the note while some prose is the AI’s, drops it once all of it is rewritten', () => {
  const some = { ...ai.summary, headline: 'A headline the reviewer wrote about falls' };
  expect(notesAfterEdit([ai], ai, some)).toContain(KEPT);
  const edit: Draft = { ...ai, version: 2, author: 'dana', summary: some };
  const all = {
    ...some,
    takeaway: 'Weekly balance classes went with fewer broken hips in people over 65.',
    findings:
      'Among 1,200 older adults followed for five years, those in balance classes fell less and broke a hip less often than those who were not.',
    audience: 'Older adults and the people who care for them, and those who plan local classes.',
  };
  const notes = notesAfterEdit([ai, edit], edit, all);
  expect(notes).not.toContain(KEPT);
  // The offline provider's own notes are not about the simplify pass: they stay.
  expect(notes).toEqual(ai.notesForReviewer.filter((n) => n !== KEPT));
});
