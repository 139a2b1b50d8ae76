/**
 * Claims in Redis: one key per claimed paper holding who and since when, with
 * a TTL, so a claim lapses by itself when nobody renews it. Claiming and
 * taking over are one script (./lua/claim.lua): two reviewers opening a
 * draft at once get one claim between them.
 */
import type { Claim } from '../domain/claim.ts';
import type { ClaimOutcome, ClaimResult, Claims } from '../domain/ports/claims.ts';
import type { Papers } from '../domain/ports/papers.ts';
import { internalsOf, type StoreInternals } from './internals.ts';

export type { ClaimOutcome, ClaimResult } from '../domain/ports/claims.ts';

function parse(paperId: string, raw: string, ttlMs: number): Claim {
  const { by, since } = JSON.parse(raw) as { by: string; since: string };
  return { paperId, by, since, expiresAt: new Date(Date.now() + Math.max(ttlMs, 0)).toISOString() };
}

/** The claims port (../domain/ports/claims.ts) in Redis, under the paper store's keys. */
export class ClaimStore implements Claims {
  constructor(private readonly store: Papers) {}

  private get internals(): StoreInternals {
    return internalsOf(this.store);
  }

  async claim(paperId: string, actor: string, ttlMs: number, takeOver: boolean): Promise<ClaimResult> {
    const key = this.internals.keys.claim(paperId);
    const now = new Date().toISOString();
    const [outcome, current, previous] = await this.internals.scripts.laysumClaim(
      key,
      actor,
      now,
      ttlMs,
      takeOver ? '1' : '0',
    );
    const left = outcome === 'held' ? await this.internals.redis.pttl(key) : ttlMs;
    return {
      outcome: outcome as ClaimOutcome,
      claim: parse(paperId, current, left),
      previous: previous ? parse(paperId, previous, 0) : null,
    };
  }

  /** True when the caller's claim was given back; someone else's claim is left alone. */
  async release(paperId: string, actor: string): Promise<boolean> {
    return (await this.internals.scripts.laysumRelease(this.internals.keys.claim(paperId), actor)) === 1;
  }

  async get(paperId: string): Promise<Claim | null> {
    return (await this.many([paperId])).get(paperId) ?? null;
  }

  /** The live claims among these papers, by paper id (one round trip). */
  async many(paperIds: readonly string[]): Promise<Map<string, Claim>> {
    const found = new Map<string, Claim>();
    if (paperIds.length === 0) return found;
    const multi = this.internals.redis.multi();
    for (const id of paperIds) multi.get(this.internals.keys.claim(id)).pttl(this.internals.keys.claim(id));
    const replies = (await multi.exec()) ?? [];
    paperIds.forEach((id, i) => {
      const raw = replies[2 * i]?.[1];
      const left = Number(replies[2 * i + 1]?.[1]);
      if (typeof raw === 'string' && left > 0) found.set(id, parse(id, raw, left));
    });
    return found;
  }
}
