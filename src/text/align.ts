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
import { sentenceTerms } from './terms.ts';

export const ALIGNER_VERSION = 'bm25-overlap-1';

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
}

/** Build the index over the source once; link any number of draft sentences against it. */
export function createAligner(source: SourceSentences): Aligner {
  const index = bm25Index(source.sentences.map((s) => sentenceTerms(s.text)));
  const ids = source.sentences.map((s) => s.id);
  return {
    link(field, sentence, text) {
      const query = [...new Set(sentenceTerms(text))];
      const weight = (terms: readonly string[]) => terms.reduce((sum, t) => sum + index.idf(t), 0);
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
