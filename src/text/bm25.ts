/**
 * Okapi BM25 over a small collection (one paper's source sentences), built
 * once per draft. Written out rather than taken from a search library: the
 * collection is one abstract, the terms come from ./terms.ts (numbers and
 * codes included), and the aligner needs each term's idf to say how much of a
 * draft sentence its linked sentences cover.
 */

const K1 = 1.2;
const B = 0.75;

export interface Bm25Index {
  /** BM25 score of every document for the query terms, in document order. */
  scores(query: readonly string[]): number[];
  /** Inverse document frequency of a term (terms no document has get the highest). */
  idf(term: string): number;
  /** The distinct terms of document i. */
  terms(i: number): ReadonlySet<string>;
}

export function bm25Index(docs: ReadonlyArray<readonly string[]>): Bm25Index {
  const n = docs.length;
  const tf = docs.map((d) => {
    const counts = new Map<string, number>();
    for (const t of d) counts.set(t, (counts.get(t) ?? 0) + 1);
    return counts;
  });
  const df = new Map<string, number>();
  for (const counts of tf) for (const t of counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const avgLength = n ? docs.reduce((sum, d) => sum + d.length, 0) / n : 0;
  const idf = (term: string) => {
    const f = df.get(term) ?? 0;
    return Math.log(1 + (n - f + 0.5) / (f + 0.5));
  };
  const sets = tf.map((counts) => new Set(counts.keys()));
  return {
    idf,
    terms: (i) => sets[i] ?? new Set(),
    scores(query) {
      const distinct = [...new Set(query)];
      return tf.map((counts, i) => {
        const norm = K1 * (1 - B + (B * (docs[i]?.length ?? 0)) / (avgLength || 1));
        let score = 0;
        for (const t of distinct) {
          const f = counts.get(t);
          if (f) score += (idf(t) * f * (K1 + 1)) / (f + norm);
        }
        return score;
      });
    },
  };
}
