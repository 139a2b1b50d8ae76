/**
 * The audit log port in PostgreSQL: every paper's entries in the `audit`
 * table. A row's stream id is `<ms>-<seq>` (its time and its serial), the form
 * the Redis stream's ids have and callers build (`${ms}-0`, a bare ms), read
 * and paged in (ms, seq) order. Decision counts are a query over the day.
 */
import { AuditEntry } from '../../domain/draft.ts';
import type { AuditInput, AuditLog, StreamEntry } from '../../domain/ports/audit.ts';
import { auditEntry } from '../script-results.ts';
import type { Pool } from './connect.ts';
import type { Writer } from './rows.ts';

/** The actions counted as a person's decisions (as ../lua/decision-count.lua counts them). */
const DECISIONS = ['approved', 'rejected', 'changes requested', 'published', 'unpublished'];
const DAY_MS = 86_400_000;

/** `<ms>-<seq>` or `<ms>` as a (ms, seq) pair; a missing seq is 0. */
export function parseStreamId(id: string): [number, number] {
  const [ms = '0', seq = '0'] = id.split('-');
  return [Number(ms) || 0, Number(seq) || 0];
}

interface Row {
  at_ms: string;
  seq: string;
  entry: unknown;
}

const toEntries = (rows: Row[]): StreamEntry[] =>
  rows.map((r) => ({ id: `${r.at_ms}-${r.seq}`, entry: AuditEntry.parse(r.entry) }));

export class PgAuditLog implements AuditLog {
  constructor(
    private readonly pool: Pool,
    private readonly writer: Writer,
  ) {}

  async after(from: string, exclusive: boolean, max: number): Promise<StreamEntry[]> {
    const [ms, seq] = parseStreamId(from);
    const { rows } = await this.pool.query<Row>(
      `SELECT at_ms, seq, entry FROM audit WHERE (at_ms, seq) ${exclusive ? '>' : '>='} ($1, $2)
       ORDER BY at_ms, seq LIMIT $3`,
      [ms, seq, max],
    );
    return toEntries(rows);
  }

  async page(opts: {
    before: string | null;
    count: number;
    since?: number | undefined;
  }): Promise<StreamEntry[]> {
    const [ms, seq] = opts.before ? parseStreamId(opts.before) : [Number.MAX_SAFE_INTEGER, 0];
    const { rows } = await this.pool.query<Row>(
      `SELECT at_ms, seq, entry FROM audit WHERE (at_ms, seq) < ($1, $2) AND at_ms >= $3
       ORDER BY at_ms DESC, seq DESC LIMIT $4`,
      [ms, seq, opts.since ?? 0, opts.count],
    );
    return toEntries(rows);
  }

  async append(
    id: string,
    input: AuditInput,
    from: string | null = null,
    to: string | null = null,
  ): Promise<void> {
    const now = new Date();
    await this.writer.write((tx) => tx.audit(id, auditEntry(id, input, from, to, now), now.getTime()));
  }

  /** Always whole: the audit table holds every entry, so the count never falls back (never null). */
  async decisionCounts(at: Date): Promise<Map<string, number>> {
    const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
    const { rows } = await this.pool.query<{ actor: string; n: string }>(
      `SELECT entry->>'actor' AS actor, count(*) AS n FROM audit
       WHERE at_ms >= $1 AND at_ms < $2 AND entry->>'action' = ANY($3) GROUP BY 1`,
      [day, day + DAY_MS, DECISIONS],
    );
    return new Map(rows.map((r) => [r.actor, Number(r.n)]));
  }
}
