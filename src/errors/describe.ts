import { LaySumError } from './laysum-error.ts';

/** Any error as a person should read it: LaySum's errors with their hint, others by their message. */
export function describeError(err: unknown): string {
  if (err instanceof LaySumError) return err.describe();
  return err instanceof Error ? err.message : String(err);
}
