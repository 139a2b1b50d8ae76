/**
 * A job that lost its lock (Redis restarted from its append-only file, a stall, a take-over) is a
 * warning that it runs again, not a worker error with a stack trace: each of BullMQ's wordings.
 */
import { describe, expect, it } from 'vitest';
import { lostLockJob } from '../../workers/redis-outage.ts';

describe('lost job locks in the worker log', () => {
  it("reads each of BullMQ's wordings, with the job id", () => {
    expect(lostLockJob('could not renew lock for job summarize-p1-v1')).toBe('summarize-p1-v1');
    expect(lostLockJob('Missing lock for job ingest-p2. moveToFinished')).toBe('ingest-p2');
    // Seen after a Redis kill -9 and restart: the job's lock came back with another token.
    expect(
      lostLockJob('Lock mismatch for job summarize-p868e53ffab6e-v1. Cmd moveToFinished from active'),
    ).toBe('summarize-p868e53ffab6e-v1');
  });

  it('leaves other errors to be logged as errors', () => {
    expect(lostLockJob('Job summarize-p1-v1 is not in the active state. moveToFinished')).toBeNull();
    expect(lostLockJob('connect ECONNREFUSED 127.0.0.1:6379')).toBeNull();
  });
});
