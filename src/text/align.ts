/**
 * The offline alignment: each draft sentence linked to the source sentences
 * that support it, best first. Source sentences are ranked by BM25 on the
 * draft sentence's terms (stemmed content words, numbers, codes); the best is
 * linked, and up to two more when they hold terms the first lacks (a draft
 * sentence often joins two source sentences). The score is the share of the
 * draft sentence's terms, weighted by idf, found in the linked sentences; a
 * sentence below SUPPORTED_MIN keeps its nearest source sentences but is
 * marked unsupported. A reviewer can follow every step: shared terms decide.
 */
import type { SentenceLink, SourceSentences } from '../domain/links.ts';
import { bm25Index } from './bm25.ts';
import { sentences } from './sentences.ts';
import { sentenceTerms, wordTerms } from './terms.ts';

export const ALIGNER_VERSION = 'bm25-overlap-2';

/** Weighted coverage at or above which a draft sentence counts as supported. */
export const SUPPORTED_MIN = 0.4;
const MAX_LINKS = 3;
/** A further source sentence is linked when it adds this much weighted coverage... */
const MIN_GAIN = 0.15;
/** ...and scores at least this share of the best one. */
const MIN_RELATIVE = 0.3;

export interface DraftField {
  field: string;
  text: string;
}

export interface Aligner {
  link(field: string, sentence: number, text: string): SentenceLink;
  /** The share of a draft sentence's terms (idf-weighted) that one source sentence holds, 0-1. */
  coverage(text: string, sourceId: number): number;
  /** The share the given source sentences hold together, 0-1 (rounded as a link's score). */
  coverageOf(text: string, sourceIds: readonly number[]): number;
  /**
   * The share the given source sentences hold of the draft sentence's terms
   * that the source has somewhere, 0-1; 0 when fewer than KNOWN_TERMS_MIN of
   * its terms are in the source. A reworded sentence ("Kids can catch the
   * bug at school") keeps only a few of the source's words, but those few
   * still show which source sentence it restates.
   */
  coverageOfKnown(text: string, sourceIds: readonly number[]): number;
}

/** Terms a draft sentence must share with the source before its known-term coverage counts. */
export const KNOWN_TERMS_MIN = 3;

/**
 * Build the index over the source once; link any number of draft sentences
 * against it. Without figures (`figures: false`) only words count: the
 * numbers check uses that to see which sentence a figure's words come from,
 * since a wrong figure pulls the full alignment towards wherever it appears.
 */
export function createAligner(source: SourceSentences, options: { figures?: boolean } = {}): Aligner {
  const terms = options.figures === false ? wordTerms : sentenceTerms;
  const index = bm25Index(source.sentences.map((s) => terms(s.text)));
  const ids = source.sentences.map((s) => s.id);
  const weight = (list: readonly string[]) => list.reduce((sum, t) => sum + index.idf(t), 0);
  const inSource = (t: string) => ids.some((_, i) => index.terms(i).has(t));
  const held = (text: string, sourceIds: readonly number[], knownOnly = false) => {
    const query = [...new Set(terms(text))].filter((t) => !knownOnly || inSource(t));
    if (knownOnly && query.length < KNOWN_TERMS_MIN) return 0;
    const total = weight(query);
    const sets = sourceIds.filter((id) => ids.includes(id)).map((id) => index.terms(ids.indexOf(id)));
    return total ? weight(query.filter((t) => sets.some((h) => h.has(t)))) / total : 0;
  };
  return {
    coverage: (text, sourceId) => held(text, [sourceId]),
    coverageOf: (text, sourceIds) => Math.round(held(text, sourceIds) * 1000) / 1000,
    coverageOfKnown: (text, sourceIds) => held(text, sourceIds, true),
    link(field, sentence, text) {
      const query = [...new Set(terms(text))];
      const total = weight(query);
      const base = { field, sentence, text, method: 'overlap' as const };
      if (total === 0) return { ...base, sources: [], score: 0, supported: false };
      const scores = index.scores(query);
      const ranked = scores
        .map((score, i) => ({ score, i }))
        .filter((r) => r.score > 0)
        .sort((a, b) => b.score - a.score || a.i - b.i);
      const best = ranked[0];
      if (!best) return { ...base, sources: [], score: 0, supported: false };
      const chosen = [best.i];
      let missing = query.filter((t) => !index.terms(best.i).has(t));
      for (const r of ranked.slice(1)) {
        if (chosen.length >= MAX_LINKS || r.score < best.score * MIN_RELATIVE) break;
        const gain = weight(missing.filter((t) => index.terms(r.i).has(t))) / total;
        if (gain < MIN_GAIN) continue;
        chosen.push(r.i);
        missing = missing.filter((t) => !index.terms(r.i).has(t));
      }
      const score = Math.round((1 - weight(missing) / total) * 1000) / 1000;
      return {
        ...base,
        sources: chosen.map((i) => ids[i] ?? i + 1),
        score,
        supported: score >= SUPPORTED_MIN,
      };
    },
  };
}

/** Every sentence of every field, linked. */
export function alignFields(fields: readonly DraftField[], source: SourceSentences): SentenceLink[] {
  const aligner = createAligner(source);
  return fields.flatMap(({ field, text }) => sentences(text).map((s, i) => aligner.link(field, i, s)));
}
