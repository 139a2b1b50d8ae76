/**
 * What the fault suite's files share: a private redis-server, real `laysum
 * worker` processes against it, papers to submit, and the figures each file
 * prints at the end (submitted, drafted, failed with a reason, stuck, lost).
 */
import { afterAll } from 'vitest';
import { loadConfig } from '../../src/config/env.ts';
import type { Paper } from '../../src/domain/paper.ts';
import { IN_FLIGHT_STATES } from '../../src/domain/state.ts';
import { submitPaper } from '../../src/intake/submit.ts';
import { jobIdFor } from '../../src/queue/jobs.ts';
import { type Context, createContext } from '../../src/runtime/context.ts';
import { startCli } from '../support/cli.ts';
import { fractureText } from '../support/harness.ts';
import { type PrivateRedis, startPrivateRedis } from '../support/redis-server.ts';

export interface Figures {
  submitted: number;
  drafted: number;
  failedWithReason: number;
  /** In flight with a live job (waiting, active or delayed with a time). */
  waiting: number;
  /** In flight with no live job (nothing will move it on): must be 0. */
  stuck: number;
  /** Submitted but with no record left: must be 0. */
  lost: number;
  /** Draft versions beyond one per paper (no edits happen in the suite): must be 0. */
  duplicateDrafts: number;
}

export interface FaultRig {
  redis: PrivateRedis;
  env: Record<string, string>;
  /** A producer context on the private Redis; `reconnect()` after a Redis restart. */
  ctx(): Context;
  reconnect(): Promise<Context>;
  worker(extra?: Record<string, string>): ReturnType<typeof startCli>;
}

/** A private Redis (AOF on) and the environment of worker processes using it. */
export async function faultRig(env: Record<string, string>): Promise<FaultRig> {
  const redis = await startPrivateRedis();
  const full = {
    REDIS_URL: redis.url,
    LAYSUM_PREFIX: 'faults',
    READING_TARGET_GRADE: '16', // one LLM call per paper: no simplify pass
    LLM_BACKOFF_MS: '200',
    HTTP_TIMEOUT_MS: '5000',
    JOB_LOCK_MS: '2000',
    SHUTDOWN_TIMEOUT_MS: '3000',
    LOG_FORMAT: 'json',
    ...env,
  };
  const config = loadConfig({ env: full, envFile: '/nonexistent' });
  // While Redis is away (on purpose) the test's own queues report errors: without a listener BullMQ prints each.
  const quiet = (c: Context) => {
    for (const q of Object.values(c.queues)) q.on('error', () => {});
    return c;
  };
  let ctx = quiet(await createContext(config));
  const workers: Array<Awaited<ReturnType<typeof startCli>>> = [];
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await ctx.close().catch(() => {});
    await redis.dispose();
  });
  return {
    redis,
    env: full,
    ctx: () => ctx,
    async reconnect() {
      await ctx.close().catch(() => {});
      ctx = quiet(await createContext(config));
      return ctx;
    },
    async worker(extra = {}) {
      const w = await startCli(['worker'], { ...full, ...extra }, /LaySum workers running/);
      workers.push(w);
      return w;
    },
  };
}

/** A distinct paper per `n` (the same abstract, its own title and trial number). */
export function paperText(n: number): { kind: 'text'; text: string; title: string } {
  return {
    kind: 'text',
    title: `Fault suite paper ${n}: hip fracture surgery timing`,
    text: `${fractureText()}\n\nThis is trial ${n} of the fault suite (registry FS-${1000 + n}).`,
  };
}

export async function submitMany(ctx: Context, count: number, from = 0): Promise<string[]> {
  const ids: string[] = [];
  for (let n = from; n < from + count; n++)
    ids.push((await submitPaper(ctx, paperText(n), { actor: 'faults' })).id);
  return ids;
}

/** Poll until `done` says so or the deadline passes (the test then fails on what it finds). */
export async function waitFor(done: () => Promise<boolean>, ms: number, everyMs = 200): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await done().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Every paper out of flight (drafted, failed, or otherwise settled). */
export async function settled(ctx: Context, ids: readonly string[]): Promise<boolean> {
  for (const id of ids) {
    const p = await ctx.store.get(id);
    if (!p || IN_FLIGHT_STATES.includes(p.state)) return false;
  }
  return true;
}

export async function figures(ctx: Context, ids: readonly string[]): Promise<Figures> {
  const f: Figures = {
    submitted: ids.length,
    drafted: 0,
    failedWithReason: 0,
    waiting: 0,
    stuck: 0,
    lost: 0,
    duplicateDrafts: 0,
  };
  for (const id of ids) {
    const p = await ctx.store.get(id);
    if (!p) {
      f.lost++;
      continue;
    }
    if (p.draftCount > 0) f.drafted++;
    f.duplicateDrafts += Math.max(0, p.draftCount - 1);
    if (p.state === 'failed' && (p.reason ?? '').trim().length > 0) f.failedWithReason++;
    if (IN_FLIGHT_STATES.includes(p.state)) {
      if (await hasLiveJob(ctx, p)) f.waiting++;
      else f.stuck++;
    }
  }
  return f;
}

async function hasLiveJob(ctx: Context, p: Paper): Promise<boolean> {
  const state =
    p.state === 'summarizing'
      ? await ctx.queues.summarize.getJobState(
          jobIdFor('summarize', { paperId: p.id, version: p.draftCount + 1 }),
        )
      : await ctx.queues.ingest.getJobState(jobIdFor('ingest', { paperId: p.id }));
  return ['waiting', 'active', 'delayed', 'prioritized'].includes(state);
}

export function printFigures(name: string, f: Figures, extra = ''): void {
  console.log(
    `[faults] ${name}: submitted ${f.submitted}, drafted ${f.drafted}, failed with reason ${f.failedWithReason}, ${f.waiting ? `waiting on a live job ${f.waiting}, ` : ''}stuck ${f.stuck}, lost ${f.lost}, duplicate drafts ${f.duplicateDrafts}${extra ? `; ${extra}` : ''}`,
  );
}
