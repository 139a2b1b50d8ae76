/**
 * The rate-limit scenario of issue 10, printed (never asserted): real
 * abstracts (the 480 Cochrane review abstracts in ../shared/realdata/laysumm)
 * through 1, 2 and 3 real `laysum worker` processes to a local
 * OpenAI-protocol server with 800 ms latency and a requests/minute limit
 * that answers 429 + retry-after beyond it. The scenario is 1,000
 * papers at 600 RPM; there are 480 real abstracts, so the limit is scaled
 * with them (288 RPM: the same 1.67 windows of work). LaySum is told the
 * limit (LLM_RPM) and otherwise runs with its defaults (concurrency, reading
 * target). The provider answers a first draft written the way models often
 * write (well above the reading target), then a plain rewrite when asked,
 * so a paper costs the draft and the simplifying call as in the field.
 *
 * Printed per run: wall time from the first submission to the last draft,
 * the limit-bound minimum (calls / RPM minutes + one reply's latency) and
 * the ratio, the share of the limit used (achieved call rate / limit), the
 * most requests the server saw in any 60 s window, requests over the limit
 * (answered 429), papers failed, and per paper the calls and the prompt
 * tokens the provider saw (estimated as request bytes / 4, the abstract the
 * same way: target at most 1.2 calls and 3x the abstract).
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { parseEnv } from '../src/config/env.ts';
import { submitPaper } from '../src/intake/submit.ts';
import { createContext } from '../src/runtime/context.ts';
import { deletePrefix } from '../src/store/redis.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SOURCE = new URL('../../shared/realdata/laysumm/cochrane_devaraj_test.source', import.meta.url);
/** 600 RPM scaled to the paper count: 480 papers at 288 RPM are as limit-bound as the 1,000 at 600. */
const RPM = 288;
const WINDOW_MS = 60_000;
const LATENCY_MS = 800;

const SUMMARY = {
  headline: 'Teaching children about asthma cuts emergency visits',
  takeaway: 'Children with asthma who were taught how to manage it went to the emergency room less often.',
  findings:
    'Across the studies, children who had asthma education were less likely to need emergency care or a hospital stay than those who did not.',
  audience: 'Parents of children with asthma, and the nurses and doctors who care for them.',
  caveats: ['The studies differed in how they taught children, so the best way to teach is not known.'],
  topics: ['asthma', 'children', 'education'],
  ratings: {
    credibility: { score: 4, rationale: 'A systematic review of randomised trials.' },
    interest: { score: 4, rationale: 'Asthma is common in children and emergency visits are costly.' },
  },
};

/**
 * The first draft as models often write it, well above the default reading
 * target (grade 8): LaySum then asks for the simplifying rewrite, answered
 * with SUMMARY. A reply already at the target would hide that second call.
 */
const FIRST_DRAFT = {
  ...SUMMARY,
  headline:
    'Structured self-management education reduces emergency department utilisation in paediatric asthma populations',
  takeaway:
    'Educational interventions delivered to children with asthma and their caregivers substantially decreased subsequent emergency department presentations and unscheduled hospitalisations.',
  findings:
    'Across the randomised controlled trials included in this systematic review, participants receiving structured self-management education demonstrated a considerable reduction in emergency department attendance and hospital admission compared with usual care, although heterogeneity in intervention delivery complicates interpretation.',
  audience:
    'Parents and caregivers of children diagnosed with asthma, alongside paediatric nurses, respiratory physicians and primary care practitioners.',
  caveats: [
    'Considerable methodological heterogeneity between the included interventions precludes identification of the optimal educational approach.',
  ],
};
const REWRITE_REQUEST = 'You rewrite a plain-language summary';

interface LimitedLlm {
  baseURL: string;
  starts: number[];
  overLimit: number;
  /** Estimated prompt tokens of the requests answered (bytes / 4). */
  promptTokens: number;
  close(): Promise<void>;
}

/** The provider: 800 ms per reply, RPM requests in any 60 s window, 429 + retry-after beyond. */
async function startLimitedLlm(): Promise<LimitedLlm> {
  const state: LimitedLlm = { baseURL: '', starts: [], overLimit: 0, promptTokens: 0, close: async () => {} };
  const window: number[] = [];
  const plain = JSON.stringify(SUMMARY);
  const draft = JSON.stringify(FIRST_DRAFT);
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => {
      body += d.toString();
    });
    req.on('end', () => {
      const now = Date.now();
      while (window.length && (window[0] ?? now) <= now - WINDOW_MS) window.shift();
      if (window.length >= RPM) {
        state.overLimit++;
        const retry = Math.max(1, Math.ceil(((window[0] ?? now) + WINDOW_MS - now) / 1000));
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retry) });
        res.end(JSON.stringify({ error: { message: 'Rate limit reached for requests', type: 'requests' } }));
        return;
      }
      window.push(now);
      state.starts.push(now);
      const model = (JSON.parse(body) as { model: string }).model;
      const content = body.includes(REWRITE_REQUEST) ? plain : draft;
      const prompt = Math.ceil(body.length / 4);
      state.promptTokens += prompt;
      const completion = Math.ceil(content.length / 4);
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'chatcmpl-bench',
            object: 'chat.completion',
            created: Math.floor(now / 1000),
            model,
            choices: [
              { index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop' },
            ],
            usage: {
              prompt_tokens: prompt,
              completion_tokens: completion,
              total_tokens: prompt + completion,
            },
          }),
        );
      }, LATENCY_MS);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  state.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

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
  /** Prompt tokens per paper over the abstract's (the same estimate). */
  promptOverAbstract: number;
}

async function runOnce(abstracts: string[], processes: number): Promise<RateLimitRun> {
  const llm = await startLimitedLlm();
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
      promptOverAbstract: llm.promptTokens / abstractTokens,
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
  let abstracts: string[];
  try {
    abstracts = readFileSync(SOURCE, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 200);
  } catch {
    console.log('Rate limits: ../shared/realdata is not here; skipped.');
    return [];
  }
  console.log(
    `Rate limits: ${abstracts.length} real abstracts, provider at ${RPM} requests/min with ${LATENCY_MS} ms latency, LLM_RPM=${RPM}, every other setting at its default`,
  );
  const runs: RateLimitRun[] = [];
  for (const processes of processCounts) {
    const r = await runOnce(abstracts, processes);
    runs.push(r);
    console.log(
      `  ${r.processes} process(es): ${r.wallS.toFixed(1)} s vs ${r.minimumS.toFixed(1)} s limit-bound minimum = ${r.ratio.toFixed(3)}x (target <= 1.05x); limit used ${(r.limitUsed * 100).toFixed(1)}% (target >= 95%); peak ${r.peakWindow} requests in a 60 s window (limit ${RPM}); ${r.overLimit} requests over the limit (target 0); ${r.failed} papers failed (target 0); per paper ${r.callsPerPaper.toFixed(2)} calls (target <= 1.2), ${r.promptTokensPerPaper.toFixed(0)} prompt tokens = ${r.promptOverAbstract.toFixed(1)}x the abstract (target <= 3x)`,
    );
  }
  return runs;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchRateLimits();
