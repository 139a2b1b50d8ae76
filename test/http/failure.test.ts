/**
 * A model that keeps returning invalid JSON: the paper fails, and its failure
 * record (the raw reply, usage and finish reason, the API key redacted) is
 * visible through `GET /api/drafts/:id`, `laysum status` and the desk, escaped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaperView } from '../../src/review/view.ts';
import { runCli } from '../support/cli.ts';
import { type FakeOpenAi, reply, startFakeOpenAi } from '../support/fake-openai.ts';
import { REDIS_URL } from '../support/harness.ts';
import { type HttpHarness, paperText, signIn, startHttp } from './support.ts';

const API_KEY = 'sk-test-SECRET-failure-key';
// Invalid JSON, with markup to escape and the key the model was (somehow) told.
const RAW = `{"headline": "Balance classes <script>alert(1)</script> & falls", "key": "${API_KEY}"`;

let llm: FakeOpenAi;
let h: HttpHarness;
let id: string;

beforeAll(async () => {
  llm = await startFakeOpenAi([reply(RAW)]);
  h = await startHttp({
    LLM_PROVIDER: 'openai',
    OPENAI_BASE_URL: llm.baseURL,
    OPENAI_API_KEY: API_KEY,
    LLM_MODEL: 'test-model',
    LLM_MAX_REPAIRS: '1',
  });
  await h.p.start({ stages: ['ingest', 'summarize'] });
  id = await h.p.submit({ kind: 'text', text: paperText('Balance classes and hip fractures') });
  await h.p.waitFor(id, ['failed']);
});
afterAll(async () => {
  await h.cleanup();
  await llm.close();
});

const redacted = RAW.replace(API_KEY, '***');

describe('a summary that failed', () => {
  it('shows what the model returned through the API, without the key', async () => {
    expect(llm.chatRequests()).toHaveLength(2); // the call and one repair: never retried by the queue
    const res = await h.call(`/api/drafts/${id}`, { token: h.tokens.reviewer });
    const view = (await res.json()) as PaperView;
    expect(view.state).toBe('failed');
    expect(view.failure).toEqual({
      stage: 'summarize',
      reason: view.reason,
      at: expect.any(String),
      reply: redacted,
      usage: { promptTokens: 1624, completionTokens: 602, cachedTokens: 0, totalTokens: 2226 },
      finishReason: 'stop',
    });
    expect(view.reason).toMatch(/still invalid after 1 repair attempt/);
    expect(JSON.stringify(view)).not.toContain(API_KEY);
  });

  it('shows it in `laysum status`, text and --json', async () => {
    const env = { REDIS_URL, LAYSUM_PREFIX: h.p.config.redis.prefix, LLM_PROVIDER: 'extractive' };
    const text = await runCli(['status', id], env);
    expect(text.stdout).toContain('failed in: summarize');
    expect(text.stdout).toContain('model: finish reason stop, 1624+602 tokens');
    expect(text.stdout).toContain(`what the model returned:\n  ${redacted}`);
    const json = JSON.parse((await runCli(['status', id, '--json'], env)).stdout) as PaperView;
    expect(json.failure?.reply).toBe(redacted);
    expect(text.stdout + JSON.stringify(json)).not.toContain(API_KEY);
  });

  it('shows it on the desk, escaped', async () => {
    const reviewer = await signIn(h, h.tokens.reviewer);
    const page = await (await reviewer.get(`/desk/papers/${id}`)).text();
    expect(page).toContain('What the model returned');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; falls');
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain(API_KEY);
    // Beside the Retry button the desk says to press it, not to run a command; nothing says "will retry".
    const reason = /<p class="muted">Reason: ([^<]*)<\/p>/.exec(page)?.[1] ?? '';
    expect(reason).toMatch(/Retry \(below\)/);
    expect(reason).not.toMatch(/laysum retry|will retry/);
    expect(page).toContain('id="retry-form"');
  });
});
