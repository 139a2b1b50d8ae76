/**
 * The rate-limit scenario of issue 10, printed (never asserted): real
 * abstracts (the 480 Cochrane review abstracts in ../shared/realdata/laysumm)
 * through 1, 2 and 3 real `laysum worker` processes to a local
 * OpenAI-protocol server with 800 ms latency and a requests/minute limit
 * that answers 429 + retry-after beyond it. The scenario is 1,000
 * papers at 600 RPM; there are 480 real abstracts, so the limit is scaled
 * with them (288 RPM: the same 1.67 windows of work). LaySum is told the
 * limit (LLM_RPM) and otherwise runs with its defaults (concurrency sized
 * from the limit, reading target 8). The provider (./limited-provider.ts)
 * caches prompt prefixes as OpenAI does and drafts from the human plain
 * language summary of each review: a paper costs a second, simplifying call
 * when that draft reads above the target, as LaySum measures it.
 *
 * Printed per run: wall time from the first submission to the last draft,
 * the limit-bound minimum (calls / RPM minutes + one reply's latency) and
 * the ratio, the share of the limit used (achieved call rate / limit), the
 * most requests the server saw in any 60 s window, requests over the limit
 * (answered 429), papers failed, and per paper the calls and the prompt
 * tokens the provider saw, all and not cached (schema and messages at 4
 * characters a token, the abstract the same way: target at most 1.2 calls
 * and 3x the abstract uncached).
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { parseEnv } from '../src/config/env.ts';
import { submitPaper } from '../src/intake/submit.ts';
import { createContext } from '../src/runtime/context.ts';
import { deletePrefix } from '../src/store/redis.ts';
import { figuresOf } from '../src/summarize/simplify.ts';
import { draftFrom, LATENCY_MS, startLimitedLlm, WINDOW_MS } from './limited-provider.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The Cochrane pairs in a `shared/realdata` beside the checkout (or a worktree's parent folders). */
function laysumm(): string | null {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const base = join(dir, 'shared', 'realdata', 'laysumm', 'cochrane_devaraj_test');
    if (existsSync(`${base}.source`)) return base;
  }
  return null;
}
/** READING_TARGET_GRADE's default: the bench runs with it. */
const TARGET_GRADE = 8;
/** 600 RPM scaled to the paper count: 480 papers at 288 RPM are as limit-bound as the 1,000 at 600. */
const RPM = 288;

/** The most requests that started within any one window. */
function peakInWindow(starts: number[]): number {
  let peak = 0;
  let from = 0;
  for (let i = 0; i < starts.length; i++) {
    while ((starts[from] ?? 0) <= (starts[i] ?? 0) - WINDOW_MS) from++;
    peak = Math.max(peak, i - from + 1);
  }
  return peak;
}

function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/laysum.js', 'worker', '--only', 'ingest,summarize'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stderr?.on('data', (d: Buffer) => {
      if (seen.length < 10_000) seen += d.toString();
      if (/LaySum workers running/.test(seen)) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`worker exited ${code}: ${seen}`)));
  });
}

async function removePrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  await deletePrefix(redis, prefix);
  await redis.quit();
}

export interface RateLimitRun {
  processes: number;
  papers: number;
  wallS: number;
  minimumS: number;
  ratio: number;
  limitUsed: number;
  peakWindow: number;
  overLimit: number;
  failed: number;
  callsPerPaper: number;
  promptTokensPerPaper: number;
  /** Prompt tokens the provider's cache did not serve, per paper. */
  uncachedPerPaper: number;
  /** Uncached prompt tokens per paper over the abstract's (the same estimate). */
  uncachedOverAbstract: number;
}

