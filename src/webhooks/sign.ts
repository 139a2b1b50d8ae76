/**
 * The webhook signature: HMAC-SHA256, keyed with the hook's secret, over
 * `${timestamp}.${body}` (timestamp in Unix seconds), sent as
 * `X-LaySum-Signature: t=<timestamp>,v1=<hex>`. A receiver recomputes it over
 * the raw body, compares in constant time, and rejects old timestamps so a
 * captured request cannot be replayed later.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-laysum-signature';
export const EVENT_HEADER = 'x-laysum-event';
export const DELIVERY_HEADER = 'x-laysum-delivery';

export function sign(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function signatureHeader(secret: string, body: string, now = Date.now()): string {
  const t = Math.floor(now / 1000);
  return `t=${t},v1=${sign(secret, t, body)}`;
}

/** Check a signature header against the raw body: what a receiver does (and the tests' receivers). */
export function verifySignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  options: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  const parts = new Map((header ?? '').split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) return false;
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? 300)) return false;
  return timingSafeEqual(Buffer.from(sign(secret, t, body), 'hex'), Buffer.from(v1, 'hex'));
}
