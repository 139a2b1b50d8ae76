/**
 * One attempt at a delivery: POST the stored body, signed the Standard
 * Webhooks way with the hook's secrets (./standard-sign.ts; plus the older
 * X-LaySum-* headers while WEBHOOK_LEGACY_HEADERS is on), and record the
 * outcome. Only the head of a paper's line is sent (./line.ts). A 2xx is
 * delivered; anything else is recorded and thrown so the queue retries it
 * (./retry.ts) until the round's time is up; then it is failed. Either way
 * the next delivery in the paper's line is queued.
 */

import type { WebhookLinesPort, WebhookSecretsPort } from '../domain/ports/webhook-lines.ts';
import type { Webhooks } from '../domain/ports/webhooks.ts';
import type { Delivery } from '../domain/webhook.ts';
import { BlockedDestinationError } from '../errors/blocked-destination-error.ts';
import { PermanentError } from '../errors/permanent-error.ts';
import { TransientError } from '../errors/transient-error.ts';
import type { FetchLike } from '../net/guarded-fetch.ts';
import { finishInLine, type LineDeps } from './line.ts';
import { isLastAttempt, type RetryPolicy } from './retry.ts';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureHeader } from './sign.ts';
import { standardHeaders } from './standard-sign.ts';

export interface DeliverDeps extends LineDeps {
  webhooks: Webhooks;
  lines: WebhookLinesPort;
  secrets: WebhookSecretsPort;
  retry: RetryPolicy;
  timeoutMs: number;
  legacyHeaders: boolean;
  userAgent: string;
  /** A fetch that refuses internal addresses unless FETCH_ALLOW_PRIVATE allows them (src/net/guarded-fetch.ts). */
  fetch: FetchLike;
}

/** The message id receivers deduplicate on: the delivery's, with the round after a resend. */
export function messageId(d: Pick<Delivery, 'id' | 'round'>): string {
  return d.round ? `${d.id}-r${d.round}` : d.id;
}

function headersFor(deps: DeliverDeps, secrets: string[], d: Delivery): Record<string, string> {
  const [current = ''] = secrets;
  return {
    'content-type': 'application/json',
    'user-agent': deps.userAgent,
    ...standardHeaders(secrets, messageId(d), d.body),
    ...(deps.legacyHeaders
      ? {
          [SIGNATURE_HEADER]: signatureHeader(current, d.body),
          [EVENT_HEADER]: d.event,
          [DELIVERY_HEADER]: d.id,
        }
      : {}),
  };
}

interface Outcome {
  status: number | null;
  error: string | null;
  refused?: BlockedDestinationError;
}

async function post(deps: DeliverDeps, url: string, secrets: string[], d: Delivery): Promise<Outcome> {
  try {
    const res = await deps.fetch(url, {
      method: 'POST',
      body: d.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.timeoutMs),
      headers: headersFor(deps, secrets, d),
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

/** Attempt `attempt` of the delivery's round; returns a one-line result or throws to be retried. */
export async function attemptDelivery(
  deps: DeliverDeps,
  hookId: string,
  deliveryId: string,
  attempt: number,
): Promise<string> {
  const [hook, secrets, delivery] = await Promise.all([
    deps.webhooks.get(hookId),
    deps.secrets.signing(hookId),
    deps.webhooks.delivery(hookId, deliveryId),
  ]);
  if (!hook || secrets.length === 0 || !delivery) return 'webhook removed';
  if (delivery.status === 'delivered' || delivery.status === 'failed') {
    // Finished before a crash let the next one in: let it in now (a no-op otherwise).
    await finishInLine(deps, delivery);
    return `already ${delivery.status}`;
  }
  const head = await deps.lines.head(hookId, delivery.paperId);
  // Not its turn: it is queued again when the one before it finishes. (No line: queued before lines existed.)
  if (head !== null && head !== delivery.id) return `waits for ${head}`;
  const outcome = await post(deps, hook.url, secrets, delivery);
  const now = Date.now();
  const startedAt = Date.parse(delivery.roundStartedAt ?? delivery.createdAt);
  // A refused destination stays refused: failed now, not retried for hours.
  const last = outcome.refused !== undefined || isLastAttempt(deps.retry, attempt, startedAt, now);
  const status = outcome.error === null ? 'delivered' : last ? 'failed' : 'retrying';
  const updated: Delivery = {
    ...delivery,
    status,
    attempts: attempt,
    lastStatus: outcome.status,
    lastError: outcome.error,
    updatedAt: new Date(now).toISOString(),
  };
  await deps.webhooks.updateDelivery(updated);
  if (status !== 'retrying') await finishInLine(deps, updated);
  if (outcome.refused) throw outcome.refused;
  if (outcome.error === null) return `delivered (HTTP ${outcome.status})`;
  // The origin only: a receiver's path often holds its own secret (chat webhooks do).
  const message = `Webhook ${hook.id} at ${new URL(hook.url).origin}: ${outcome.error} (attempt ${attempt}).`;
  // Given up: a PermanentError, so the queue does not retry it.
  if (last)
    throw new PermanentError(message, {
      hint: 'Given up: the delivery is marked failed. Fix the receiver, then resend it (`laysum webhooks resend`).',
    });
  throw new TransientError(message, { hint: 'Retried with backoff.' });
}
