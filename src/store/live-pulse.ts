/**
 * What an open desk page needs to know to stay current, read cheaply enough
 * to ask every second or two per open page: each paper's state, its number of
 * draft versions and who claims it, in one round trip (no document parsed),
 * and the id of the newest audit entry (anything that happened anywhere).
 * The desk's live streams (src/http/web/routes/live.ts) compare these.
 */
import type { Papers } from '../domain/ports/papers.ts';
import { type Keys, keys as keysOf } from './keys.ts';
import type { Pool } from './pg/connect.ts';
import { pgStatesAndDraftCounts } from './pg/extras.ts';
import { pgOf } from './pg/papers.ts';
import type { RedisClient } from './redis-client.ts';

export interface PaperPulse {
  state: string;
  /** The newest draft version (0 before the first draft). */
  version: number;
  /** Who holds a live claim on it, '' when nobody. */
  claimBy: string;
}

export interface LivePulse {
  /** Per asked paper id; a paper that does not exist is left out. */
  papers: Record<string, PaperPulse>;
  /** The newest audit entry's id ('' for none): it moves whenever anything is recorded. */
  latest: string;
}

function claimHolder(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  try {
    const parsed = JSON.parse(raw) as { by?: unknown };
    return typeof parsed.by === 'string' ? parsed.by : '';
  } catch {
    return '';
  }
}

/** Reads pulses for the desk's live streams: one round trip each. */
export type LivePulses = (ids: readonly string[]) => Promise<LivePulse>;

export function livePulses(redis: RedisClient, prefix: string, store?: Papers): LivePulses {
  const k = keysOf(prefix);
  const pg = store ? pgOf(store) : null;
  return pg ? (ids) => pgLivePulse(redis, k, pg.pool, ids) : (ids) => livePulse(redis, k, ids);
}

/** With the records in PostgreSQL: states and versions from there, claims and the newest entry (the mirrored stream) from Redis. */
async function pgLivePulse(
  redis: RedisClient,
  keys: Keys,
  pool: Pool,
  ids: readonly string[],
): Promise<LivePulse> {
  const multi = redis.multi();
  for (const id of ids) multi.get(keys.claim(id));
  multi.xrevrange(keys.auditAll, '+', '-', 'COUNT', 1);
  const [rows, replies] = await Promise.all([pgStatesAndDraftCounts(pool, ids), multi.exec()]);
  const papers: Record<string, PaperPulse> = {};
  ids.forEach((id, i) => {
    const row = rows[i];
    if (!row?.state) return;
    papers[id] = {
      state: row.state,
      version: Number(row.drafts ?? 0),
      claimBy: claimHolder(replies?.[i]?.[1]),
    };
  });
  const last = (replies?.[ids.length]?.[1] ?? []) as [string, string[]][];
  return { papers, latest: last[0]?.[0] ?? '' };
}

async function livePulse(redis: RedisClient, keys: Keys, ids: readonly string[]): Promise<LivePulse> {
  const multi = redis.multi();
  for (const id of ids) multi.hmget(keys.paper(id), 'state', 'drafts').get(keys.claim(id));
  multi.xrevrange(keys.auditAll, '+', '-', 'COUNT', 1);
  const replies = (await multi.exec()) ?? [];
  const papers: Record<string, PaperPulse> = {};
  ids.forEach((id, i) => {
    const [state, drafts] = (replies[2 * i]?.[1] ?? []) as (string | null)[];
    if (!state) return;
    papers[id] = { state, version: Number(drafts ?? 0), claimBy: claimHolder(replies[2 * i + 1]?.[1]) };
  });
  const last = (replies[2 * ids.length]?.[1] ?? []) as [string, string[]][];
  return { papers, latest: last[0]?.[0] ?? '' };
}
