/**
 * Tidying pdf-parse's page text. pdf-parse 2 marks wide gaps in justified
 * lines with tabs ("Research \thas \tdemonstrated") and keeps line-end
 * hyphenation ("appro-\npriately"). Only repairs that cannot change a word's
 * meaning are made: tabs become spaces, leader dots go, and a line-end hyphen
 * is removed unless the same hyphenated word appears elsewhere in the paper
 * ("population-based" stays, "appro-priately" becomes "appropriately").
 */

const LEADER_LINE = /^[.\s·•_–—-]{10,}$/;

/** Lines of one page, white space normalized, empty and leader lines dropped. */
export function pageLines(pageText: string): string[] {
  return pageText
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[\t\u00a0 ]+/g, ' ').trim())
    .filter((line) => line.length > 0 && !LEADER_LINE.test(line));
}

/** Hyphenated words written on one line somewhere in the text ("population-based"). */
function inlineHyphenated(lines: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const line of lines) {
    for (const match of line.matchAll(/\p{L}+-\p{L}+/gu)) found.add(match[0].toLowerCase());
  }
  return found;
}

/**
 * Join words split across lines by a hyphen. The second half moves up to the
 * first line; the rest of the second line stays where it was.
 */
export function dehyphenate(lines: readonly string[], knownCompounds?: ReadonlySet<string>): string[] {
  const compounds = knownCompounds ?? inlineHyphenated(lines);
  const out = [...lines];
  for (let i = 0; i + 1 < out.length; i++) {
    const line = out[i] ?? '';
    const next = out[i + 1] ?? '';
    const head = /(\p{Ll}+)-$/u.exec(line);
    const tail = /^(\p{Ll}+)([.,;:)]*)(?:\s+|$)/u.exec(next);
    if (!head?.[1] || !tail?.[1]) continue;
    const keepHyphen = compounds.has(`${head[1]}-${tail[1]}`.toLowerCase());
    const joined = keepHyphen ? `${line}${tail[1]}${tail[2]}` : `${line.slice(0, -1)}${tail[1]}${tail[2]}`;
    out[i] = joined;
    out[i + 1] = next.slice(tail[0].length);
    if (!out[i + 1]) {
      out.splice(i + 1, 1);
      i--; // the joined line may end in another hyphenated word
    }
  }
  return out;
}

/** All pages cleaned: one array of lines per page, hyphenation repaired with the whole paper as the dictionary. */
export function cleanPages(pages: readonly string[]): string[][] {
  const raw = pages.map(pageLines);
  const compounds = inlineHyphenated(raw.flat());
  return raw.map((lines) => dehyphenate(lines, compounds));
}

/** Cut text to at most `budget` characters, at a word boundary when one is near. */
export function cutToBudget(text: string, budget: number): string {
  if (text.length <= budget) return text;
  const cut = text.slice(0, budget);
  const space = cut.lastIndexOf(' ');
  return (space > budget * 0.9 ? cut.slice(0, space) : cut).trimEnd();
}
