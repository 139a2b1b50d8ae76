/**
 * The audit log in Redis (the AuditLog port of ../domain/ports/): the stream
 * of every paper's entries, read forwards from an id or instant and paged
 * backwards from a cursor, the cursor being a stream id, so the history can
 * page back to the first entry without counting from the top; adding an
 * entry that changes no state; and the day's decision counts.
 */
import { AuditEntry as AuditEntrySchema } from '../domain/draft.ts';
import type { AuditInput, AuditLog as AuditLogPort, StreamEntry } from '../domain/ports/audit.ts';
import { decisionCounts } from './decision-counts.ts';
import { utcDay } from './decisions.ts';
import type { Keys } from './keys.ts';
import type { RedisClient } from './redis-client.ts';
import { auditEntry } from './script-results.ts';

export type { StreamEntry } from '../domain/ports/audit.ts';

const parse = (rows: [string, string[]][]): StreamEntry[] =>
  rows.map(([id, fields]) => ({ id, entry: AuditEntrySchema.parse(JSON.parse(fields[1] ?? '{}')) }));

export class AuditLog implements AuditLogPort {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  /** Up to `max` entries from the id (or ms) `from` on, after it when `exclusive`, oldest first. */
  async after(from: string, exclusive: boolean, max: number): Promise<StreamEntry[]> {
    return parse(
      await this.redis.xrange(this.keys.auditAll, exclusive ? `(${from}` : from, '+', 'COUNT', max),
    );
  }

  /**
   * Up to `count` entries, newest first, strictly older than the `before` id
   * (from the newest when null) and not older than `since` ms when given.
   */
  async page(opts: {
    before: string | null;
    count: number;
    since?: number | undefined;
  }): Promise<StreamEntry[]> {
    const end = opts.before ? `(${opts.before}` : '+';
    const start = opts.since !== undefined ? String(opts.since) : '-';
    return parse(await this.redis.xrevrange(this.keys.auditAll, end, start, 'COUNT', opts.count));
  }

  /** Add an audit entry that does not change state (a take-over, a note): to the paper's trail and the log. */
  async append(
    id: string,
    input: AuditInput,
    from: string | null = null,
    to: string | null = null,
  ): Promise<void> {
    const entry = auditEntry(id, input, from, to, new Date());
    await this.redis
      .multi()
      .rpush(this.keys.audit(id), entry)
      .xadd(this.keys.auditAll, '*', 'entry', entry)
      .exec();
  }

  /** Decisions per person on the UTC day of `at`, or null when the counts may miss some (see ./decision-counts.ts). */
  decisionCounts(at: Date): Promise<Map<string, number> | null> {
    return decisionCounts(this.redis, this.keys, utcDay(at));
  }
}
