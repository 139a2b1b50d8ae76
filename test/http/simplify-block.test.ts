/** The review page's simplify block shows both figures, the decision and the text before the pass. */
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/domain/draft.ts';
import { SimplifyBlock } from '../../src/http/web/views/simplify-block.tsx';
import { fractureSummary } from '../support/summaries.ts';

const draft = (simplify: Draft['simplify']): Draft => ({
  version: 1,
  summary: fractureSummary,
  provenance: {
    provider: 'openai',
    model: 'm',
    promptVersion: 'summarize-v2',
    usage: { promptTokens: 0, completionTokens: 0, cachedTokens: 0, totalTokens: 0 },
    llmCalls: 2,
    repairs: 0,
    createdAt: '2026-01-01T00:00:00Z',
  },
  author: 'ai',
  basedOn: null,
  reviewerNotes: null,
  notesForReviewer: [],
  simplify,
  checks: [],
});

describe('SimplifyBlock', () => {
  it('shows both figures, which version the draft kept, and the draft before the pass', () => {
    const html = String(
      SimplifyBlock({
        draft: draft({
          promptVersion: 'simplify-v1',
          before: { ...fractureSummary, takeaway: 'The version before the simplify pass, word for word.' },
          beforeFigures: { grade: 10.3, hardWordShare: 0.29 },
          afterFigures: { grade: 6.1, hardWordShare: 0.2 },
          kept: 'rewrite',
          reason: 'Rewritten from grade 10.3 to 6.1; every number kept.',
        }),
      }),
    );
    expect(html).toContain(
      'Before: grade 10.3, 29% unfamiliar words. After: grade 6.1, 20% unfamiliar words.',
    );
    expect(html).toContain('The draft shows the rewrite.');
    expect(html).toContain('The version before the simplify pass, word for word.');
  });

  it('shows nothing for a draft without a simplify pass', () => {
    expect(SimplifyBlock({ draft: draft(undefined) })).toBeNull();
  });
});
