/**
 * Numbers, sentence by sentence: each figure of a draft sentence is compared
 * with the figures of the source sentences it is linked to (./links.ts: the
 * model's checked ids where it gave them, else shared words), by
 * kind and unit (./figure-match.ts). A figure the linked sentences state
 * differently ("6 years" for "6 months", "39 times" for "39%", "15%" for "15
 * of 22") is flagged with both; so is a figure that the source states only in
 * another sentence about something else (a number that is right somewhere
 * else in the abstract is wrong here), two figures swapped between groups,
 * and a figure the source never states. Codes ("p53") and years need only be
 * somewhere in the source.
 */
import type { CheckResult } from '../domain/draft.ts';
import type { CheckFlag, SentenceLink, SourceSentence, SourceSentences } from '../domain/links.ts';
import { type Aligner, createAligner } from '../text/align.ts';
import { type Quantity, type SentenceFigures, sentenceFigures } from '../text/quantities.ts';
import { wordTerms } from '../text/terms.ts';
import { type CheckInput, result } from './context.ts';
import { sameCounted } from './counted.ts';
import { matchFigure } from './figure-match.ts';
import { flagMessage, flagOf } from './flags.ts';
import { checkedSources } from './link-sources.ts';

interface Located {
  q: Quantity;
  figures: SentenceFigures;
  sentence: SourceSentence;
}

