/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): headers
 * `webhook-id` (the message id), `webhook-timestamp` (Unix seconds) and
 * `webhook-signature`, a space-separated list of `v1,<base64 HMAC-SHA256 of
 * "<id>.<timestamp>.<body>">`, one per secret that signs (two while a rotated
 * secret's grace period runs). The key is the base64 after `whsec_`, decoded;
 * any library for the standard (`standardwebhooks` on npm, PyPI, Go, ...)
 * verifies it. The secrets go nowhere but the HMAC.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const ID_HEADER = 'webhook-id';
export const TIMESTAMP_HEADER = 'webhook-timestamp';
export const STANDARD_SIGNATURE_HEADER = 'webhook-signature';

const PREFIX = 'whsec_';

/** A new secret: `whsec_` and 32 random bytes in base64, the form the standard's libraries take. */
export function newSecret(): string {
  return PREFIX + randomBytes(32).toString('base64');
}

/** The HMAC key of a secret (Node's base64 decoder also reads the base64url secrets of older releases). */
export function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
}

export function standardSignature(secret: string, id: string, timestamp: number, body: string): string {
  return createHmac('sha256', secretKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
}

/** The three headers for one attempt, signed with every secret given (newest first). */
export function standardHeaders(
  secrets: readonly string[],
  id: string,
  body: string,
  now = Date.now(),
): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return {
    [ID_HEADER]: id,
    [TIMESTAMP_HEADER]: String(timestamp),
    [STANDARD_SIGNATURE_HEADER]: secrets
      .map((s) => `v1,${standardSignature(s, id, timestamp, body)}`)
      .join(' '),
  };
}

/** What a receiver does: true when one of the signatures matches and the timestamp is recent. */
export function verifyStandard(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  options: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  const t = Number(headers.timestamp);
  if (!Number.isInteger(t)) return false;
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(standardSignature(secret, headers.id, t, body), 'base64');
  return headers.signature.split(' ').some((part) => {
    const [version, sig] = part.split(',', 2);
    const given = Buffer.from(sig ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}
