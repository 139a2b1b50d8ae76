/**
 * The line a paper's deliveries wait in, per hook (src/store/webhook-lines.ts):
 * only its head is queued, and finishing one (delivered or given up) queues
 * the next. Both steps are safe to repeat, so a crash between them is made
 * good by the job's retry or the dispatcher's second pass.
 */
import type { Config } from '../config/env.ts';
import type { LinePlace, WebhookLinesPort } from '../domain/ports/webhook-lines.ts';
import type { Webhooks } from '../domain/ports/webhooks.ts';
import type { Delivery } from '../domain/webhook.ts';
import { enqueueDelivery, type Queues } from '../queue/queues.ts';

export interface LineDeps {
  webhooks: Webhooks;
  lines: WebhookLinesPort;
  /** Queue one delivery (a round of it) for the webhook worker. */
  enqueue(hookId: string, deliveryId: string, round: number): Promise<void>;
}

/** Queue the line's head, if there is one (queueing it twice is a no-op). */
export async function queueHead(deps: LineDeps, hookId: string, head: string | null): Promise<boolean> {
  if (!head) return false;
  const next = await deps.webhooks.delivery(hookId, head);
  if (!next) return false;
  await deps.enqueue(hookId, head, next.round);
  return true;
}

/** After a delivery was put in line: queue it if it is first. */
export function queueIfFirst(deps: LineDeps, d: Delivery, place: LinePlace): Promise<boolean> {
  return place.head === d.id ? queueHead(deps, d.hookId, place.head) : Promise.resolve(false);
}

/** A delivery is done (delivered or failed): it leaves its line and the next one is queued. */
export async function finishInLine(deps: LineDeps, d: Delivery): Promise<void> {
  const next = await deps.lines.advance(d.hookId, d.paperId, d.id);
  await queueHead(deps, d.hookId, next);
}

/** The lines over the hooks' own connection, queueing on the webhook queue: what the desk and the CLI use. */
export function lineDeps(webhooks: Webhooks, queues: Queues, config: Config): LineDeps {
  return {
    webhooks,
    lines: webhooks.lines(),
    enqueue: (hookId, deliveryId, round) => enqueueDelivery(queues, config, hookId, deliveryId, round),
  };
}
