/**
 * Summarize concurrency sized from the limits (issue 22): rate x latency x
 * headroom, shared by the live workers of the fleet through Redis, bounded by
 * LLM_CONCURRENCY and a cap; SUMMARIZE_CONCURRENCY still wins when set.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { redisOf } from '../../src/runtime/context.ts';
import { UsageLedger } from '../../src/store/llm-usage.ts';
import { createSummarizeFleet } from '../../src/store/summarize-fleet.ts';
import {
  MAX_AUTO_CONCURRENCY,
  sizeConcurrency,
  startAutoConcurrency,
} from '../../src/summarize/auto-concurrency.ts';
import { isWorkerOf } from '../../workers/run.ts';
import { createPipeline, type Pipeline } from '../support/harness.ts';

const minute = { windowMs: 60_000 };

describe('sizing', () => {
  it('keeps rate x latency calls in flight, with headroom, split between the workers', () => {
    // 288 requests/min = 4.8 a second; 0.8 s a call: 3.84 in flight, 7.68 with headroom.
    const one = sizeConcurrency({ rpm: 288, ...minute }, { latencyS: 0.8, tokensPerCall: 2000, workers: 1 });
    expect(one.perWorker).toBe(8);
    expect(
      sizeConcurrency({ rpm: 288, ...minute }, { latencyS: 0.8, tokensPerCall: 2000, workers: 3 }).perWorker,
    ).toBe(3);
    // A slower model needs more jobs at once for the same limit.
    expect(
      sizeConcurrency({ rpm: 288, ...minute }, { latencyS: 4, tokensPerCall: 2000, workers: 1 }).perWorker,
    ).toBe(39);
  });

  it('takes the tighter of RPM and TPM, LLM_CONCURRENCY and the cap', () => {
    // 60,000 tokens/min at 3,000 a call: 20 calls/min, fewer than the 600 RPM allow.
    const tpm = sizeConcurrency(
      { rpm: 600, tpm: 60_000, ...minute },
      { latencyS: 6, tokensPerCall: 3000, workers: 1 },
    );
    expect(tpm.callsPerSecond).toBeCloseTo(1 / 3);
    expect(tpm.perWorker).toBe(4);
    expect(
      sizeConcurrency({ rpm: 600, concurrency: 2, ...minute }, { latencyS: 5, tokensPerCall: 1, workers: 1 })
        .perWorker,
    ).toBe(4);
    expect(
      sizeConcurrency({ rpm: 100_000, ...minute }, { latencyS: 5, tokensPerCall: 1, workers: 1 }).perWorker,
    ).toBe(MAX_AUTO_CONCURRENCY);
  });
});

describe('in a fleet', () => {
  const pipelines: Pipeline[] = [];
  afterAll(async () => {
    for (const p of pipelines) await p.cleanup();
  });

  it("learns the fleet's latency from the ledger and shares the limit with the live workers", async () => {
    const p = await createPipeline({ LLM_RPM: '600' });
    pipelines.push(p);
    const fleet = createSummarizeFleet(redisOf(p.ctx), p.config.redis.prefix);
    const ledger = new UsageLedger(redisOf(p.ctx), p.config.redis.prefix);
    const sizes: number[] = [];
    const start = (id: string) =>
      startAutoConcurrency({
        limits: p.config.llm.limits,
        readings: fleet,
        workerId: id,
        intervalMs: 60_000,
        apply: (s) => sizes.push(s.perWorker),
      });
    const a = start('a');
    // No calls yet: a slow model is assumed (2 s): 10 a second x 2 s x 2.
    expect((await a.tick()).perWorker).toBe(40);
    const usage = { promptTokens: 900, completionTokens: 100, cachedTokens: 0, totalTokens: 1000 };
    for (let i = 0; i < 4; i++) await ledger.add({ model: 'm', calls: 1, usage }, new Date(), 0.5);
    // Calls of 0.5 s: 10 x 0.5 x 2.
    expect((await a.tick()).perWorker).toBe(10);
    const b = start('b');
    expect((await b.tick()).workers).toBe(2);
    expect((await a.tick()).perWorker).toBe(5);
    // A worker that leaves gives its share back.
    b.stop();
    await fleet.leave('b');
    expect((await a.tick()).perWorker).toBe(10);
    a.stop();
    expect(sizes).toContain(5);
  });

  it('sizes a summarize worker by itself when a limit is set, and keeps SUMMARIZE_CONCURRENCY when set', async () => {
    const auto = await createPipeline({ LLM_RPM: '120' });
    const fixed = await createPipeline({ LLM_RPM: '120', SUMMARIZE_CONCURRENCY: '3' });
    pipelines.push(auto, fixed);
    const summarizeWorker = async (p: Pipeline) => {
      const handle = await p.start({ stages: ['summarize'] });
      const w = handle.workers.find((x) => isWorkerOf(x, 'summarize'));
      if (!w) throw new Error('no summarize worker');
      return w;
    };
    const a = await summarizeWorker(auto);
    // 2 calls a second x the assumed 2 s x 2, until calls are seen.
    for (let i = 0; i < 100 && a.concurrency !== 8; i++) await new Promise((r) => setTimeout(r, 50));
    expect(a.concurrency).toBe(8);
    expect((await summarizeWorker(fixed)).concurrency).toBe(3);
  });
});
