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

/**
 * An error as the last word on a job that will not run again: a hint that
 * promised another attempt ("LaySum will retry; raise LLM_TIMEOUT_MS...")
 * keeps only what the person can do.
 */
export function describeGivenUp(err: unknown): string {
  if (!(err instanceof LaySumError) || !err.hint) return describeError(err);
  const rest = err.hint.replace(
    /^LaySum (?:will retry(?: with backoff)?|tries again later(?: \([^)]*\))?)[.;:,]?\s*/i,
    '',
  );
  if (rest === err.hint) return err.describe();
  return rest ? `${err.message}\n  ${rest.charAt(0).toUpperCase()}${rest.slice(1)}` : err.message;
}
