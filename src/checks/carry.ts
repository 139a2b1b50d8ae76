/**
 * What a reviewer's edit keeps from the version it was based on: the model's
 * checked links and the verifier's verdicts of the sentences left as they
 * were (same field, same words; the splitter that numbers the source
 * sentences unchanged). An edited sentence has neither: it is aligned afresh,
 * and named as not verified since the edit rather than shown a verdict made
 * for other words.
 */
import type { DraftLinks } from '../domain/links.ts';
import type { Verification } from '../domain/verification.ts';
import { keepModelLinks } from './links.ts';

/** What the version an edit was based on holds. */
export interface EditBase {
  version: number;
  links?: DraftLinks | undefined;
  verification?: Verification | undefined;
}

export function carryLinks(fresh: DraftLinks, base: EditBase | undefined): DraftLinks {
  return keepModelLinks(fresh, base?.links);
}

export function carryVerification(fresh: DraftLinks, base: EditBase | undefined): Verification | undefined {
  const before = base?.verification;
  if (!base || !before) return undefined;
  const sameSource = base.links?.splitter === fresh.splitter;
  const carried = { ...before, carriedFrom: before.carriedFrom ?? base.version };
  if (before.status === 'failed') return { ...carried, unverified: [] };
  const same = (a: { field: string; text: string }, b: { field: string; text: string }) =>
    a.field === b.field && a.text === b.text;
  // Without the base's links, a sentence with a verdict is all that can be shown unchanged.
  const unchanged = (l: { field: string; text: string }) =>
    sameSource && (base.links?.links ?? before.verdicts).some((b) => same(b, l));
  const verdicts = [];
  const unverified = [];
  for (const l of fresh.links) {
    const kept = unchanged(l) ? before.verdicts.find((v) => same(v, l)) : undefined;
    const stillUnread = (before.unverified ?? []).some((u) => same(u, l));
    if (kept) verdicts.push({ ...kept, sentence: l.sentence });
    else if (!unchanged(l) || stillUnread)
      unverified.push({ field: l.field, sentence: l.sentence, text: l.text });
  }
  return { ...carried, verdicts, unverified };
}
