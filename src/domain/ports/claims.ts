/** The claims port: who is reviewing which paper, held for a while and renewed on each visit. Redis: src/store/claims.ts. */
import type { Claim } from '../claim.ts';

export type ClaimOutcome = 'claimed' | 'renewed' | 'taken' | 'held';

export interface ClaimResult {
  outcome: ClaimOutcome;
  /** The claim as it now stands (the caller's, or for 'held' the holder's). */
  claim: Claim;
  /** For 'taken': the claim that was taken over. */
  previous: Claim | null;
}

export interface Claims {
  /** Claim (or renew one's own claim) for `ttlMs`; held by someone else: 'held', unless `takeOver`. */
  claim(paperId: string, actor: string, ttlMs: number, takeOver: boolean): Promise<ClaimResult>;
  /** Give one's own claim back; true when there was one. */
  release(paperId: string, actor: string): Promise<boolean>;
  get(paperId: string): Promise<Claim | null>;
  /** The live claims among these papers. */
  many(paperIds: readonly string[]): Promise<Map<string, Claim>>;
}
