/**
 * From state changes to deliveries: read the audit stream through its
 * consumer group, and for each entry that is an event (./events.ts) create
 * one delivery per hook subscribed to it (registered before the change),
 * then queue it. An entry is acknowledged only once its deliveries are
 * stored and queued; a crash in between re-reads it, and the delivery id
 * (hook + stream id) makes the second pass a no-op.
 */
import { AuditEntry } from '../domain/draft.ts';
import { paperTitle } from '../domain/paper.ts';
import type { Papers } from '../domain/ports/papers.ts';
import type { Webhooks } from '../domain/ports/webhooks.ts';
import type { Delivery, Webhook, WebhookPayload } from '../domain/webhook.ts';
import { eventOf } from './events.ts';

export interface DispatchDeps {
  store: Papers;
  webhooks: Webhooks;
  /** Queue one delivery for the webhook worker. */
  enqueue(hookId: string, deliveryId: string): Promise<void>;
  publicBaseUrl: string;
}

async function payloadFor(deps: DispatchDeps, id: string, entry: AuditEntry, event: Delivery['event']) {
  const paper = await deps.store.get(entry.paperId);
  const base = deps.publicBaseUrl;
  const payload: WebhookPayload = {
    id,
    event,
    at: entry.at,
    actor: entry.actor,
    note: entry.note,
    paper: {
      id: entry.paperId,
      title: paper ? paperTitle(paper) : entry.paperId,
      state: entry.to ?? paper?.state ?? 'unknown',
      deskUrl: `${base}/desk/papers/${encodeURIComponent(entry.paperId)}`,
      // The page's address once it has one (a withdrawn page answers 410 there).
      publicUrl: paper?.publication ? `${base}/s/${paper.publication.slug}` : null,
    },
  };
  return JSON.stringify(payload);
}

/** One stream entry: its deliveries, created and queued. */
export async function dispatchEntry(
  deps: DispatchDeps,
  streamId: string,
  raw: string,
  hooks: readonly Webhook[],
): Promise<number> {
  const parsed = AuditEntry.safeParse(JSON.parse(raw));
  if (!parsed.success) return 0;
  const entry = parsed.data;
  const event = eventOf(entry);
  if (!event) return 0;
  let queued = 0;
  for (const hook of hooks) {
    if (!hook.events.includes(event) || hook.createdAt > entry.at) continue;
    // Job ids may not contain ':'; stream ids are `ms-seq`.
    const id = `${hook.id}-${streamId}`;
    const now = new Date().toISOString();
    const delivery: Delivery = {
      id,
      hookId: hook.id,
      event,
      paperId: entry.paperId,
      body: await payloadFor(deps, id, entry, event),
      status: 'pending',
      attempts: 0,
      lastStatus: null,
      lastError: null,
      createdAt: now,
      updatedAt: now,
    };
    if (!(await deps.webhooks.createDelivery(delivery))) {
      // Seen before: queue it again only if a crash may have come between storing and queueing.
      const existing = await deps.webhooks.delivery(hook.id, id);
      if (existing?.status !== 'pending') continue;
    }
    await deps.enqueue(hook.id, id);
    queued++;
  }
  return queued;
}

/** Read, dispatch and acknowledge one batch of audit entries; returns how many deliveries were queued. */
export async function dispatchOnce(deps: DispatchDeps, consumer: string, blockMs: number): Promise<number> {
  const entries = await deps.webhooks.readAudit(consumer, blockMs);
  if (entries.length === 0) return 0;
  const hooks = await deps.webhooks.list();
  let queued = 0;
  for (const [streamId, raw] of entries) queued += await dispatchEntry(deps, streamId, raw, hooks);
  await deps.webhooks.ackAudit(entries.map(([id]) => id));
  return queued;
}
