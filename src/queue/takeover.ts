/**
 * How long a dead worker's job waits for another worker, from one setting,
 * JOB_LOCK_MS. A running job renews its lock every half lock; every worker
 * checks for stalled jobs every quarter lock, and moves back to waiting a
 * job whose lock has expired. So a job whose worker died (kill -9, out of
 * memory) is taken over at most 1.25 x JOB_LOCK_MS after the death (37.5 s
 * at the default 30 s), plus the moment another worker needs to pick it up.
 */

/** The stalled-job check's period for a lock of `lockMs`. */
export function stalledIntervalMs(lockMs: number): number {
  return Math.max(250, Math.round(lockMs / 4));
}

/** The longest a dead worker's job waits before it is back in the queue. */
export function takeoverBoundMs(lockMs: number): number {
  return lockMs + stalledIntervalMs(lockMs);
}
