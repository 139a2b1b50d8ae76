/**
 * Whether workers are running, from their heartbeats: a worker not heard from
 * for MISSED_BEATS heartbeats is taken as gone. The server only queues work,
 * so with no worker a paper submitted now waits; every place that shows the
 * fleet (desk, /desk/mine, /healthz, `laysum status`) says so with these words.
 */

/** Heartbeats a worker may miss (a long GC pause, a busy event loop) before it counts as gone. */
export const MISSED_BEATS = 3;

/** The pipeline stages a submitted paper needs before it reaches the review queue. */
const PIPELINE_STAGES = ['ingest', 'summarize'] as const;

export interface WorkerSeen {
  stages: readonly string[];
  /** ms, on the same clock as `now`. */
  seenAt: number;
  /** It stopped cleanly (gone, whatever its last beat). */
  stopped?: boolean | undefined;
}

export interface WorkerPresence {
  /** Worker processes heard from within MISSED_BEATS heartbeats. */
  running: number;
  /** When any worker was last heard from (ISO), null if none ever was (in the last day). */
  lastSeenAt: string | null;
  /** Pipeline stages no running worker takes (e.g. all workers run `--only poll`). */
  missingStages: string[];
  /** What a person should know, null when all is well. */
  warning: string | null;
}

const START_HINT =
  'A paper submitted now stays queued until a worker runs: start one with `laysum worker` (same REDIS_URL and LAYSUM_PREFIX as the server).';

function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 120 ? `${m} min` : `${Math.round(m / 60)} h`;
}

export function workerPresence(
  seen: readonly WorkerSeen[],
  now: number,
  heartbeatMs: number,
): WorkerPresence {
  const last = seen.reduce<number | null>(
    (max, w) => (max === null || w.seenAt > max ? w.seenAt : max),
    null,
  );
  const live = seen.filter((w) => !w.stopped && now - w.seenAt <= MISSED_BEATS * heartbeatMs);
  const missingStages = PIPELINE_STAGES.filter((s) => !live.some((w) => w.stages.includes(s)));
  const lastSeenAt = last === null ? null : new Date(last).toISOString();
  let warning: string | null = null;
  if (live.length === 0)
    warning =
      last === null
        ? `No worker is running (none has been seen). ${START_HINT}`
        : `No worker is running: the last one was seen ${ago(now - last)} ago. ${START_HINT}`;
  else if (missingStages.length)
    warning = `No running worker takes the ${missingStages.join(' or ')} stage, so new papers stop there: run \`laysum worker\` (or \`--only ${missingStages.join(',')}\`).`;
  return { running: live.length, lastSeenAt, missingStages, warning };
}
