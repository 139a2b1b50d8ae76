/**
 * The webhook use cases the CLI (`laysum webhooks ...`) and the desk's admin
 * page share: register a URL for some events (its secret returned once),
 * list hooks with their recent deliveries, remove one.
 */

import type { Webhooks } from '../domain/ports/webhooks.ts';
import { type Delivery, WEBHOOK_EVENTS, type Webhook, WebhookEvent } from '../domain/webhook.ts';
import { InputError } from '../errors/input-error.ts';
import { blockedHint, type PrivateAllowList, urlProblem } from '../net/destinations.ts';
import { newSecret } from './standard-sign.ts';

/** "drafted,approved" (or a list of ticked boxes); none means every event. */
export function parseEvents(input: string | readonly string[] | undefined): WebhookEvent[] {
  const names = (typeof input === 'string' ? input.split(',') : (input ?? []))
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 0) return [...WEBHOOK_EVENTS];
  const bad = names.filter((n) => !WebhookEvent.safeParse(n).success);
  if (bad.length)
    throw new InputError(
      `Unknown event${bad.length > 1 ? 's' : ''} ${bad.map((b) => `"${b}"`).join(', ')}.`,
      {
        hint: `Use any of: ${WEBHOOK_EVENTS.join(', ')}.`,
      },
    );
  return [...new Set(names)] as WebhookEvent[];
}

/** An http(s) URL outside the private network (or allowed by FETCH_ALLOW_PRIVATE), trimmed. */
export function checkUrl(url: string, allow: PrivateAllowList): string {
  const trimmed = url.trim();
  if (!URL.canParse(trimmed) || !/^https?:$/.test(new URL(trimmed).protocol))
    throw new InputError(`"${trimmed}" is not an http(s) URL.`, {
      hint: 'Give the full address the receiver listens on, e.g. https://cms.example.org/hooks/laysum',
    });
  const problem = urlProblem(new URL(trimmed), allow);
  if (problem)
    throw new InputError(`Refused to send webhooks to ${new URL(trimmed).origin}: ${problem}.`, {
      hint: blockedHint(),
    });
  return trimmed;
}

export async function addWebhook(
  store: Webhooks,
  input: { url: string; events?: string | readonly string[]; by: string },
  allow: PrivateAllowList,
): Promise<{ hook: Webhook; secret: string }> {
  return store.add({
    url: checkUrl(input.url, allow),
    events: parseEvents(input.events),
    createdBy: input.by,
  });
}

export interface WebhookWithDeliveries extends Webhook {
  deliveries: Delivery[];
}

export async function listWebhooks(store: Webhooks, deliveries = 10): Promise<WebhookWithDeliveries[]> {
  const hooks = await store.list();
  return Promise.all(
    hooks.map(async (h) => ({ ...h, deliveries: await store.deliveries(h.id, deliveries) })),
  );
}

export async function removeWebhook(store: Webhooks, id: string): Promise<void> {
  await store.remove(id);
  await store.lines().removeHook(id);
}

/** A new signing secret (returned once); the old one also signs for `graceMs`, so receivers can switch. */
export async function rotateSecret(
  store: Webhooks,
  id: string,
  graceMs: number,
): Promise<{ secret: string; oldUntil: string }> {
  const secret = newSecret();
  const { until } = await store.secrets().rotate(id, secret, graceMs);
  return { secret, oldUntil: new Date(until).toISOString() };
}

/** "delivered (HTTP 200)", "retrying: HTTP 500 (attempt 2)", "failed: connection refused (attempt 8)". */
export function deliveryLine(d: Delivery): string {
  if (d.status === 'pending') return d.round ? `pending (resent by ${d.resentBy})` : 'pending';
  if (d.status === 'delivered') return `delivered (HTTP ${d.lastStatus}, attempt ${d.attempts})`;
  return `${d.status}: ${d.lastError ?? 'error'} (attempt ${d.attempts})`;
}
