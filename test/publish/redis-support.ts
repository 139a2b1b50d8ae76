/** Published papers in the real Redis, under a prefix of their own that `cleanup()` removes. */

import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Draft } from '../../src/domain/draft.ts';
import { identitiesOf } from '../../src/domain/identity.ts';
import type { LaySummary } from '../../src/domain/summary.ts';
import { approve } from '../../src/review/decisions.ts';
import { publish } from '../../src/review/publishing.ts';
import { ClaimStore } from '../../src/store/claims.ts';
import { DecisionStore } from '../../src/store/decisions.ts';
import { PaperStore } from '../../src/store/papers.ts';
import { deletePrefix } from '../../src/store/redis.ts';
import { pubmedRecord } from './support.ts';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestStore {
  prefix: string;
  store: PaperStore;
  /** A paper from a PubMed fixture with one AI draft, waiting for review. */
  drafted(file: string, pmid: string, summary: LaySummary): Promise<string>;
  publish(id: string): Promise<void>;
  cleanup(): Promise<void>;
}

/** Publishing never queues work; a call would be a bug in the test. */
const noQueue = {
  ingest: () => Promise.reject(new Error('unexpected ingest')),
  summarize: () => Promise.reject(new Error('unexpected summarize')),
};

function draftOf(summary: LaySummary): Draft {
  return {
    version: 1,
    summary,
    provenance: {
      provider: 'openai',
      model: 'test-model',
      promptVersion: 'summarize-v1',
      usage: { promptTokens: 812, completionTokens: 301, cachedTokens: 0, totalTokens: 1113 },
      llmCalls: 1,
      repairs: 0,
      createdAt: new Date().toISOString(),
    },
    author: 'ai',
    basedOn: null,
    reviewerNotes: null,
    notesForReviewer: [],
    checks: [],
  };
}

export function createTestStore(): TestStore {
  const prefix = `test-${randomUUID().slice(0, 12)}`;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const store = new PaperStore(redis, prefix);
  return {
    prefix,
    store,
    async drafted(file, pmid, summary) {
      const record = pubmedRecord(file, pmid);
      const identities = identitiesOf(record.ids);
      const { id } = await store.create({
        submission: { kind: 'pmid', pmid },
        origin: { actor: 'test' },
        identities,
      });
      await store.setRecord(id, await store.require(id), record, identities);
      await store.transition(id, { from: '*', to: 'summarizing', actor: 'test', action: 'ingested' });
      const opts = {
        expected: 0,
        from: ['summarizing'] as const,
        to: 'pending_review' as const,
        mode: 'job' as const,
      };
      await store.addDraft(id, draftOf(summary), { ...opts, actor: 'test', action: 'drafted' });
      return id;
    },
    async publish(id) {
      const deps = {
        store,
        enqueue: noQueue,
        autoPublish: false,
        summarizer: 'openai' as const,
        checkProfile: { readingTargetGrade: 8, focus: [] },
        decisions: new DecisionStore(store),
        claims: new ClaimStore(store),
        claimTtlMs: 60_000,
      };
      await approve(deps, id, 'test', { basedOn: 1 });
      await publish(deps, id, 'test', { basedOn: 1 });
    },
    async cleanup() {
      await deletePrefix(redis, prefix);
      await redis.quit();
    },
  };
}
