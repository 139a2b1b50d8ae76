/**
 * Titles are capped at MAX_TITLE_CHARS (1,000): a title a person gives over
 * it is refused with the limit; a runaway title from a source (here a feed
 * item's 100 KB title) is cut with "…" at ingest, so it never reaches the
 * prompt or the desk whole.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAX_TITLE_CHARS, PaperRecord } from '../../src/domain/paper.ts';
import { type HttpHarness, paperText, startHttp } from '../http/support.ts';

let h: HttpHarness;
beforeAll(async () => {
  h = await startHttp();
});
afterAll(async () => {
  await h.cleanup();
});

it('refuses a given title over 1,000 characters, saying the limit', async () => {
  const title = `Balance classes and hip fractures ${'in older adults '.repeat(200)}`;
  const res = await h.call('/api/papers', {
    method: 'POST',
    token: h.tokens.editor,
    json: { title, text: paperText('Balance classes').split('\n\n').slice(1).join('\n\n') },
  });
  expect(res.status).toBe(400);
  expect(await res.json()).toMatchObject({
    error: `The title is ${title.trim().length.toLocaleString('en-US')} characters, over the limit of 1,000.`,
    hint: "Give the paper's title only; the abstract goes in the text.",
  });
  expect(await h.p.ctx.store.count()).toBe(0);
});

it("cuts a source's runaway title at ingest", async () => {
  const body = paperText('Balance classes and falls').split('\n\n')[1] ?? '';
  const record = PaperRecord.parse({
    title: `A feed item whose title field holds a whole page: ${'lorem ipsum dolor '.repeat(6000)}`,
    journal: 'Feed Journal',
    abstract: [{ label: null, category: null, text: body }],
  });
  await h.p.start({ stages: ['ingest', 'summarize'] });
  const id = await h.p.submit({ kind: 'record', record });
  const paper = await h.p.waitFor(id, ['pending_review']);
  expect(paper.record?.title.length).toBe(MAX_TITLE_CHARS);
  expect(paper.record?.title).toMatch(/^A feed item whose title field holds a whole page: lorem ipsum .*…$/);
});
