/**
 * The LLM verifier's verdicts as a check beside the offline ones: every
 * sentence it did not call supported (or called supported without naming a
 * source sentence that exists) becomes a flag naming the draft sentence, the
 * source sentences it compared and what differs. A failed verifier call is a
 * warning that says so: the draft then has the offline checks only.
 */
import type { CheckResult } from '../domain/draft.ts';
import type { CheckFlag, SourceSentences } from '../domain/links.ts';
import { VERDICT_WORDS, type Verdict, type Verification } from '../domain/verification.ts';
import { sentencesById } from '../text/source-sentences.ts';
import { flagMessage } from './flags.ts';

export const VERIFIER_CHECK = { id: 'verifier', label: 'LLM verifier' } as const;

function verdictFlag(v: Verdict, source: SourceSentences): CheckFlag | null {
  const cited = sentencesById(source, v.sources).map((s) => ({ id: s.id, text: s.text }));
  const base = { field: v.field, sentence: v.sentence, text: v.text, source: cited };
  if (v.label === 'supported') {
    if (cited.length) return null;
    const made = v.unknownSources.length
      ? ` (it named ${v.unknownSources.join(', ')}, which do not exist)`
      : '';
    return {
      ...base,
      differs: `called supported, but no source sentence was named${made}: check it yourself`,
    };
  }
  const why = v.why ? `: ${v.why}` : '';
  return { ...base, differs: `${VERDICT_WORDS[v.label]}${why}` };
}

/** On a reviewer's edit: whose verdicts these are, and each edited sentence named as not verified since the edit. */
function sinceEdit(v: Verification): { lead: string; tail: string; flags: CheckFlag[] } {
  if (!v.carriedFrom) return { lead: '', tail: '', flags: [] };
  const lead = `Verdicts of version ${v.carriedFrom}, kept for the sentences left as they were. `;
  const edited = v.unverified ?? [];
  if (!edited.length) return { lead, tail: '', flags: [] };
  const flags = edited.map((u) => ({
    ...u,
    source: [],
    differs: `not verified since the edit: the verifier read version ${v.carriedFrom}'s wording, not this one`,
  }));
  const n = edited.length;
  return {
    lead,
    tail: ` ${n} sentence${n > 1 ? 's' : ''} edited since ${n > 1 ? 'are' : 'is'} not verified since the edit: read ${n > 1 ? 'them' : 'it'} against the source yourself.`,
    flags,
  };
}

export function verifierCheck(verification: Verification, source: SourceSentences): CheckResult {
  const { id, label } = VERIFIER_CHECK;
  if (verification.status === 'failed') {
    return {
      id,
      label,
      status: 'warn',
      message: `The verifier did not run (${verification.problems.join('; ')}): this draft has the offline checks only.`,
      flags: [],
    };
  }
  const flags = verification.verdicts.flatMap((v) => verdictFlag(v, source) ?? []);
  const setAside = verification.problems.length ? ` Set aside: ${verification.problems.join('; ')}.` : '';
  const since = sinceEdit(verification);
  if (flags.length === 0) {
    return {
      id,
      label,
      status: verification.problems.length || since.flags.length ? 'warn' : 'pass',
      message: `${since.lead}${verification.model ?? 'The model'} found every sentence it labelled supported by the source.${setAside}${since.tail}`,
      flags: since.flags,
    };
  }
  return {
    id,
    label,
    status: 'warn',
    message: `${since.lead}${flags.length} sentence${flags.length > 1 ? 's' : ''} flagged by ${verification.model ?? 'the model'}: ${flagMessage(flags)}${setAside}${since.tail}`,
    flags: [...flags, ...since.flags],
  };
}
