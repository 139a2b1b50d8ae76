import { LaySumError } from './laysum-error.ts';
import { redactSecrets } from './redact.ts';

/**
 * Any error as a person should read it: LaySum's errors with their hint,
 * others by their message; credentials in URLs and key-shaped strings redacted
 * (this text is stored as reasons and poll errors, and printed).
 */
export function describeError(err: unknown): string {
  if (err instanceof LaySumError) return redactSecrets(err.describe());
  return redactSecrets(err instanceof Error ? err.message : String(err));
}
