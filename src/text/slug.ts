/**
 * Slugs: the readable part of a published URL or file name. Lower case; Latin
 * and Greek letters lose their diacritics (é -> e); Greek letters used as
 * symbols, common in biomedical titles ("β-amyloid", "IL-1β", "αβ T cells"),
 * are spelled out as words ("beta-amyloid", "il-1-beta", "alpha-beta-t-cells")
 * while Greek words stay words; other letters (Cyrillic, CJK, ...) stay as they
 * are, and the browser URL-encodes them; everything else separates words. An ASCII title
 * gives the slug it always gave: published links must not change.
 */

const GREEK_NAMES: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  ο: 'omicron',
  π: 'pi',
  ρ: 'rho',
  ς: 'sigma',
  σ: 'sigma',
  τ: 'tau',
  υ: 'upsilon',
  φ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
};

/** Accents on Latin and Greek letters; marks of other scripts (Devanagari vowel signs) are part of the word. */
const LATIN_OR_GREEK_MARKS = /(?<=[\p{Script=Latin}\p{Script=Greek}])\p{M}+/gu;
/** One or two Greek letters on their own are symbols; a longer run is a Greek word. */
const GREEK_SYMBOLS = /(?<![α-ω])[α-ω]{1,2}(?![α-ω])/g;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * The words of a slug, in order. Compatibility forms are unfolded first
 * (ﬁ -> fi, ² -> 2, the micro sign µ -> μ -> mu), and what was decomposed for
 * that is recomposed, so Hangul and kana come out as they went in.
 */
export function slugWords(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(LATIN_OR_GREEK_MARKS, '')
    .normalize('NFC')
    .replace(GREEK_SYMBOLS, (letters) => [...letters].map((l) => ` ${GREEK_NAMES[l] ?? l} `).join(''));
  return folded.match(WORD) ?? [];
}

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** The longest start of `word` that fits in `maxBytes` (whole code points). */
function cutWord(word: string, maxBytes: number): string {
  let out = '';
  for (const ch of word) {
    if (utf8Bytes(out + ch) > maxBytes) break;
    out += ch;
  }
  return out;
}

export interface SlugOptions {
  /** At most this many words (all by default). */
  maxWords?: number;
  /** At most this many UTF-8 bytes (file names allow 255), cut at a word boundary. 120 by default. */
  maxBytes?: number;
}

/** `Bone Strength, Not Vitamin D` -> `bone-strength-not-vitamin-d`; '' when the text has no letters or digits. */
export function slugify(text: string, options: SlugOptions = {}): string {
  const { maxWords = Number.POSITIVE_INFINITY, maxBytes = 120 } = options;
  const words = slugWords(text).slice(0, maxWords);
  let out = '';
  for (const word of words) {
    const next = out ? `${out}-${word}` : word;
    if (utf8Bytes(next) > maxBytes) return out || cutWord(word, maxBytes); // one word longer than the bound
    out = next;
  }
  return out;
}
