/**
 * Queues and workers are typed from the job-name -> payload map: a wrong
 * payload is a compile error (checked by `tsc`, which reads the tests), and a
 * payload is still parsed when it arrives. Job ids stay deterministic.
 */
import { describe, expect, it } from 'vitest';
import { jobIdFor, parsePayload } from '../../src/queue/jobs.ts';
import type { Queues } from '../../src/queue/queues.ts';

describe('typed queues', () => {
  it('refuse a payload of the wrong shape at compile time', () => {
    const add = (queues: Queues) => [
      queues.summarize.add('summarize', { paperId: 'p1', version: 1 }),
      // @ts-expect-error: a summarize job says which version it writes
      queues.summarize.add('summarize', { paperId: 'p1' }),
      // @ts-expect-error: the ingest queue takes only ingest jobs
      queues.ingest.add('summarize', { paperId: 'p1' }),
      // @ts-expect-error: a poll names its watch
      queues.poll.add('poll', { paperId: 'p1', manual: false }),
    ];
    expect(add).toBeTypeOf('function');
  });

  it('parse payloads on arrival, with their defaults', () => {
    expect(parsePayload('poll', { watchId: 'w1' })).toMatchObject({
      success: true,
      data: { watchId: 'w1', manual: false },
    });
    expect(parsePayload('summarize', { paperId: 'p1', version: 0 }).success).toBe(false);
  });

  it('derive job ids from the paper and stage', () => {
    expect(jobIdFor('ingest', { paperId: 'pab12' })).toBe('ingest-pab12');
    expect(jobIdFor('summarize', { paperId: 'pab12', version: 2 })).toBe('summarize-pab12-v2');
  });
});
