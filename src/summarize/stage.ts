/**
 * The summarize stage: write draft version N of a paper's lay summary, run the
 * quality checks, and put the draft in the review queue. Idempotent: if
 * version N already exists (a retried or duplicated job), nothing is called
 * and nothing is written.
 */

import { DEFAULT_PROFILE } from '../checks/context.ts';
import { alignDraft, draftLinks } from '../checks/links.ts';
import { assessDraft } from '../checks/run-checks.ts';
import type { Draft, Provenance, SimplifyPass } from '../domain/draft.ts';
import type { PaperRecord } from '../domain/paper.ts';
import type { Papers } from '../domain/ports/papers.ts';
import type { LaySummary } from '../domain/summary.ts';
import { allows, TRANSITIONS } from '../domain/transitions.ts';
import { describeError } from '../errors/describe.ts';
import { RateLimitedError } from '../errors/rate-limited-error.ts';
import { splitSource } from '../text/source-sentences.ts';
import { withModelLinks } from './link-step.ts';
import { withCalls } from './provenance.ts';
import { figuresOf } from './simplify.ts';
import type { SummarizeOutput, Summarizer } from './types.ts';
import { verifyIfOn } from './verify-step.ts';

export interface SummarizeDeps {
  store: Papers;
  summarizer: Summarizer;
}

export type SummarizeOutcome = 'drafted' | 'skipped';

export async function summarizePaper(
  deps: SummarizeDeps,
  paperId: string,
  version: number,
): Promise<SummarizeOutcome> {
  const { store } = deps;
  const paper = await store.require(paperId);
  if (paper.draftCount >= version || !allows(TRANSITIONS.drafted.from, paper.state) || !paper.record)
    return 'skipped';
  const previous = version > 1 ? await store.latestDraft(paperId) : null;
  const reviewerNotes = version > 1 ? paper.reason : null;
  const first = await deps.summarizer.summarize({
    record: paper.record,
    reviewerNotes,
    previous: previous?.summary ?? null,
  });
  const simplified = await simplifyIfHard(deps.summarizer, first, paper.record);
  const { summary, simplify } = simplified;
  const profile = deps.summarizer.profile ?? DEFAULT_PROFILE;
  const provider = simplified.provenance.provider;
  const source = splitSource(paper.record);
  const aligned = draftLinks(alignDraft(summary, paper.record, source));
  const linked = withModelLinks(aligned, first.sentenceSources, source, simplify?.kept === 'rewrite');
  // The checks run once, on the model's links where they were accepted, as they do after an edit.
  const { checks } = assessDraft(summary, paper.record, profile, provider, { version, links: linked.links });
  const verified = await verifyIfOn(deps.summarizer, linked.links, source, simplified.provenance);
  const provenance = verified?.provenance ?? simplified.provenance;
  const notes = [
    ...(first.notesForReviewer ?? []),
    ...(simplify ? [simplify.reason] : []),
    ...(linked.note ? [linked.note] : []),
    ...(verified?.note ? [verified.note] : []),
  ];
  const draft: Draft = {
    version,
    summary,
    provenance,
    author: provenance.provider === 'extractive' ? 'extractive' : 'ai',
    basedOn: previous?.version ?? null,
    reviewerNotes,
    notesForReviewer: notes,
    ...(simplify ? { simplify } : {}),
    checks: verified ? [...checks, verified.check] : checks,
    links: linked.links,
    ...(verified ? { verification: verified.verification } : {}),
  };
  const written = await store.addDraft(paperId, draft, {
    expected: version - 1,
    ...TRANSITIONS.drafted,
    mode: 'job',
    paper,
    actor: `summarizer:${provenance.provider}`,
    note: `version ${version} by ${provenance.provider}/${provenance.model}${provenance.repairs ? `, ${provenance.repairs} repair(s)` : ''}`,
  });
  return written ? 'drafted' : 'skipped';
}

/**
 * One simplify pass when the draft is above the site's reading target. A
 * failed pass never costs the draft: the original is kept and the reason told.
 */
async function simplifyIfHard(
  summarizer: Summarizer,
  first: SummarizeOutput,
  record: PaperRecord,
): Promise<{ summary: LaySummary; provenance: Provenance; simplify: SimplifyPass | null }> {
  const { summary, provenance } = first;
  const target = (summarizer.profile ?? DEFAULT_PROFILE).readingTargetGrade;
  const beforeFigures = figuresOf(summary);
  if (!summarizer.simplify || beforeFigures.grade <= target) return { summary, provenance, simplify: null };
  try {
    const out = await summarizer.simplify({
      summary,
      record,
      targetGrade: target,
      ...(first.firstCall ? { firstCall: first.firstCall } : {}),
    });
    return { summary: out.summary, provenance: withCalls(provenance, out), simplify: out.pass };
  } catch (err) {
    // A 429 or a spent budget is not the pass failing: the job waits and runs again (the first call then comes from the cache).
    if (err instanceof RateLimitedError) throw err;
    const reason = `Kept the original: the simplify pass failed (${describeError(err).split('\n')[0]}).`;
    return {
      summary,
      provenance,
      simplify: {
        promptVersion: 'simplify',
        before: summary,
        beforeFigures,
        afterFigures: null,
        kept: 'original',
        reason,
      },
    };
  }
}
