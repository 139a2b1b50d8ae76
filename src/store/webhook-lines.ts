/**
 * The order webhook deliveries are sent in: one line per hook and paper (a
 * Redis list of delivery ids, head first). Only the head is ever queued; it
 * leaves the line once delivered or given up, and the next one is queued
 * then. So a receiver that was down sees a paper's events in the order they
 * happened, and never "published" after "unpublished". Kept apart from
 * ./webhooks.ts (the hooks and their delivery records), whose keys it shares.
 */
import type { LinePlace, WebhookLinesPort } from '../domain/ports/webhook-lines.ts';
import { Delivery } from '../domain/webhook.ts';
import { luaSource } from './commands.ts';
import { type Keys, keys as makeKeys } from './keys.ts';
import type { RedisClient } from './redis-client.ts';

type Reply = [number, string];

export class WebhookLines implements WebhookLinesPort {
  readonly keys: Keys;
  constructor(
    readonly redis: RedisClient,
    prefix: string,
  ) {
    this.keys = makeKeys(prefix);
  }

  /** One dispatcher at a time across the fleet (./lease.ts), so lines fill in the audit stream's order. */
  get dispatcherLease(): string {
    return `${this.keys.webhooks}:dispatcher`;
  }

  line(hookId: string, paperId: string): string {
    return `${this.keys.webhook(hookId)}:line:${paperId}`;
  }

  private papers(hookId: string): string {
    return `${this.keys.webhook(hookId)}:lines`;
  }

  /** Store a new delivery at the end of its paper's line; a delivery stored before is left alone. */
  async add(d: Delivery): Promise<LinePlace> {
    const k = this.keys;
    const [added, head] = (await this.redis.eval(
      luaSource('webhook-line-add.lua'),
      4,
      k.webhookDeliveries(d.hookId),
      k.webhookDeliveryOrder(d.hookId),
      this.line(d.hookId, d.paperId),
      this.papers(d.hookId),
      d.id,
      JSON.stringify(Delivery.parse(d)),
      Date.parse(d.createdAt),
      d.paperId,
    )) as Reply;
    return { added: added === 1, head: head || null };
  }

  /**
   * Send one paper's stored deliveries again (their new rounds, oldest first), only if its line
   * is empty: `queued` false when it is not, null when one of them no longer exists.
   */
  async requeue(deliveries: readonly Delivery[]): Promise<LinePlace | null> {
    const [first] = deliveries;
    if (!first) return { added: false, head: null };
    const pairs = deliveries.flatMap((d) => [d.id, JSON.stringify(Delivery.parse(d))]);
    const [outcome, head] = (await this.redis.eval(
      luaSource('webhook-line-requeue.lua'),
      3,
      this.keys.webhookDeliveries(first.hookId),
      this.line(first.hookId, first.paperId),
      this.papers(first.hookId),
      first.paperId,
      ...pairs,
    )) as Reply;
    return outcome === -1 ? null : { added: outcome === 1, head: head || null };
  }

  /** Take a finished delivery off the front of its line (again: a no-op); returns the next one's id. */
  async advance(hookId: string, paperId: string, deliveryId: string): Promise<string | null> {
    const head = (await this.redis.eval(
      luaSource('webhook-line-advance.lua'),
      2,
      this.line(hookId, paperId),
      this.papers(hookId),
      deliveryId,
      paperId,
    )) as string;
    return head || null;
  }

  async head(hookId: string, paperId: string): Promise<string | null> {
    return this.redis.lindex(this.line(hookId, paperId), 0);
  }

  /** Where a delivery stands in its line: 0 at the head, null when it is not in line. */
  async position(hookId: string, paperId: string, deliveryId: string): Promise<number | null> {
    return this.redis.lpos(this.line(hookId, paperId), deliveryId);
  }

  /** A removed hook's lines go with it. */
  async removeHook(hookId: string): Promise<void> {
    const papers = await this.redis.smembers(this.papers(hookId));
    await this.redis.del(this.papers(hookId), ...papers.map((p) => this.line(hookId, p)));
  }

  /** A hook's deliveries made at or after `sinceMs`, oldest first (the order they were made in). */
  async since(hookId: string, sinceMs: number): Promise<Delivery[]> {
    const k = this.keys;
    const ids = await this.redis.zrangebyscore(k.webhookDeliveryOrder(hookId), sinceMs, '+inf');
    if (ids.length === 0) return [];
    const raw = await this.redis.hmget(k.webhookDeliveries(hookId), ...ids);
    return raw.filter((r): r is string => r !== null).map((r) => Delivery.parse(JSON.parse(r)));
  }

  /**
   * Forget finished deliveries made before `keepMs` ago, and the oldest finished ones beyond
   * `maxCount`; deliveries still owed (in a line) are always kept.
   */
  async trim(hookId: string, keepMs: number, maxCount: number, now = Date.now()): Promise<number> {
    const k = this.keys;
    const order = k.webhookDeliveryOrder(hookId);
    const old = await this.redis.zrangebyscore(order, '-inf', now - keepMs, 'LIMIT', 0, 500);
    const over = Math.max(0, (await this.redis.zcard(order)) - maxCount);
    const extra = over > 0 ? await this.redis.zrange(order, 0, Math.min(over, 500) - 1) : [];
    const candidates = [...new Set([...old, ...extra])];
    if (candidates.length === 0) return 0;
    const raw = await this.redis.hmget(k.webhookDeliveries(hookId), ...candidates);
    const done = candidates.filter((_, i) => {
      const r = raw[i];
      if (!r) return true;
      const status = Delivery.parse(JSON.parse(r)).status;
      return status === 'delivered' || status === 'failed';
    });
    if (done.length === 0) return 0;
    await this.redis
      .multi()
      .hdel(k.webhookDeliveries(hookId), ...done)
      .zrem(order, ...done)
      .exec();
    return done.length;
  }
}
