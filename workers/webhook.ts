/**
 * Webhooks, thinly: the delivery worker (one signed POST per job, retried by
 * BullMQ with exponential backoff; src/webhooks/deliver.ts) and the
 * dispatcher loop that turns the audit stream's state changes into
 * deliveries (src/webhooks/dispatch.ts) on a blocking connection of its own.
 */
import { hostname } from 'node:os';
import { UnrecoverableError, Worker } from 'bullmq';
import { PermanentError } from '../src/errors/permanent-error.ts';
import { guardedFetch } from '../src/net/guarded-fetch.ts';
import { type JobPayload, parsePayload } from '../src/queue/jobs.ts';
import { enqueueDelivery, queuePrefix } from '../src/queue/queues.ts';
import { type Context, redisOf } from '../src/runtime/context.ts';
import { WebhookStore } from '../src/store/webhooks.ts';
import { attemptDelivery } from '../src/webhooks/deliver.ts';
import { dispatchOnce } from '../src/webhooks/dispatch.ts';
import type { OutageLog } from './redis-outage.ts';
import type { StageWorker } from './stage-worker.ts';

export function createWebhookWorker(ctx: Context): StageWorker<'webhook'> {
  const deps = {
    webhooks: ctx.webhooks,
    timeoutMs: ctx.config.webhooks.timeoutMs,
    userAgent: 'LaySum-Webhooks/0.1',
    fetch: guardedFetch(ctx.config.fetch.allowPrivate),
  };
  return new Worker<JobPayload<'webhook'>, string, 'webhook'>(
    'webhook',
    async (job) => {
      const parsed = parsePayload('webhook', job.data);
      if (!parsed.success) throw new UnrecoverableError(`Invalid webhook payload: ${parsed.error.message}`);
      const { hookId, deliveryId } = parsed.data;
      try {
        return await attemptDelivery(deps, hookId, deliveryId, job.attemptsMade + 1, job.opts.attempts ?? 1);
      } catch (err) {
        // A refused destination: the delivery is already marked failed; no retries.
        if (err instanceof PermanentError) throw new UnrecoverableError(err.message);
        throw err;
      }
    },
    { connection: redisOf(ctx), prefix: queuePrefix(ctx.config), concurrency: 4 },
  );
}

export interface Dispatcher {
  close(): Promise<void>;
}

/**
 * Read the audit stream until closed; a Redis hiccup goes to the worker's
 * outage log (one line per outage, ./redis-outage.ts) and the loop goes on.
 */
export async function startDispatcher(ctx: Context, outage: OutageLog, blockMs = 1000): Promise<Dispatcher> {
  // Its own connection: XREADGROUP blocks it. Its errors are the same outage the main connection reports.
  const redis = redisOf(ctx).duplicate();
  redis.on('error', (err: Error) => outage.error('webhook dispatcher', err));
  const webhooks = new WebhookStore(redis, ctx.config.redis.prefix);
  await webhooks.ensureGroup();
  const deps = {
    store: ctx.store,
    webhooks,
    enqueue: (hookId: string, deliveryId: string) =>
      enqueueDelivery(ctx.queues, ctx.config, hookId, deliveryId),
    publicBaseUrl: ctx.config.http.publicBaseUrl,
  };
  const consumer = `${hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        await dispatchOnce(deps, consumer, blockMs);
      } catch (err) {
        if (!running) break;
        outage.error('webhook dispatcher', err instanceof Error ? err : new Error(String(err)));
        await new Promise((r) => setTimeout(r, blockMs));
      }
    }
  })();
  return {
    async close() {
      running = false;
      await loop;
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