/** Words that name a group or arm, once each, with their order: "terbutaline", "placebo", "treated", "women". */
function groupTerms(figures: SentenceFigures): Map<string, number> {
  const positions = new Map<string, number[]>();
  for (const m of figures.text.matchAll(/[\p{L}][\p{L}'-]*/gu))
    for (const t of wordTerms(m[0])) positions.set(t, [...(positions.get(t) ?? []), m.index]);
  const once = new Map<string, number>();
  for (const [t, at] of positions) if (at.length === 1 && !GENERIC.has(t)) once.set(t, at[0] ?? 0);
  return once;
}
const GENERIC = new Set([
  'group',
  'arm',
  'patient',
  'particip',
  'respect',
  'rate',
  'level',
  'compar',
  'week',
  'year',
  'month',
  'day',
]);

/** A pair the swap test can judge: figures of one kind, not codes or years ("PRC1" and "Igf2" name genes). */
function comparable(a: { q: Quantity; at: Located }, b: { q: Quantity; at: Located }): boolean {
  return sameKind(a.q, b.q) && ![a.q, b.q].some((q) => q.kind === 'code' || q.kind === 'year');
}

/** Where x is stated in its source sentence: of several ("95% CI ... 95% CI"), the one nearest `near`. */
function nearestAt(x: Located, near: number): number {
  const same = x.figures.quantities.filter((o) => o.value === x.q.value && o.kind === x.q.kind);
  return same.reduce((best, o) => (Math.abs(o.at - near) < Math.abs(best - near) ? o.at : best), x.q.at);
}

const straddles = (x: number, y: number, figures: readonly number[]) =>
  figures.some((f) => (x < f && f < y) || (y < f && f < x));

/**
 * Do two source words go with the figures: one on each side of a figure, or
 * both in the clause that lists the figures in their order ("A was better
 * than B (34.4% vs. 31.1%)")? Words in an earlier clause go with neither.
 */
function pairsFigures(x: number, y: number, figures: readonly number[], text: string): boolean {
  if (straddles(x, y, figures)) return true;
  const first = Math.min(...figures);
  return Math.max(x, y) < first && !/[,;:]/.test(text.slice(Math.min(x, y), first));
}

/** The draft's words from one figure to the other are the source's own: copied, so not swapped. */
function copied(draft: SentenceFigures, a: Quantity, b: Quantity, source: string): boolean {
  const [first, last] = a.at < b.at ? [a, b] : [b, a];
  const span = draft.text.slice(first.at, last.at + last.raw.length).replace(/\s+/g, ' ');
  return source.replace(/\s+/g, ' ').includes(span);
}

/**
 * Two figures of one draft sentence matched in one source sentence, the
 * other way round: the draft pairs the groups' words with the figures in the
 * opposite order to the source ("34.4% with A and 31.1% with B" against "A
 * was better than B (34.4% vs 31.1%)"). Pairs of group words decide by vote.
 */
function swapped(draft: SentenceFigures, pairs: ReadonlyArray<{ q: Quantity; at: Located }>): string | null {
  for (const [i, a] of pairs.entries()) {
    for (const b of pairs.slice(i + 1)) {
      if (a.at.sentence.id !== b.at.sentence.id || a.q.value === b.q.value || a.at.q === b.at.q) continue;
      if (!comparable(a, b) || copied(draft, a.q, b.q, a.at.figures.text)) continue;
      const [dg, sg] = [groupTerms(draft), groupTerms(a.at.figures)];
      const sourceA = nearestAt(a.at, b.at.q.at);
      const sourceB = nearestAt(b.at, sourceA);
      const shared = [...dg.keys()].filter((t) => sg.has(t));
      let [agree, disagree] = [0, 0];
      for (const [j, t1] of shared.entries()) {
        for (const t2 of shared.slice(j + 1)) {
          // Only words the draft puts on either side of a figure say which figure goes with which group.
          if (!straddles(dg.get(t1) ?? 0, dg.get(t2) ?? 0, [a.q.at, b.q.at])) continue;
          if (!pairsFigures(sg.get(t1) ?? 0, sg.get(t2) ?? 0, [sourceA, sourceB], a.at.figures.text))
            continue;
          const sourceOrder = (sg.get(t1) ?? 0) < (sg.get(t2) ?? 0) === sourceA < sourceB;
          const draftOrder = (dg.get(t1) ?? 0) < (dg.get(t2) ?? 0) === a.q.at < b.q.at;
          if (sourceOrder === draftOrder) agree++;
          else disagree++;
        }
      }
      if (disagree > agree)
        return `"${a.q.raw}" and "${b.q.raw}" look swapped between groups: the source sentence pairs them with the groups the other way round`;
    }
  }
  return null;
}

/** What the per-sentence judgement needs to know about the draft sentence. */
interface Linked {
  text: string;
  /** Its figures: a rival figure it states is no rival. */
  figures: readonly Quantity[];
  /** Source sentences its words come from, and how much of it they cover. */
  words: readonly SourceSentence[];
  best: number;
  /** Further source sentences linked through its figures only. */
  byFigure: readonly SourceSentence[];
}

type Verdict = { differs: string | null; at: Located | null; refs: SourceSentence[] };

/**
 * A figure found only in a sentence the draft sentence's words do not come
 * from. Right when that sentence says much of what the draft sentence says,
 * or when the sentence its words come from holds no figure of the same kind
 * left unstated (a draft sentence may join two source sentences); wrong when
 * it does: "25 loci" where the sentence about loci says 15 and "25" counts
 * cohorts elsewhere.
 */
function misplaced(q: Quantity, found: Located, linked: Linked, ctx: NumberContext, read: Reader): Verdict {
  const ok = { differs: null, at: found, refs: [found.sentence] };
  if (linked.best < CLEAR_LINK || ctx.byWords.coverage(linked.text, found.sentence.id) >= linked.best * 0.6)
    return ok;
  if (sameCounted(linked.text, q, found)) return ok;
  const rival = linked.words
    .flatMap((s) => read(s).quantities)
    .find((r) => sameKind(q, r) && !linked.figures.some((d) => matchFigure(d, r)?.kind === 'same'));
  if (!rival) return ok;
  return {
    differs: `"${q.raw}" is in the source about something else (source sentence ${found.sentence.id}); the sentence this one draws on says "${rival.raw}"`,
    at: null,
    refs: [...linked.words, found.sentence],
  };
}
/** Words-only coverage above which a draft sentence clearly draws on its best source sentence. */
const CLEAR_LINK = 0.3;
const SHARE_KINDS = new Set(['percent', 'fraction', 'frequency', 'share']);
const sameKind = (a: Quantity, b: Quantity) =>
  a.kind === b.kind || (SHARE_KINDS.has(a.kind) && SHARE_KINDS.has(b.kind));

export interface NumberContext {
  source: SourceSentences;
  /** The source sentences a draft sentence's words (not its figures) come from. */
  byWords: Aligner;
  /** The paper's publication year: a draft may name it. */
  year: string | null;
}

type Reader = (s: SourceSentence) => SentenceFigures;

/** One source's figures, read once per draft. */
export function figuresReader(source: SourceSentences): Reader {
  const cache = new Map<number, SentenceFigures>();
  return (s) => {
    const known = cache.get(s.id);
    if (known) return known;
    const f = sentenceFigures(s.text);
    cache.set(s.id, f);
    return f;
  };
}

/** The first source figure that is the same as q, else the first that is near it (with how it differs). */
function find(q: Quantity, list: readonly SourceSentence[], read: Reader) {
  let near: { differs: string; at: Located } | null = null;
  for (const sentence of list) {
    const figures = read(sentence);
    for (const sq of figures.quantities) {
      const m = matchFigure(q, sq);
      if (m?.kind === 'same') return { same: { q: sq, figures, sentence }, near: null };
      if (m?.kind === 'near' && !near) near = { differs: m.differs, at: { q: sq, figures, sentence } };
    }
  }
  return { same: null, near };
}

/** Names of diseases and viruses that carry digits, known without the source saying them. */
const KNOWN_CODE =
  /^(?:COVID-19|SARS-CoV-2|2019-nCoV|MERS-CoV|SARS-CoV|H1N1|H5N1|HIV-1|HIV-2|Omega-3|type-[12])$/i;

/** What is wrong with one figure of a draft sentence; `differs` is null when the source states it there. */
function judgeFigure(q: Quantity, linked: Linked, ctx: NumberContext, read: Reader): Verdict {
  const own = find(q, linked.words, read);
  if (own.same) return { differs: null, at: own.same, refs: [own.same.sentence] };
  if (q.kind === 'code' && KNOWN_CODE.test(q.raw)) return { differs: null, at: null, refs: [] };
  // A code or a date names something; it counts nothing, so no other sentence's figure is its rival.
  if (q.kind === 'code' || q.kind === 'year') {
    const anywhere = find(q, ctx.source.sentences, read);
    if (anywhere.same || (q.kind === 'year' && ctx.year?.startsWith(String(q.value))))
      return { differs: null, at: null, refs: [] };
    return { differs: `"${q.raw}" is not in the source`, at: null, refs: [...linked.words] };
  }
  const viaFigure = find(q, linked.byFigure, read);
  if (viaFigure.same) return misplaced(q, viaFigure.same, linked, ctx, read);
  const near = own.near ?? viaFigure.near;
  if (near) return { differs: near.differs, at: near.at, refs: [near.at.sentence] };
  const seen = new Set([...linked.words, ...linked.byFigure]);
  const elsewhere = find(
    q,
    ctx.source.sentences.filter((s) => !seen.has(s)),
    read,
  );
  if (elsewhere.same) return misplaced(q, elsewhere.same, linked, ctx, read);
  if (elsewhere.near)
    return { differs: elsewhere.near.differs, at: null, refs: [elsewhere.near.at.sentence] };
  return { differs: `"${q.raw}" is not in the source`, at: null, refs: [...linked.words] };
}

export function numberFlags(links: readonly SentenceLink[], ctx: NumberContext): CheckFlag[] {
  const read = figuresReader(ctx.source);
  const flags: CheckFlag[] = [];
  for (const link of links) {
    const draft = sentenceFigures(link.text);
    if (!draft.quantities.length) continue;
    const checked = checkedSources(link, ctx.source, ctx.byWords);
    const linked: Linked = {
      text: link.text,
      figures: draft.quantities,
      words: checked.primary,
      best: checked.coverage,
      byFigure: checked.second,
    };
    const matched: Array<{ q: Quantity; at: Located }> = [];
    for (const q of draft.quantities) {
      const verdict = judgeFigure(q, linked, ctx, read);
      if (verdict.differs) flags.push(flagOf(link, verdict.refs, verdict.differs));
      else if (verdict.at) matched.push({ q, at: verdict.at });
    }
    const swap = swapped(draft, matched);
    if (swap) flags.push(flagOf(link, [...new Set(matched.map((m) => m.at.sentence))], swap));
  }
  return flags;
}

export function numbersCheck({ record, alignment }: CheckInput): CheckResult {
  const flags = numberFlags(alignment.links, {
    source: alignment.source,
    byWords: createAligner(alignment.source, { figures: false }),
    year: record.publishedAt,
  });
  return flags.length === 0
    ? result(
        'numbers',
        'Numbers match the source',
        'pass',
        'Every figure matches the source sentence it comes from.',
      )
    : {
        ...result(
          'numbers',
          'Numbers match the source',
          'warn',
          `${flagMessage(flags)} Check each against the paper: copy figures exactly, or write them as "about 1 in 5".`,
        ),
        flags,
      };
}
