/**
 * Webhooks, thinly: the delivery worker (one signed POST per job, retried by
 * BullMQ with the backoff of src/webhooks/retry.ts; src/webhooks/deliver.ts)
 * and the dispatcher loop that turns the audit stream's state changes into
 * deliveries (src/webhooks/dispatch.ts) on a blocking connection of its own,
 * one dispatcher at a time across the fleet (a lease), so each paper's
 * deliveries join their line in the order the changes happened.
 */
import { hostname } from 'node:os';
import { UnrecoverableError, Worker } from 'bullmq';
import { PermanentError } from '../src/errors/permanent-error.ts';
import { guardedFetch } from '../src/net/guarded-fetch.ts';
import { type JobPayload, parsePayload } from '../src/queue/jobs.ts';
import { enqueueDelivery, queuePrefix } from '../src/queue/queues.ts';
import { type Context, redisOf } from '../src/runtime/context.ts';
import { takeLease } from '../src/store/lease.ts';
import { WebhookLines } from '../src/store/webhook-lines.ts';
import { WebhookStore } from '../src/store/webhooks.ts';
import { attemptDelivery } from '../src/webhooks/deliver.ts';
import { dispatchOnce } from '../src/webhooks/dispatch.ts';
import { jitteredDelay } from '../src/webhooks/retry.ts';
import { handBackUntouched } from './hand-back.ts';
import type { OutageLog } from './redis-outage.ts';
import type { StageWorker } from './stage-worker.ts';

/** The dispatcher's lease: renewed every pass, so a dead dispatcher's turn passes on within this. */
const DISPATCH_LEASE_MS = 15_000;

export function createWebhookWorker(ctx: Context): StageWorker<'webhook'> {
  const policy = ctx.config.webhooks;
  const deps = {
    webhooks: ctx.webhooks,
    lines: ctx.webhooks.lines(),
    secrets: ctx.webhooks.secrets(),
    enqueue: (hookId: string, deliveryId: string, round: number) =>
      enqueueDelivery(ctx.queues, ctx.config, hookId, deliveryId, round),
    retry: policy,
    timeoutMs: policy.timeoutMs,
    legacyHeaders: policy.legacyHeaders,
    userAgent: 'LaySum-Webhooks/0.2',
    fetch: guardedFetch(ctx.config.fetch.allowPrivate),
  };
  const worker: StageWorker<'webhook'> = new Worker<JobPayload<'webhook'>, string, 'webhook'>(
    'webhook',
    async (job, token) => {
      if (worker.isPaused()) return handBackUntouched(job, token); // taken after pause: ./hand-back.ts
      const parsed = parsePayload('webhook', job.data);
      if (!parsed.success) throw new UnrecoverableError(`Invalid webhook payload: ${parsed.error.message}`);
      const { hookId, deliveryId } = parsed.data;
      try {
        return await attemptDelivery(deps, hookId, deliveryId, job.attemptsMade + 1);
      } catch (err) {
        // Refused or given up: the delivery is already marked failed; no retries.
        if (err instanceof PermanentError) throw new UnrecoverableError(err.message);
        throw err;
      }
    },
    {
      connection: redisOf(ctx),
      prefix: queuePrefix(ctx.config),
      concurrency: 4,
      settings: { backoffStrategy: (attemptsMade: number) => jitteredDelay(policy, attemptsMade) },
    },
  );
  return worker;
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
  const prefix = ctx.config.redis.prefix;
  const webhooks = new WebhookStore(redis, prefix);
  const lines = new WebhookLines(redis, prefix);
  await webhooks.ensureGroup();
  const deps = {
    store: ctx.store,
    webhooks,
    lines,
    enqueue: (hookId: string, deliveryId: string, round: number) =>
      enqueueDelivery(ctx.queues, ctx.config, hookId, deliveryId, round),
    publicBaseUrl: ctx.config.http.publicBaseUrl,
    credit: ctx.config.http.credit,
    keepMs: ctx.config.webhooks.keepMs,
  };
  const consumer = `${hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  let running = true;
  let lease: Awaited<ReturnType<typeof takeLease>> = null;
  const pause = () => new Promise((r) => setTimeout(r, blockMs));
  const loop = (async () => {
    while (running) {
      try {
        if (lease && !(await lease.renew())) lease = null;
        lease ??= await takeLease(redis, lines.dispatcherLease, DISPATCH_LEASE_MS);
        // Another process dispatches: wait for its turn to pass on.
        if (!lease) await pause();
        // The only dispatcher: what any other left unacknowledged is taken over at once, in order.
        else await dispatchOnce(deps, consumer, blockMs, 0);
      } catch (err) {
        if (!running) break;
        outage.error('webhook dispatcher', err instanceof Error ? err : new Error(String(err)));
        await pause();
      }
    }
  })();
  return {
    async close() {
      running = false;
      await loop;
      await lease?.release().catch(() => undefined);
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
