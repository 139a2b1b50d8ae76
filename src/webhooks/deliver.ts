/**
 * One attempt at a delivery: POST the stored body, signed with the hook's
 * secret, and record the outcome. A 2xx is delivered; anything else (another
 * status, a timeout, a refused connection) is recorded and thrown so the
 * queue retries it with backoff, until the last attempt marks it failed.
 * The secret is read here and goes nowhere but the HMAC.
 */

import type { Webhooks } from '../domain/ports/webhooks.ts';
import type { Delivery } from '../domain/webhook.ts';
import { BlockedDestinationError } from '../errors/blocked-destination-error.ts';
import { TransientError } from '../errors/transient-error.ts';
import type { FetchLike } from '../net/guarded-fetch.ts';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureHeader } from './sign.ts';

export interface DeliverDeps {
  webhooks: Webhooks;
  timeoutMs: number;
  userAgent: string;
  /** A fetch that refuses internal addresses unless FETCH_ALLOW_PRIVATE allows them (src/net/guarded-fetch.ts). */
  fetch: FetchLike;
}

async function post(
  deps: DeliverDeps,
  url: string,
  secret: string,
  d: Delivery,
): Promise<{ status: number | null; error: string | null; refused?: BlockedDestinationError }> {
  try {
    const res = await deps.fetch(url, {
      method: 'POST',
      body: d.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': deps.userAgent,
        [SIGNATURE_HEADER]: signatureHeader(secret, d.body),
        [EVENT_HEADER]: d.event,
        [DELIVERY_HEADER]: d.id,
      },
    });
    await res.body?.cancel();
    return res.ok ? { status: res.status, error: null } : { status: res.status, error: `HTTP ${res.status}` };
  } catch (err) {
    if (err instanceof BlockedDestinationError) return { status: null, error: err.message, refused: err };
    const name =
      err instanceof Error && err.name === 'TimeoutError' ? `no answer in ${deps.timeoutMs} ms` : null;
    return {
      status: null,
      error:
        name ??
        (err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err)),
    };
  }
}

/** Attempt `attempt` of `maxAttempts`; returns a one-line result or throws a TransientError to be retried. */
export async function attemptDelivery(
  deps: DeliverDeps,
  hookId: string,
  deliveryId: string,
  attempt: number,
  maxAttempts: number,
): Promise<string> {
  const [hook, secret, delivery] = await Promise.all([
    deps.webhooks.get(hookId),
    deps.webhooks.secret(hookId),
    deps.webhooks.delivery(hookId, deliveryId),
  ]);
  if (!hook || !secret || !delivery) return 'webhook removed';
  if (delivery.status === 'delivered') return 'already delivered';
  const outcome = await post(deps, hook.url, secret, delivery);
  // A refused destination stays refused: failed now, not retried for hours.
  const last = attempt >= maxAttempts || outcome.refused !== undefined;
  const status = outcome.error === null ? 'delivered' : last ? 'failed' : 'retrying';
  await deps.webhooks.updateDelivery({
    ...delivery,
    status,
    attempts: attempt,
    lastStatus: outcome.status,
    lastError: outcome.error,
    updatedAt: new Date().toISOString(),
  });
  if (outcome.refused) throw outcome.refused;
  if (outcome.error !== null) {
    // The origin only: a receiver's path often holds its own secret (chat webhooks do).
    const where = new URL(hook.url).origin;
    throw new TransientError(
      `Webhook ${hook.id} at ${where}: ${outcome.error} (attempt ${attempt} of ${maxAttempts}).`,
      {
        hint: last ? 'Check the receiver; the delivery is marked failed.' : 'Retried with backoff.',
      },
    );
  }
  return `delivered (HTTP ${outcome.status})`;
}
