/**
 * Sentence splitting and small text helpers shared by the extractive
 * summarizer, the reading-level formulas and the checks. The splitter breaks
 * after `.`, `!` or `?` followed by white space whatever comes next (a capital,
 * a digit or lower case), at blank lines and before `- ` / `• ` bullets, and
 * never after common abbreviations ("e.g.", "vs.", "U.S.", "et al.") or
 * single-letter initials ("C. D. Darlington").
 */

/** Abbreviations whose full stop does not end a sentence (compared in lower case, without the final dot). */
const ABBREVIATIONS = new Set(
  'e.g i.e vs etc al approx ca cf fig figs eq no nos dr mr mrs ms prof st jr sr inc ltd co corp dept univ jan feb mar apr jun jul aug sep sept oct nov dec resp vol pp p.m a.m u.s u.k u.s.a u.n e.u'.split(
    ' ',
  ),
);

/**
 * Is the word just before a full stop an abbreviation or an initial? A single
 * letter after a lower-case word ends a sentence ("vitamin D. The"), unless
 * lower case follows ("P. falciparum"); after a name or at the start it is an
 * initial ("C. Darlington").
 */
function isAbbreviation(word: string, previous: string, next: string): boolean {
  const w = word.replace(/^[("'[]+/, '').toLowerCase();
  if (ABBREVIATIONS.has(w)) return true;
  if (/^[A-Z]$/.test(word) && /^[a-z]/.test(next)) return true; // a genus: "P. falciparum", "E. coli"
  if (/^[a-z]$/.test(w)) return !/^[a-z]{2,}[,;:]?$/.test(previous);
  return /^(?:[a-z]\.)+[a-z]$/.test(w); // dotted letters: "U.S", "C.D", "e.g"
}

const BLOCK_BREAK = /\n\s*\n|\n(?=\s*(?:[-•*]|\d+[.)])\s)/;
const END = /[.!?]+["'”’)\]]*(?=\s+\S)/g;

function splitBlock(block: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of block.matchAll(END)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && m[0].length === 1) {
      const words = block.slice(start, m.index).split(/\s+/);
      const next = /^\s+(\S+)/.exec(block.slice(end))?.[1] ?? '';
      if (isAbbreviation(words.at(-1) ?? '', words.at(-2) ?? '', next)) continue;
    }
    out.push(block.slice(start, end));
    start = end;
  }
  out.push(block.slice(start));
  return out;
}

export function sentences(text: string): string[] {
  return text
    .split(BLOCK_BREAK)
    .flatMap(splitBlock)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => /\w/.test(s));
}

/** Cut text to at most `max` characters at a word boundary, adding an ellipsis if cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** Join sentences until adding another would pass `max` characters (always at least one, clipped). */
export function takeSentences(list: readonly string[], max: number): string {
  let out = '';
  for (const s of list) {
    const next = out ? `${out} ${s}` : s;
    if (next.length > max) break;
    out = next;
  }
  return out || clip(list[0] ?? '', max);
}

export const STOPWORDS = new Set(
  'a an and are as at be by for from has have in into is it its of on or that the their this to was were with we our than between after before during among versus vs not no study studies patients effect effects analysis results based using use'.split(
    ' ',
  ),
);
