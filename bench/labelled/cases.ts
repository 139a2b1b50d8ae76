/**
 * The labelled corpora in shared/realdata/labelled (written and labelled by
 * researchers, not by LaySum's authors) turned into cases for the checks:
 * one draft sentence, the source it must be faithful to, which check it
 * measures and whether a careful reviewer wants it flagged. How each label
 * maps to "flawed" or "faithful" is written down in docs/checks.md; this file
 * is that mapping. Each case is in the tuning part or the held-out part by a
 * hash of its id (about 30% held out), the same on every machine.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { sentences } from '../../src/text/sentences.ts';

export type CheckName = 'numbers' | 'certainty' | 'hedges' | 'advice';

export interface LabelledCase {
  corpus: string;
  id: string;
  check: CheckName;
  expect: 'flag' | 'pass';
  /** The draft sentence. */
  sentence: string;
  /** The source: title and abstract text (empty when the check reads the sentence alone). */
  source: string;
  heldOut: boolean;
}

/** About 30% of ids, chosen by the first 32 bits of their SHA-256. */
export function isHeldOut(id: string): boolean {
  return Number.parseInt(createHash('sha256').update(id).digest('hex').slice(0, 8), 16) / 2 ** 32 < 0.3;
}

/**
 * UTF-8 read as Latin-1 somewhere upstream ("122â\u0080¯300" for "122 300"
 * with a narrow space; "â\u0080\u0093" for an en dash): the bytes decoded
 * again. LaySum's sources arrive as UTF-8, so this is the corpus, not a check.
 */
export function repairMojibake(text: string): string {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return text.replace(/[\u00c2-\u00f4][\u0080-\u00bf]{1,3}/g, (m) => {
    try {
      return decoder.decode(Buffer.from(m, 'latin1'));
    } catch {
      return m;
    }
  });
}

export const Row = z.object({
  id: z.string(),
  source_text: z.string().transform(repairMojibake),
  summary_text: z.string().transform(repairMojibake),
  labels: z.record(z.string(), z.unknown()),
});
export type Row = z.infer<typeof Row>;

const make = (
  corpus: string,
  id: string,
  check: CheckName,
  expect: 'flag' | 'pass',
  sentence: string,
  source: string,
) => ({
  corpus,
  id,
  check,
  expect,
  sentence,
  source,
  heldOut: isHeldOut(id),
});

/** A figure other than a code ("COVID-19", "SARS-CoV-2" carry digits but state no figure). */
const FIGURE =
  /(?<![\p{L}-])\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand|half|twice|third|quarter)\b/iu;

/**
 * Check-COVID: a news claim against its abstract. SUPPORT is faithful,
 * REFUTE is flawed, NOT ENOUGH INFO is left out. Claims that state a figure
 * measure the numbers check; the others measure the certainty check.
 */
export function checkCovidCases(row: Row): LabelledCase[] {
  const label = row.labels.label;
  if (label !== 'SUPPORT' && label !== 'REFUTE') return [];
  const check = FIGURE.test(row.summary_text.replace(/COVID-19|SARS-CoV-2|2019-nCoV/gi, ''))
    ? 'numbers'
    : 'certainty';
  return [
    make(
      'Check-COVID',
      row.id,
      check,
      label === 'REFUTE' ? 'flag' : 'pass',
      row.summary_text,
      row.source_text,
    ),
  ];
}

const PROMPT = z.object({
  intervention: z.string(),
  comparator: z.string(),
  outcome: z.string(),
  label: z.string(),
});
const VERB: Record<string, [string, string]> = {
  'significantly increased': ['increased', 'reduced'],
  'significantly decreased': ['reduced', 'increased'],
  'no significant difference': ['made no significant difference to', 'increased'],
};

/**
 * Evidence Inference: a trial finding (intervention, comparator, outcome,
 * direction). Two cases each: the finding as the researchers labelled it
 * (faithful) and with its direction turned round, or "no difference" stated
 * as an increase (flawed). Both measure the certainty check.
 */
export function evidenceInferenceCases(row: Row): LabelledCase[] {
  const p = PROMPT.safeParse(row.labels);
  const verbs = p.success ? VERB[p.data.label] : undefined;
  if (!p.success || !verbs) return [];
  const say = (verb: string) =>
    `Compared with ${p.data.comparator}, ${p.data.intervention} ${verb} ${p.data.outcome}.`;
  return [
    make('Evidence Inference', `${row.id}:faithful`, 'certainty', 'pass', say(verbs[0]), row.source_text),
    make('Evidence Inference', `${row.id}:flipped`, 'certainty', 'flag', say(verbs[1]), row.source_text),
  ].map((c) => ({ ...c, heldOut: isHeldOut(row.id) }));
}

const Loss = z.object({ summary_spans: z.array(z.string()) });

/**
 * InfoLossQA: lay versions of trial abstracts where experts marked every
 * omission and oversimplification. A lay sentence no expert marked is
 * faithful: a flag on it from the numbers, certainty or advice check is a
 * false flag. (Marked sentences lose detail rather than state a wrong figure
 * or claim, so they are not counted as flawed for these checks.)
 */
export function infoLossCases(row: Row): LabelledCase[] {
  const losses = z.array(Loss).safeParse(row.labels.info_loss);
  const spans = losses.success ? losses.data.flatMap((l) => l.summary_spans) : [];
  return sentences(row.summary_text.replace(/^[A-Z ]+\.\s*$/gm, ''))
    .filter(
      (s) =>
        s.split(/\s+/).length >= 5 && !spans.some((span) => span && (s.includes(span) || span.includes(s))),
    )
    .flatMap((s, i) =>
      (['numbers', 'certainty', 'advice'] as const).map((check) => ({
        ...make('InfoLossQA', `${row.id}:${i}:${check}`, check, 'pass', s, row.source_text),
        heldOut: isHeldOut(row.id),
      })),
    );
}

/**
 * Certainty in Science Communication: findings rated 1-6 for certainty.
 * Rated 3 or less is hedged, 5 or more is certain (the middle is left out);
 * measures the hedge reading the certainty check relies on: a hedged finding
 * must read as hedged ("flag"), a certain one must not.
 */
export function certaintyCases(row: Row): LabelledCase[] {
  const score = row.labels.sentence_level_certainty;
  if (typeof score !== 'number' || (score > 3 && score < 5)) return [];
  return [
    make(
      'Certainty in Science Communication',
      row.id,
      'hedges',
      score <= 3 ? 'flag' : 'pass',
      row.summary_text,
      '',
    ),
  ];
}

export const CORPORA: ReadonlyArray<{ file: string; cases: (row: Row) => LabelledCase[] }> = [
  { file: 'check_covid.jsonl', cases: checkCovidCases },
  { file: 'evidence_inference_v2_abstracts.jsonl', cases: evidenceInferenceCases },
  { file: 'infolossqa.jsonl', cases: infoLossCases },
  { file: 'certainty_science_findings.jsonl', cases: certaintyCases },
];
