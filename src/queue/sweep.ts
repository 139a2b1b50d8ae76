/**
 * The sweep: every paper in flight (queued, ingesting, summarizing) must have
 * a job that will move it on. A job can end without LaySum's failure handler
 * (BullMQ fails a job that stalled more than maxStalledCount times, e.g. two
 * worker crashes during it) or be gone (a crash between storing a paper and
 * queueing it, a removed job). Run at worker start, on a schedule and after
 * a drain; idempotent, and one at a time across the fleet (a lease in
 * Redis): a sweep that finds another running skips its turn. Papers are
 * looked at 500 at a time in two pipelined reads; only those without a
 * live job are settled one by one.
 *
 * - job waiting, active or delayed: nothing to do;
 * - job missing or completed: queued again (deterministic job ids make a
 *   racing enqueue a no-op);
 * - job failed: the paper is marked failed with the job's reason (so
 *   `laysum retry` works), unless the paper moved after the job failed
 *   (`laysum retry` in progress), in which case it is queued again.
 */
import type { Config } from '../config/env.ts';
import type { Papers } from '../domain/ports/papers.ts';
import { IN_FLIGHT_STATES, type PaperState } from '../domain/state.ts';
import { statesAndDraftCounts, takeSweepLease } from '../store/lease.ts';
import { failPaper } from './failure.ts';
import { type Enqueuer, jobIdFor } from './jobs.ts';
import { type Queues, queueConnection } from './queues.ts';

export interface SweepDeps {
  store: Papers;
  queues: Queues;
  enqueue: Enqueuer;
  config: Config;
}

export interface SweepReport {
  checked: number;
  requeued: string[];
  failed: string[];
  /** Another process was sweeping (one sweep at a time across the fleet): nothing was checked. */
  skipped?: boolean;
}

const LIVE_JOB_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);
const STALL_LIMIT = /stalled more than allowable limit/i;
const CHUNK = 500;
/** The sweep's lease; renewed after each chunk, so only a sweep stuck this long can be joined by another. */
const LEASE_MS = 30_000;

export async function sweepInFlight(deps: SweepDeps): Promise<SweepReport> {
  const report: SweepReport = { checked: 0, requeued: [], failed: [] };
  const lease = await takeSweepLease(deps.store, LEASE_MS);
  if (!lease) return { ...report, skipped: true };
  try {
    for (const state of IN_FLIGHT_STATES) {
      // Ids first: settling a paper moves it out of the state's index, which would shift the pages.
      const ids: string[] = [];
      for (let offset = 0; ; offset += CHUNK) {
        const page = await deps.store.ids(state, CHUNK, offset);
        ids.push(...page);
        if (page.length < CHUNK) break;
      }
      for (let i = 0; i < ids.length; i += CHUNK) {
        const chunk = ids.slice(i, i + CHUNK);
        report.checked += chunk.length;
        for (const id of await unsettled(deps, chunk)) {
          const outcome = await sweepPaper(deps, id);
          if (outcome === 'requeued') report.requeued.push(id);
          if (outcome === 'failed') report.failed.push(id);
        }
        await lease.renew();
      }
    }
  } finally {
    await lease.release();
  }
  return report;
}

/**
 * The papers of `ids` that may need settling, in two pipelined reads for the
 * lot: each paper's state and draft count, then its job's hash. A job whose
 * hash exists without `finishedOn` is waiting, active or delayed: its paper
 * is left alone; the others (no job, a finished job, a paper that moved)
 * go through `sweepPaper`, which reads them properly.
 */
async function unsettled(deps: SweepDeps, ids: readonly string[]): Promise<string[]> {
  const rows = await statesAndDraftCounts(deps.store, ids);
  const jobs = queueConnection(deps.queues).pipeline();
  const asked: string[] = [];
  const others: string[] = [];
  ids.forEach((paperId, i) => {
    const { state, drafts } = rows[i] ?? { state: null, drafts: null };
    if (
      !state ||
      !IN_FLIGHT_STATES.includes(state as PaperState) ||
      drafts === null ||
      drafts === undefined
    ) {
      others.push(paperId);
      return;
    }
    const stage = state === 'summarizing' ? 'summarize' : 'ingest';
    const version = Number(drafts) + 1;
    const jobId =
      stage === 'summarize' ? jobIdFor('summarize', { paperId, version }) : jobIdFor('ingest', { paperId });
    jobs.hmget(deps.queues[stage].toKey(jobId), 'timestamp', 'finishedOn');
    asked.push(paperId);
  });
  const found = asked.length ? ((await jobs.exec()) ?? []) : [];
  asked.forEach((paperId, i) => {
    const [timestamp, finishedOn] = (found[i]?.[1] ?? []) as (string | null)[];
    if (!timestamp || finishedOn) others.push(paperId);
  });
  return others;
}

/** Settle one paper: what the sweep does, also run when a worker sees one of its jobs stall or fail. */
export async function sweepPaper(deps: SweepDeps, paperId: string): Promise<'ok' | 'requeued' | 'failed'> {
  const paper = await deps.store.get(paperId);
  if (!paper || !IN_FLIGHT_STATES.includes(paper.state)) return 'ok';
  const version = paper.draftCount + 1;
  const stage = paper.state === 'summarizing' ? 'summarize' : 'ingest';
  const jobId =
    stage === 'summarize' ? jobIdFor('summarize', { paperId, version }) : jobIdFor('ingest', { paperId });
  const jobState = await deps.queues[stage].getJobState(jobId);
  if (LIVE_JOB_STATES.has(jobState)) return 'ok';
  // The job may have finished (and been removed) between the two reads because the paper moved on:
  // a stage moves its paper before its job completes, so a second read tells. Not a missing job.
  if (await movedOn(deps, paper)) return 'ok';
  const job = jobState === 'failed' ? await deps.queues[stage].getJob(jobId) : undefined;
  if (job && (job.finishedOn ?? 0) >= Date.parse(paper.updatedAt)) {
    const reason = jobEndReason(stage, paperId, job.failedReason ?? '');
    const failed = await failPaper(deps, paperId, { stage, reason, at: new Date().toISOString() });
    return failed ? 'failed' : 'ok';
  }
  if (stage === 'summarize') await deps.enqueue.summarize(paperId, version);
  else await deps.enqueue.ingest(paperId);
  return 'requeued';
}

async function movedOn(
  deps: SweepDeps,
  before: { id: string; state: string; updatedAt: string },
): Promise<boolean> {
  const now = await deps.store.get(before.id);
  return !now || now.state !== before.state || now.updatedAt !== before.updatedAt;
}

/** Why a job ended without LaySum's failure handler, in words an operator can act on. */
export function jobEndReason(stage: string, paperId: string, failedReason: string): string {
  const retry = `Run \`laysum retry ${paperId}\` to try again.`;
  if (STALL_LIMIT.test(failedReason))
    return `The ${stage} job was interrupted twice (its worker process stopped during the job: killed, crashed or out of memory), so the queue gave up on it.\n  ${retry} If it happens again, check the worker logs for crashes.`;
  const first = failedReason.split('\n')[0]?.trim() || 'no reason recorded';
  return `The ${stage} job failed: ${first}\n  ${retry}`;
}