async function runOnce(abstracts: string[], human: string[], processes: number): Promise<RateLimitRun> {
  const llm = await startLimitedLlm(RPM, human);
  const prefix = `bench-rl-${processes}-${Date.now().toString(36)}`;
  const env = {
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    LAYSUM_PREFIX: prefix,
    OPENAI_BASE_URL: llm.baseURL,
    LLM_RPM: String(RPM),
  };
  const ctx = await createContext(parseEnv(env));
  const workers = await Promise.all(Array.from({ length: processes }, () => startWorker(env)));
  try {
    const started = Date.now();
    for (const [i, text] of abstracts.entries())
      await submitPaper(
        ctx,
        { kind: 'text', text, title: `Cochrane review abstract ${i + 1}` },
        { actor: 'bench' },
      );
    const deadline = started + 15 * 60_000;
    for (;;) {
      const done = (await ctx.store.count('pending_review')) + (await ctx.store.count('failed'));
      if (done >= abstracts.length || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const wallS = (Date.now() - started) / 1000;
    const calls = llm.starts.length;
    const minimumS = (calls / RPM) * (WINDOW_MS / 1000) + LATENCY_MS / 1000;
    const abstractTokens = abstracts.reduce((sum, a) => sum + Math.ceil(a.length / 4), 0);
    return {
      processes,
      papers: abstracts.length,
      wallS,
      minimumS,
      ratio: wallS / minimumS,
      limitUsed: calls / wallS / (RPM / (WINDOW_MS / 1000)),
      peakWindow: peakInWindow(llm.starts),
      overLimit: llm.overLimit,
      failed: await ctx.store.count('failed'),
      callsPerPaper: calls / abstracts.length,
      promptTokensPerPaper: llm.promptTokens / abstracts.length,
      uncachedPerPaper: (llm.promptTokens - llm.cachedTokens) / abstracts.length,
      uncachedOverAbstract: (llm.promptTokens - llm.cachedTokens) / abstractTokens,
    };
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(
      workers.map((w) => new Promise((r) => (w.exitCode === null ? w.once('exit', r) : r(null)))),
    );
    await removePrefix(env.REDIS_URL, prefix);
    await ctx.close();
    await llm.close();
  }
}

export async function benchRateLimits(processCounts: readonly number[] = [1, 2, 3]): Promise<RateLimitRun[]> {
  const base = laysumm();
  let pairs: Array<{ abstract: string; human: string }>;
  try {
    if (!base) throw new Error('no shared/realdata');
    const human = readFileSync(`${base}.target`, 'utf8').split('\n');
    pairs = readFileSync(`${base}.source`, 'utf8')
      .split('\n')
      .map((l, i) => ({ abstract: l.trim(), human: (human[i] ?? '').trim() }))
      .filter((p) => p.abstract.length > 200 && p.human.length > 0);
  } catch {
    console.log('Rate limits: ../shared/realdata is not here; skipped.');
    return [];
  }
  const abstracts = pairs.map((p) => p.abstract);
  const human = pairs.map((p) => p.human);
  const above = human.filter((h) => figuresOf(draftFrom(h)).grade > TARGET_GRADE).length;
  console.log(
    `Rate limits: ${abstracts.length} real abstracts, provider at ${RPM} requests/min with ${LATENCY_MS} ms latency and OpenAI's prefix caching, LLM_RPM=${RPM}, every other setting at its default; first drafts from the human plain language summaries: ${above} of ${abstracts.length} (${((100 * above) / abstracts.length).toFixed(0)}%) above grade ${TARGET_GRADE}, each costing a rewrite`,
  );
  const runs: RateLimitRun[] = [];
  for (const processes of processCounts) {
    const r = await runOnce(abstracts, human, processes);
    runs.push(r);
    console.log(
      `  ${r.processes} process(es): ${r.wallS.toFixed(1)} s vs ${r.minimumS.toFixed(1)} s limit-bound minimum = ${r.ratio.toFixed(3)}x (target <= 1.05x); limit used ${(r.limitUsed * 100).toFixed(1)}% (target >= 95%); peak ${r.peakWindow} requests in a 60 s window (limit ${RPM}); ${r.overLimit} requests over the limit (target 0); ${r.failed} papers failed (target 0); per paper ${r.callsPerPaper.toFixed(2)} calls (target <= 1.2), ${r.promptTokensPerPaper.toFixed(0)} prompt tokens of which ${r.uncachedPerPaper.toFixed(0)} not cached = ${r.uncachedOverAbstract.toFixed(1)}x the abstract (target <= 3x)`,
    );
  }
  return runs;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchRateLimits();
