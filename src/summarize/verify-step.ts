/**
 * The verifier pass of the summarize stage: with a verifier configured
 * (LLM_VERIFY=true), the draft's sentences go to it once, and its verdicts
 * are stored on the draft and shown as a check beside the offline ones. A
 * failed call never costs the draft: it goes to review with the offline
 * checks and a note saying the verifier did not run. A 429 or a spent budget
 * is not a failure: the job waits (no attempt used) and the summary comes
 * from the cache when it runs again, as with the simplify pass.
 */
import { verifierCheck } from '../checks/verifier.ts';
import type { CheckResult, Provenance } from '../domain/draft.ts';
import type { DraftLinks, SourceSentences } from '../domain/links.ts';
import type { Verification } from '../domain/verification.ts';
import { describeError } from '../errors/describe.ts';
import { RateLimitedError } from '../errors/rate-limited-error.ts';
import { withCalls } from './provenance.ts';
import type { Summarizer } from './types.ts';

export interface VerifiedDraft {
  provenance: Provenance;
  verification: Verification;
  check: CheckResult;
  /** For the reviewer's notes: what went wrong, when something did. */
  note: string | null;
}

export async function verifyIfOn(
  summarizer: Summarizer,
  links: DraftLinks,
  source: SourceSentences,
  provenance: Provenance,
): Promise<VerifiedDraft | null> {
  if (!summarizer.verify) return null;
  try {
    const out = await summarizer.verify.verify({ sentences: links.links, source: source.sentences });
    const check = verifierCheck(out.verification, source);
    const problems = out.verification.problems;
    return {
      provenance: withCalls(provenance, out),
      verification: out.verification,
      check,
      note: problems.length ? `The verifier's answer was not all usable: ${problems.join('; ')}.` : null,
    };
  } catch (err) {
    if (err instanceof RateLimitedError) throw err;
    const reason = describeError(err).split('\n')[0] ?? 'unknown error';
    const verification: Verification = {
      promptVersion: summarizer.verify.promptVersion,
      model: null,
      status: 'failed',
      problems: [reason],
      verdicts: [],
    };
    return {
      provenance,
      verification,
      check: verifierCheck(verification, source),
      note: `The LLM verifier failed (${reason}): read the draft against the source yourself; the offline checks are below.`,
    };
  }
}
