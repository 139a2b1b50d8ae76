/**
 * The webhooks port (../domain/ports/webhooks.ts) in Redis: each hook (its URL and events) with its signing secret
 * in a separate field that only the delivery worker reads, and each hook's
 * recent deliveries (the last 50) with their status.
 */
import { randomBytes } from 'node:crypto';
import type { WebhookLinesPort, WebhookSecretsPort } from '../domain/ports/webhook-lines.ts';
import type { StreamedAudit, Webhooks } from '../domain/ports/webhooks.ts';
import { Delivery, type DeliveryInput, Webhook, type WebhookEvent } from '../domain/webhook.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { type Keys, keys as makeKeys } from './keys.ts';
import type { RedisClient } from './redis-client.ts';
import { WebhookLines } from './webhook-lines.ts';
import { WebhookSecrets } from './webhook-secrets.ts';

const KEEP_DELIVERIES = 50;
/** The audit stream's consumer group that turns state changes into deliveries. */
export const WEBHOOK_GROUP = 'webhooks';

/** A stream entry's fields: `entry` (its JSON) and, from the PostgreSQL store's outbox, `audit` (its row). */
function streamed([id, fields]: [string, string[]]): StreamedAudit {
  const value = (name: string) => {
    const at = fields.indexOf(name);
    return at >= 0 && at % 2 === 0 ? (fields[at + 1] ?? null) : null;
  };
  return [id, value('entry') ?? '{}', value('audit')];
}

export class WebhookStore implements Webhooks {
  private readonly keys: Keys;
  constructor(
    private readonly redis: RedisClient,
    prefix: string,
  ) {
    this.keys = makeKeys(prefix);
  }

  /**
   * Register a hook; returns it with its secret, which is never shown again.
   * The audit stream's consumer group is created here (from now on), so no
   * state change after the first hook is missed.
   */
  async add(input: {
    url: string;
    events: WebhookEvent[];
    createdBy: string;
  }): Promise<{ hook: Webhook; secret: string }> {
    const hook = Webhook.parse({
      ...input,
      id: `h${randomBytes(4).toString('hex')}`,
      createdAt: new Date().toISOString(),
    });
    // Standard Webhooks' form: `whsec_` and the key in base64 (src/webhooks/standard-sign.ts).
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    await this.ensureGroup();
    await this.redis
      .multi()
      .hset(this.keys.webhook(hook.id), { hook: JSON.stringify(hook), secret })
      .zadd(this.keys.webhooks, Date.now(), hook.id)
      .exec();
    return { hook, secret };
  }

  async ensureGroup(): Promise<void> {
    try {
      await this.redis.xgroup('CREATE', this.keys.auditAll, WEBHOOK_GROUP, '$', 'MKSTREAM');
    } catch (err) {
      if (!String(err).includes('BUSYGROUP')) throw err;
    }
  }

  /**
   * The next audit entries for the group: first any this consumer or a dead
   * one left unacknowledged (idle over `reclaimMs`), then new ones, waiting
   * up to `blockMs`.
   */
  async readAudit(consumer: string, blockMs: number, reclaimMs = 30_000): Promise<StreamedAudit[]> {
    const key = this.keys.auditAll;
    const claimed = (await this.redis.xautoclaim(
      key,
      WEBHOOK_GROUP,
      consumer,
      reclaimMs,
      '0-0',
      'COUNT',
      100,
    )) as [string, Array<[string, string[]]>];
    const stale = claimed[1] ?? [];
    if (stale.length) return stale.map(streamed);
    const res = (await this.redis.xreadgroup(
      'GROUP',
      WEBHOOK_GROUP,
      consumer,
      'COUNT',
      100,
      'BLOCK',
      blockMs,
      'STREAMS',
      key,
      '>',
    )) as Array<[string, Array<[string, string[]]>]> | null;
    return (res?.[0]?.[1] ?? []).map(streamed);
  }

  async ackAudit(ids: string[]): Promise<void> {
    if (ids.length) await this.redis.xack(this.keys.auditAll, WEBHOOK_GROUP, ...ids);
  }

  async get(id: string): Promise<Webhook | null> {
    const raw = await this.redis.hget(this.keys.webhook(id), 'hook');
    return raw ? Webhook.parse(JSON.parse(raw)) : null;
  }

  /** The signing secret: for the delivery worker only. */
  async secret(id: string): Promise<string | null> {
    return this.redis.hget(this.keys.webhook(id), 'secret');
  }

  async list(): Promise<Webhook[]> {
    const ids = await this.redis.zrange(this.keys.webhooks, 0, -1);
    const all = await Promise.all(ids.map((id) => this.get(id)));
    return all.filter((h): h is Webhook => h !== null);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.get(id)))
      throw new NotFoundError('webhook', id, '`laysum webhooks list` shows the webhooks.');
    const k = this.keys;
    await this.redis
      .multi()
      .del(k.webhook(id), k.webhookDeliveries(id), k.webhookDeliveryOrder(id))
      .zrem(k.webhooks, id)
      .exec();
  }

  /** Store a new delivery; false (and nothing written) if it exists, so a re-read event is not sent twice. */
  async createDelivery(d: DeliveryInput): Promise<boolean> {
    const k = this.keys;
    const added = await this.redis.hsetnx(
      k.webhookDeliveries(d.hookId),
      d.id,
      JSON.stringify(Delivery.parse(d)),
    );
    if (added !== 1) return false;
    await this.redis.zadd(k.webhookDeliveryOrder(d.hookId), Date.parse(d.createdAt), d.id);
    const old = await this.redis.zrange(k.webhookDeliveryOrder(d.hookId), 0, -(KEEP_DELIVERIES + 1));
    if (old.length) {
      await this.redis
        .multi()
        .hdel(k.webhookDeliveries(d.hookId), ...old)
        .zrem(k.webhookDeliveryOrder(d.hookId), ...old)
        .exec();
    }
    return true;
  }

  async delivery(hookId: string, id: string): Promise<Delivery | null> {
    const raw = await this.redis.hget(this.keys.webhookDeliveries(hookId), id);
    return raw ? Delivery.parse(JSON.parse(raw)) : null;
  }

  async updateDelivery(d: Delivery): Promise<void> {
    // A hook removed meanwhile takes its deliveries with it: do not bring them back.
    if (!(await this.redis.hexists(this.keys.webhookDeliveries(d.hookId), d.id))) return;
    await this.redis.hset(this.keys.webhookDeliveries(d.hookId), d.id, JSON.stringify(Delivery.parse(d)));
  }

  /** The newest deliveries of a hook, newest first. */
  async deliveries(hookId: string, count = 20): Promise<Delivery[]> {
    const ids = await this.redis.zrevrange(this.keys.webhookDeliveryOrder(hookId), 0, count - 1);
    if (ids.length === 0) return [];
    const raw = await this.redis.hmget(this.keys.webhookDeliveries(hookId), ...ids);
    return raw.filter((r): r is string => r !== null).map((r) => Delivery.parse(JSON.parse(r)));
  }

  lines(): WebhookLinesPort {
    return new WebhookLines(this.redis, this.keys.prefix);
  }

  secrets(): WebhookSecretsPort {
    return new WebhookSecrets(this.redis, this.keys.prefix);
  }
}
