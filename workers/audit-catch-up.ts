/**
 * The audit stream's catch-up on a schedule (src/store/audit-mirror.ts): with
 * the records in PostgreSQL, every AUDIT_CATCHUP_MS each worker process offers
 * to send what writes left out of the stream; one at a time across the fleet.
 */
import type { Logger } from '../src/log/logger.ts';
import type { Context } from '../src/runtime/context.ts';
import { catchUpAuditStream, hasAuditOutbox } from '../src/store/audit-mirror.ts';
import type { OutageLog } from './redis-outage.ts';

export interface CatchUp {
  stop(): Promise<void>;
}

export function startAuditCatchUp(ctx: Context, outage: OutageLog, log: Logger): CatchUp | null {
  if (!hasAuditOutbox(ctx.store)) return null;
  const everyMs = ctx.config.workers.auditCatchUpMs;
  // One pass at a time in this process too: a slow one is not queued behind.
  let running: Promise<void> | null = null;
  const pass = async () => {
    try {
      const sent = await catchUpAuditStream(ctx.store, everyMs);
      if (sent)
        log.info(
          { sent },
          `audit catch-up: sent ${sent} audit entries that missed the stream after their commit`,
        );
    } catch (err) {
      // Redis away is the outage log's one line; anything else (PostgreSQL) is logged as it comes.
      outage.error('audit catch-up', err instanceof Error ? err : new Error(String(err)));
    } finally {
      running = null;
    }
  };
  const timer = setInterval(() => {
    running ??= pass();
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
