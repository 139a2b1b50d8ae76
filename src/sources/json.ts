/**
 * Reading a JSON answer from a metadata service (Crossref, Europe PMC, NCBI
 * ESearch): a body that is not JSON is the server having trouble (retry
 * later); JSON in an unexpected shape is a format change that retrying will
 * not fix.
 */
import { z } from 'zod';
import { PermanentError } from '../errors/permanent-error.ts';
import { TransientError } from '../errors/transient-error.ts';

/** `what` names the request in messages: `DOI 10.1038/srep16696`, `the search "asthma"`. */
export function parseJsonBody<T extends z.ZodType>(
  body: string,
  schema: T,
  service: string,
  what: string,
): z.infer<T> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new TransientError(`${service} did not return JSON for ${what}: "${body.slice(0, 120).trim()}".`, {
      hint: `${service} may be having trouble; LaySum will try again later.`,
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new PermanentError(
      `${service} returned an unexpected answer for ${what}: ${z.prettifyError(parsed.error)}`,
      {
        hint: `The ${service} JSON format may have changed; report this with ${what}.`,
      },
    );
  }
  return parsed.data;
}

/** Distinct non-empty strings, first spelling kept, compared without case. */
export function uniqueStrings(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values.map((v) => v.trim())) {
    const key = value.toLowerCase();
    if (value && !seen.has(key)) {
      seen.add(key);
      out.push(value);
    }
  }
  return out;
}
