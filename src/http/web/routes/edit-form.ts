/**
 * The posted draft form back into a summary: caveats one per line, topics comma
 * separated, ratings as score + rationale. Only fields that differ from the
 * version the reviewer saw become changes, so the audit entry names what was
 * really edited; editDraft validates the result with the LaySummary schema.
 */
import type { LaySummary } from '../../../domain/summary.ts';
import { InputError } from '../../../errors/input-error.ts';
import { FORM_KEYS, type FormValues } from '../views/form-values.ts';

/** The posted form as FormValues (missing fields are empty; browsers send CRLF line ends). */
export function valuesFromBody(body: Record<string, unknown>): FormValues {
  const entries = FORM_KEYS.map((k) => {
    const v = body[k];
    return [k, typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : ''] as const;
  });
  return Object.fromEntries(entries) as unknown as FormValues;
}

export function basedOnOf(values: FormValues): number {
  const n = Number(values.basedOn);
  if (!Number.isInteger(n) || n < 1) {
    throw new InputError('The form does not say which version it edits.', {
      hint: 'Reload the page and edit again.',
    });
  }
  return n;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
const commaList = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);

function score(text: string): number {
  const n = Number(text);
  return Number.isInteger(n) ? n : Number.NaN;
}

/** The summary the form describes (not yet validated). */
export function summaryFrom(v: FormValues): LaySummary {
  return {
    headline: v.headline.trim(),
    takeaway: v.takeaway.trim(),
    findings: v.findings.trim(),
    audience: v.audience.trim(),
    caveats: lines(v.caveats),
    topics: commaList(v.topics),
    ratings: {
      credibility: { score: score(v.credibilityScore), rationale: v.credibilityRationale.trim() },
      interest: { score: score(v.interestScore), rationale: v.interestRationale.trim() },
    },
  };
}

/** The fields the reviewer changed relative to `base`. */
export function changesFrom(base: LaySummary, v: FormValues): Partial<LaySummary> {
  const edited = summaryFrom(v);
  const changes: Partial<Record<keyof LaySummary, unknown>> = {};
  for (const key of Object.keys(edited) as Array<keyof LaySummary>) {
    if (JSON.stringify(edited[key]) !== JSON.stringify(base[key])) changes[key] = edited[key];
  }
  if (Object.keys(changes).length === 0) {
    throw new InputError('Nothing changed, so no new version was saved.', {
      hint: 'Edit a field, then save.',
    });
  }
  return changes as Partial<LaySummary>;
}
