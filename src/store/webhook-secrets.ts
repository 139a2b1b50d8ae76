/**
 * A hook's signing secrets: the current one (the `secret` field of the hook's
 * hash, ./webhooks.ts) and, after a rotation, the previous one with the time
 * it stops signing. Only the delivery worker reads them; rotating returns the
 * new secret once.
 */
import { z } from 'zod';
import type { WebhookSecretsPort } from '../domain/ports/webhook-lines.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { type Keys, keys as makeKeys } from './keys.ts';
import type { RedisClient } from './redis-client.ts';

const Previous = z.object({ secret: z.string(), until: z.number() });

export class WebhookSecrets implements WebhookSecretsPort {
  readonly keys: Keys;
  constructor(
    readonly redis: RedisClient,
    prefix: string,
  ) {
    this.keys = makeKeys(prefix);
  }

  /** The secrets that sign now, newest first: the current one, and the previous one during its grace. */
  async signing(hookId: string, now = Date.now()): Promise<string[]> {
    const [current, previous] = await this.redis.hmget(this.keys.webhook(hookId), 'secret', 'previous');
    if (!current) return [];
    const prev = previous ? Previous.safeParse(JSON.parse(previous)) : null;
    return prev?.success && prev.data.until > now ? [current, prev.data.secret] : [current];
  }

  /** Replace the current secret with `secret`; the old one still signs for `graceMs`. */
  async rotate(
    hookId: string,
    secret: string,
    graceMs: number,
    now = Date.now(),
  ): Promise<{ until: number }> {
    const key = this.keys.webhook(hookId);
    const current = await this.redis.hget(key, 'secret');
    if (!current) throw new NotFoundError('webhook', hookId, '`laysum webhooks list` shows the webhooks.');
    const until = now + graceMs;
    await this.redis.hset(key, {
      secret,
      previous: JSON.stringify(Previous.parse({ secret: current, until })),
    });
    return { until };
  }
}
