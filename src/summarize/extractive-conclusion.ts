/**
 * For the offline provider: the abstract's main conclusion, and what a reader
 * should keep in mind about the kind of study it is. The conclusion is the
 * conclusion section's own statement of the result (or, in an abstract with
 * no sections, the sentence that concludes), never a side sentence about the
 * future ("FK317 is now undergoing phase I trials", "further studies are
 * needed"). Study-type wording comes only from the recognized design.
 */
import type { AbstractSection } from '../domain/paper.ts';
import type { DesignId } from '../evidence/designs.ts';
import { sentences } from '../text/sentences.ts';

/** About what comes next, not what was found. */
const SIDE =
  /\b(?:is|are) (?:now |currently )?(?:undergoing|being (?:tested|evaluated|investigated)|in (?:phase|clinical))\b|\b(?:further|future|more|larger|additional|prospective|randomi[sz]ed),? (?:[\w-]+,? ){0,3}?(?:studies|research|trials?|investigations?|work)\b[^.]*\b(?:needed|needs?|required|warranted|necessary|should|will|could|may)\b|\b(?:warrants?|merits?|deserves?) (?:further|more)\b|\bremains? to be (?:seen|determined|established)\b|\bworthy of further\b|\b(?:is|are) (?:needed|warranted|required)\b|\bregistered\b|\bfunded by\b|\blimitations?\b|\blimiting (?:our|the|these)\b/i;
/** Says what the study concluded, in so many words. */
const CONCLUDES =
  /^(?:in conclusion|to conclude|in summary|overall|taken together|collectively|altogether|thus|therefore|hence)\b|\b(?:these|our|the|this|present) (?:[\w-]+ ){0,3}?(?:results|findings|data|observations) (?:suggest|indicate|show|demonstrate|support|reveal|establish|highlight|provide|confirm|imply)\w*|\bwe conclude\b/i;
/** Says what the study found, less formally. */
const FOUND =
  /\bwe (?:propose|found|find|show|demonstrate|identified|report)\b|\b(?:this|our|the present) (?:study|work|trial|analysis|review) (?:shows|demonstrates|suggests|indicates|provides|found|finds|establishes)\b/i;
/** Sets the scene or says what was done, not what was found. */
const SETUP =
  /^(?:background|objectives?|aims?|purpose|methods?)\b|\bresults are presented\b|\b(?:the )?aims? (?:of|was|were|is)\b|\bwe (?:aimed|sought|investigated|examined|evaluated|assessed|hypothesi[sz]ed|studied|measured|recruited|enrolled|used)\b|\bwas (?:to|used|performed|conducted)\b|\bis (?:a|an) (?:common|major|rare|important|leading)\b|\b(?:remains|is) (?:unclear|unknown|poorly understood)\b|\blittle is known\b/i;

/** The one or two sentences that state the abstract's main conclusion, in order. */
export function mainConclusion(parts: readonly AbstractSection[], all: readonly string[]): string[] {
  const conclusion = parts.find((s) =>
    /conclu|interpret|implication/i.test(`${s.label ?? ''} ${s.category ?? ''}`),
  );
  if (conclusion) {
    const said = sentences(conclusion.text);
    const main = said.filter((s) => !SIDE.test(s));
    return (main.length ? main : said).slice(0, 2);
  }
  return [concluding(all)].filter((s): s is string => Boolean(s));
}

/** In an abstract without sections: the last sentence that concludes, else one that says what was found, else the last result. */
function concluding(all: readonly string[]): string | undefined {
  const candidates = all.filter((s) => !SIDE.test(s));
  const last = (pattern: RegExp) => candidates.filter((s) => pattern.test(s)).at(-1);
  const results = candidates.filter((s) => !SETUP.test(s));
  return last(CONCLUDES) ?? last(FOUND) ?? results.at(-1) ?? candidates.at(-1) ?? all.at(-1);
}

/** What a reader should keep in mind about this kind of study, after "This is <design>." */
const KEEP_IN_MIND: Record<DesignId, string> = {
  opinion: 'It gives the authors’ views; it does not report new results.',
  'case-report': 'What happened to one or a few patients may not happen to others.',
  'case-series': 'With no comparison group, it cannot show that the treatment caused the outcome.',
  'systematic-review': 'Results for a group of people may not apply to any one person.',
  'secondary-analysis': 'Results for a group of people may not apply to any one person.',
  'single-arm': 'With no comparison group, it cannot show that the treatment caused the outcome.',
  'phase-1': 'It tests safety in a few people; it does not show whether the treatment works.',
  rct: 'Results for a group of people may not apply to any one person.',
  trial: 'Results for a group of people may not apply to any one person.',
  'cross-sectional': 'It looks at one moment in time, so it cannot show what causes what.',
  qualitative: 'It describes people’s experiences; it does not measure how often things happen.',
  observational: 'Results for a group of people may not apply to any one person.',
  animal: 'Results in animals often do not hold in people.',
  'in-vitro': 'Results in the laboratory often do not hold in people.',
  method: 'It describes a method or tool; it does not show whether it helps patients.',
  'narrative-review': 'It did not search for every study, so it may leave out some that disagree.',
};

export function designCaveat(design: { id: DesignId; plain: string }): string {
  return `This is ${design.plain}. ${KEEP_IN_MIND[design.id]}`;
}
