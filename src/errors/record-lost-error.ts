import { LaySumError } from './laysum-error.ts';

/** A paper LaySum knows (an index or the audit log names it) whose record is gone from Redis. */
export class RecordLostError extends LaySumError {
  constructor(
    readonly paperId: string,
    readonly lastKnown: string,
  ) {
    super(
      `Paper "${paperId}" is known (${lastKnown}), but its record is gone from Redis: it was evicted or deleted, and its source and drafts cannot be shown.`,
      {
        hint: 'Check that Redis runs with `maxmemory-policy noeviction` (evicting Redis loses papers), then submit the paper again.',
      },
    );
  }
}
