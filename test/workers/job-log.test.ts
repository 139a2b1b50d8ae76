/**
 * Every stage's worker logs each job: a debug line when it starts and a line
 * when it ends with paperId, jobId, stage, attempt and duration, and, for a
 * failure, what BullMQ will do next (retry after backoff, or fail for good).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { type FakeOpenAi, reply, startFakeOpenAi } from '../support/fake-openai.ts';
import { createPipeline, fractureText, type Pipeline } from '../support/harness.ts';
import { fractureSummary } from '../support/summaries.ts';

const API_KEY = 'sk-test-JOBLOG-0123456789';
let llm: FakeOpenAi;
let p: Pipeline;
let lines: string[];

beforeEach(async () => {
  llm = await startFakeOpenAi();
  p = await createPipeline({
    LLM_PROVIDER: 'openai',
    OPENAI_BASE_URL: llm.baseURL,
    OPENAI_API_KEY: API_KEY,
    LLM_TIMEOUT_MS: '1500',
    LLM_ATTEMPTS: '3',
  });
  lines = [];
  const log = createLogger(
    { ...p.config, log: { level: 'debug', format: 'json' } },
    { name: 'worker', destination: { write: (line) => lines.push(line) } },
  );
  await p.start({ stages: ['ingest', 'summarize'], log });
});

afterEach(async () => {
  await p.cleanup();
  await llm.close();
});

type Entry = Record<string, unknown>;
const entries = (): Entry[] => lines.map((line) => JSON.parse(line) as Entry);
const of = (stage: string) => entries().filter((e) => e.stage === stage);

/** The workers log after the paper's state changes: wait for the line itself. */
async function lineWhere(match: (e: Entry) => boolean): Promise<Entry> {
  const until = Date.now() + 5000;
  for (;;) {
    const found = entries().find(match);
    if (found) return found;
    if (Date.now() > until) throw new Error(`no such line in:\n${lines.join('')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('job log lines', () => {
  it('logs each stage of a paper from start to end, with ids, attempt and duration', async () => {
    llm.script([reply(fractureSummary)]);
    const id = await p.submit({ kind: 'text', text: fractureText() });
    await p.waitFor(id, ['pending_review']);
    const drafted = await lineWhere((e) => e.stage === 'summarize' && e.level === 'info');

    expect(drafted).toMatchObject({
      name: 'worker',
      paperId: id,
      version: 1,
      jobId: `summarize-${id}-v1`,
      attempt: 1,
      attempts: 3,
      result: 'drafted',
      durationMs: expect.any(Number),
    });
    expect(drafted.msg).toMatch(new RegExp(`^summarize ${id}: drafted \\(attempt 1 of 3, \\d+ ms\\)$`));
    const [start, end] = of('ingest');
    expect(start).toMatchObject({ level: 'debug', paperId: id, jobId: `ingest-${id}`, attempt: 1 });
    expect(start?.msg).toBe(`ingest ${id}: started (attempt 1 of ${start?.attempts})`);
    expect(end).toMatchObject({ level: 'info', paperId: id, result: 'summarizing' });
  });

  it('says a transient failure will be retried, then logs the attempt that succeeded', async () => {
    llm.script([{ kind: 'error', status: 500, message: 'upstream exploded' }, reply(fractureSummary)]);
    const id = await p.submit({ kind: 'text', text: fractureText() });
    await p.waitFor(id, ['pending_review']);
    await lineWhere((e) => e.stage === 'summarize' && e.level === 'info');

    const [failed, succeeded] = of('summarize').filter((e) => e.level !== 'debug');
    expect(failed).toMatchObject({ level: 'warn', paperId: id, attempt: 1, willRetry: true });
    expect(failed?.retryInMs).toEqual(expect.any(Number));
    expect(failed?.msg).toMatch(/\(attempt 1 of 3, \d+ ms\): will retry in \d+ ms \(attempt 2 of 3\)$/);
    expect(succeeded).toMatchObject({ level: 'info', paperId: id, attempt: 2, result: 'drafted' });
  });

  it('says a failure that retrying cannot fix fails the job for good, without the key', async () => {
    llm.script([{ kind: 'error', status: 401, message: `Incorrect API key provided: ${API_KEY}.` }]);
    const id = await p.submit({ kind: 'text', text: fractureText() });
    await p.waitFor(id, ['failed']);
    const failed = await lineWhere((e) => e.stage === 'summarize' && e.level === 'error');
    expect(failed).toMatchObject({ paperId: id, attempt: 1, willRetry: false });
    expect(failed.msg).toMatch(/: failed for good \(no retry\)$/);
    expect(failed.error).toMatch(/401/);
    expect(lines.join('')).not.toContain(API_KEY);
  });
});
