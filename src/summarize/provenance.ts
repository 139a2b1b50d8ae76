/** A draft's provenance with a further pass's calls added (simplify, verifier): tokens, calls, cache hits, cost. */
import type { Provenance, Usage } from '../domain/draft.ts';

export interface MoreCalls {
  usage: Usage;
  calls: number;
  costUsd: number;
  cacheHit: boolean;
}

export function withCalls(provenance: Provenance, more: MoreCalls): Provenance {
  const u = provenance.usage;
  return {
    ...provenance,
    usage: {
      promptTokens: u.promptTokens + more.usage.promptTokens,
      completionTokens: u.completionTokens + more.usage.completionTokens,
      cachedTokens: u.cachedTokens + more.usage.cachedTokens,
      totalTokens: u.totalTokens + more.usage.totalTokens,
      ...(u.estimated || more.usage.estimated ? { estimated: true } : {}),
    },
    llmCalls: provenance.llmCalls + more.calls,
    cacheHits: (provenance.cacheHits ?? 0) + (more.cacheHit ? 1 : 0),
    costUsd: (provenance.costUsd ?? 0) + more.costUsd,
  };
}
