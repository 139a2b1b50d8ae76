/**
 * From state changes to deliveries: read the audit stream through its
 * consumer group, and for each entry that is an event (./events.ts) create
 * one delivery per hook subscribed to it (registered before the change), put
 * it at the end of its paper's line for that hook (./line.ts), and queue it
 * if it is first. An entry is acknowledged only once its deliveries are
 * stored; a crash in between re-reads it, and the delivery id (hook + the
 * entry's audit id, else its stream id) makes the second pass a no-op, as it
 * does for an entry the PostgreSQL store's outbox sent twice. One dispatcher runs at a time across the
 * fleet (./dispatcher-lease.ts), so lines fill in the stream's order.
 */
import { AuditEntry } from '../domain/draft.ts';
import { type Paper, paperTitle } from '../domain/paper.ts';
import type { Papers } from '../domain/ports/papers.ts';
import type { StreamedAudit } from '../domain/ports/webhooks.ts';
import type { Delivery, Webhook, WebhookPayload } from '../domain/webhook.ts';
import { type CreditWording, DEFAULT_CREDIT } from '../publish/credit.ts';
import { serverLinks } from '../publish/links.ts';
import { publicSummary } from '../publish/public-json.ts';
import { publishedItem } from '../publish/published.ts';
import { eventOf } from './events.ts';
import { type LineDeps, queueIfFirst } from './line.ts';

export interface DispatchDeps extends LineDeps {
  store: Papers;
  publicBaseUrl: string;
  credit?: CreditWording;
  /** How long finished delivery records are kept, and at most how many per hook. */
  keepMs: number;
  keepCount?: number;
}

/** On a publication: the live, approved version as the public reads it; never a later edit. */
async function contentOf(deps: DispatchDeps, paper: Paper | null, event: Delivery['event']) {
  if (event !== 'published' || !paper) return null;
  const item = await publishedItem(deps.store, paper);
  if (!item) return null;
  return {
    item,
    json: { ...publicSummary(item, serverLinks(deps.publicBaseUrl), deps.credit ?? DEFAULT_CREDIT) },
  };
}

async function payloadFor(deps: DispatchDeps, id: string, entry: AuditEntry, event: Delivery['event']) {
  const paper = await deps.store.get(entry.paperId);
  const base = deps.publicBaseUrl;
  const content = await contentOf(deps, paper, event);
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
      slug: content?.item.slug ?? null,
      version: content?.item.version ?? null,
    },
    // Withdrawn before this was dispatched: nothing to show (the unpublished event follows).
    content: content?.json ?? null,
  };
  return JSON.stringify(payload);
}

/** One stream entry: its deliveries, created and queued. */
export async function dispatchEntry(
  deps: DispatchDeps,
  [streamId, raw, auditId]: StreamedAudit,
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
    // Job ids may not contain ':'; stream ids are `ms-seq`, audit ids digits (`a` keeps them apart).
    const id = `${hook.id}-${auditId ? `a${auditId}` : streamId}`;
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
      round: 0,
      roundStartedAt: null,
      resentBy: null,
    };
    // Seen before (a crash before the acknowledgement): queued again only if it heads its line.
    const place = await deps.lines.add(delivery);
    if (await queueIfFirst(deps, delivery, place)) queued++;
    if (place.added) await deps.lines.trim(hook.id, deps.keepMs, deps.keepCount ?? 10_000);
  }
  return queued;
}

/** Read, dispatch and acknowledge one batch of audit entries; returns how many deliveries were queued. */
export async function dispatchOnce(
  deps: DispatchDeps,
  consumer: string,
  blockMs: number,
  reclaimMs?: number,
): Promise<number> {
  const entries = await deps.webhooks.readAudit(consumer, blockMs, reclaimMs);
  if (entries.length === 0) return 0;
  const hooks = await deps.webhooks.list();
  let queued = 0;
  for (const entry of entries) queued += await dispatchEntry(deps, entry, hooks);
  await deps.webhooks.ackAudit(entries.map(([id]) => id));
  return queued;
}
