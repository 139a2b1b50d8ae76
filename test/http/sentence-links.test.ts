/**
 * Sentence links and the verifier's verdicts on a real port: the API returns
 * them, the review page shows the source cut into numbered sentences and each
 * draft sentence with its links, its no-support mark and its verdict; the
 * published page, feeds and site JSON never show any of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeOpenAi } from '../support/fake-openai.ts';
import { fractureSummary } from '../support/summaries.ts';
import { verifiedDesk } from '../support/verdicts.ts';
import { type HttpHarness, signIn } from './support.ts';

let h: HttpHarness;
let llm: FakeOpenAi;
let id = '';

beforeAll(async () => {
  ({ h, llm, id } = await verifiedDesk());
});
afterAll(async () => {
  await h?.cleanup();
  await llm?.close();
});

interface VerdictJson {
  field: string;
  label: string;
  sources: number[];
}

describe('sentence links and verdicts', () => {
  it('come back from GET /api/drafts/:id', async () => {
    const view = await (await h.call(`/api/drafts/${id}`, { token: h.tokens.reviewer })).json();
    expect(view.draft.verification.status).toBe('done');
    const headline = view.draft.verification.verdicts.find((v: VerdictJson) => v.field === 'headline');
    expect(headline).toMatchObject({ label: 'overgeneralised', sources: [14] });
    expect(view.draft.checks.find((c: { id: string }) => c.id === 'verifier').flags.length).toBeGreaterThan(
      0,
    );
    expect(view.draft.links.links.length).toBe(13);
  });

  it('are on the review page: numbered source sentences, links, no-support marks and verdicts', async () => {
    const web = await signIn(h, h.tokens.reviewer);
    const html = await (await web.get(`/desk/papers/${id}`)).text();
    // The source pane keeps its sections and labels, each sentence with its id.
    expect(html).toMatch(
      /<span class="label">SETTING: <\/span><span class="src-s" id="src-s-4" data-source-id="4">25 cohorts/,
    );
    expect(html).toContain('id="sentence-links"');
    // Findings' first sentence is linked to source sentence 4 (the 25 cohorts).
    expect(html).toMatch(/data-field="findings" data-sentence="0"><details data-sources="4"/);
    // "Most participants were of European descent" shares no content with the abstract: marked.
    expect(html).toMatch(/data-field="caveats\[1\]"[^>]*>.*?No support in the source/s);
    expect(html).toContain('Verifier: overgeneralised');
    expect(html).toContain('Verifier: contradicts the source');
    expect(html).toMatch(/LLM verifier<\/strong>: \d+ sentences flagged by test-model/);
  });

  it('never reach the published page, the feeds or the site JSON', async () => {
    for (const step of ['approve', 'publish'] as const) {
      const res = await h.call(`/api/drafts/${id}/${step}`, {
        method: 'POST',
        token: h.tokens.reviewer,
        json: { basedOn: 1, ...(step === 'approve' ? { note: 'ok' } : {}) },
      });
      expect(res.status, await res.clone().text()).toBe(200);
    }
    const home = await (await h.call('/')).text();
    const slug = new RegExp(`href="/s/([a-z0-9-]*${id})"`).exec(home)?.[1];
    expect(slug).toBeTruthy();
    const page = await (await h.call(`/s/${slug}`)).text();
    expect(page).toContain(fractureSummary.headline);
    const feed = await (await h.call('/feed.json')).text();
    const xml = await (await h.call('/feed.xml')).text();
    for (const text of [page, feed, xml]) {
      for (const internal of [
        'src-s',
        'sentence-links',
        'data-source-id',
        'No support',
        'Verifier',
        'verifier',
        'overgeneralised',
        'verdict',
        'verification',
      ])
        expect(text).not.toContain(internal);
    }
  });
});
