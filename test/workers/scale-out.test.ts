/**
 * Scaling out is running more worker processes on one Redis: two real
 * `laysum worker` processes share the queue, every paper gets exactly one
 * draft, and both processes do work.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.ts';
import { submitPaper } from '../../src/intake/submit.ts';
import { createContext } from '../../src/runtime/context.ts';
import { startCli } from '../support/cli.ts';
import { reply, startFakeOpenAi } from '../support/fake-openai.ts';
import { REDIS_URL, removeTestKeys, testPrefix } from '../support/harness.ts';
import { fractureSummary } from '../support/summaries.ts';

const prefix = testPrefix();
// Each reply takes 300 ms, so one worker is busy while the other takes the next paper.
const llm = await startFakeOpenAi([reply(fractureSummary, { delayMs: 300 })]);
const env = {
  REDIS_URL,
  LAYSUM_PREFIX: prefix,
  OPENAI_BASE_URL: llm.baseURL,
  SUMMARIZE_CONCURRENCY: '1',
  INGEST_CONCURRENCY: '1',
  // One LLM call per paper: no simplify pass (test/simplify.test.ts covers it).
  READING_TARGET_GRADE: '16',
};

afterAll(async () => {
  await llm.close();
  await removeTestKeys(prefix);
});

it('shares the work between two worker processes without duplicating any draft', async () => {
  const ctx = await createContext(loadConfig({ env, envFile: '/nonexistent' }));
  const dir = new URL('../../samples/abstracts/', import.meta.url);
  const files = [
    ...readdirSync(dir),
    ...readdirSync(new URL('../fixtures/abstracts/', import.meta.url)).map(
      (f) => `../../test/fixtures/abstracts/${f}`,
    ),
  ].filter((f) => f.endsWith('.txt'));
  const one = await startCli(['worker'], env, /LaySum workers running/);
  const two = await startCli(['worker'], env, /LaySum workers running/);
  const ids = new Set<string>();
  for (const f of files)
    ids.add(
      (
        await submitPaper(
          ctx,
          { kind: 'text', text: readFileSync(new URL(f, dir), 'utf8') },
          { actor: 'test' },
        )
      ).id,
    );
  const until = Date.now() + 30_000;
  while ((await ctx.store.count('pending_review')) < ids.size && Date.now() < until)
    await new Promise((r) => setTimeout(r, 200));
  one.child.kill('SIGTERM');
  two.child.kill('SIGTERM');
  expect([await one.exited, await two.exited]).toEqual([0, 0]);

  expect(await ctx.store.count('pending_review')).toBe(ids.size);
  for (const id of ids) expect(await ctx.store.drafts(id)).toHaveLength(1);
  expect(llm.chatRequests()).toHaveLength(ids.size);
  for (const w of [one, two]) expect(w.stderr()).toMatch(/summarize p[0-9a-f]{12}: drafted/);
  await ctx.close();
});
