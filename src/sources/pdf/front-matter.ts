/**
 * Title and authors from the first page of an article PDF. The PDF's own
 * Title entry is often junk ("ipg1300180a", "6489122611071476 1..10", "doi:",
 * "IBM-PDFs.graffle"), so it is used only when it reads like a title. The
 * page heuristic: the title is the block of lines just above the first author
 * line, below the journal banner, article-type label and DOI line.
 */

const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'del',
  'della',
  'di',
  'du',
  'dos',
  'la',
  'le',
  'bin',
  'al',
  'el',
  'ten',
  'ter',
  'y',
]);
const FILE_LIKE = /\.(?:pdf|docx?|rtf|tex|dvi|ps|indd|qxd|graffle|pages|odt|txt|eps|ai|xml)\b/i;

/** The PDF Info Title when it reads like a paper title, else null. */
export function meaningfulInfoTitle(title: string | undefined): string | null {
  const text = title?.replace(/\s+/g, ' ').trim() ?? '';
  const words = text.split(' ').filter((w) => /\p{L}{2,}/u.test(w));
  if (text.length < 10 || words.length < 3) return null;
  if (/^(?:doi:|untitled|microsoft (?:word|powerpoint)|document\d*$)/i.test(text) || FILE_LIKE.test(text))
    return null;
  const digits = (text.match(/\d/g) ?? []).length;
  return digits / text.replace(/\s/g, '').length > 0.3 ? null : text;
}

const BANNER =
  /open access|doi:|https?:\/\/|www\.|©|\(c\)|copyright|licen[cs]e|issn|article id|correspondence|e-?mail|@|\b(?:received|accepted|published(?: online)?)\b:?\s*\d/i;

/** Banner, licence and label lines that sit around a title but are not part of it. */
export function isFrontJunk(line: string, journal: string | null): boolean {
  const words = line.split(' ').length;
  if (journal && line.toLowerCase() === journal.toLowerCase()) return true;
  if (BANNER.test(line)) return true;
  if (/^(?:[A-Z] ){3,}/.test(line) || /^\d+$/.test(line)) return true; // letter-spaced banner, page number
  if (/\(\d{4}\)\s*,\s*\d+|\b(?:19|20)\d{2}\s*;\s*\d+\s*[:(]|\bvol(?:ume)?\.? ?\d/i.test(line)) return true; // citation line
  if (words <= 5 && /\b(?:publishing|publishers|corporation|ltd|inc|gmbh|press)\b/i.test(line)) return true;
  return (
    words <= 4 &&
    /^(?:original |research |review |short |brief |case |clinical )?(?:article|communication|report|paper|review|letter|study)s?$/i.test(
      line,
    )
  );
}

/** A line of author names: capitalized names with commas, "and", or affiliation marks. */
export function isAuthorLine(line: string): boolean {
  if (!/[,*†‡§]|\d|\band\b/.test(line) || /[.:;]$/.test(line)) return false;
  const tokens = line
    .replace(/[\d*†‡§,&]|\band\b/g, ' ')
    .split(/\s+/)
    .filter((t) => t.length > 0);
  if (tokens.length < 2) return false;
  return tokens.every((t) => PARTICLES.has(t) || /^\p{Lu}[\p{L}'’.-]*$/u.test(t));
}

/** Title continues on the next line when the first ends on a joining word or the next starts in lower case. */
function continues(line: string, next: string): boolean {
  return (
    /\b(?:of|the|and|in|for|a|an|to|with|on|after|by|from|at|as|or|between|among|versus|vs)$/i.test(line) ||
    /^\p{Ll}/u.test(next)
  );
}

export interface FrontMatter {
  title: string | null;
  /** Index of the line after the title (where body text may start). */
  bodyStart: number;
  authors: string[];
}

function titleAbove(lines: readonly string[], authorIndex: number, journal: string | null): string[] {
  const block: string[] = [];
  for (let i = authorIndex - 1; i >= 0 && block.length < 6; i--) {
    const line = lines[i] ?? '';
    if (isFrontJunk(line, journal) || /[.!?]$/.test(line)) break;
    block.unshift(line);
  }
  return block;
}

function authorsFrom(lines: readonly string[], start: number): string[] {
  const parts: string[] = [];
  for (let i = start; i < lines.length && parts.length < 8; i++) {
    const line = lines[i] ?? '';
    if (i > start && !isAuthorLine(line) && !/^,/.test(line)) break;
    parts.push(line);
  }
  return parts
    .join(' ')
    .replace(/[\d*†‡§]+/g, ' ')
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)
    .map((name) => name.replace(/\s+/g, ' ').trim())
    .filter((name) => name.split(' ').length >= 2 && name.split(' ').length <= 6);
}

/** Title block above the first author line, else the first substantial line(s) of the page. */
export function frontMatter(lines: readonly string[], journal: string | null): FrontMatter {
  const limit = Math.min(lines.length, 40);
  for (let i = 1; i < limit; i++) {
    const line = lines[i] ?? '';
    if (!isAuthorLine(line) || isFrontJunk(line, journal)) continue;
    const block = titleAbove(lines, i, journal);
    const title = block.join(' ');
    if (title.split(' ').length >= 3 && title.length <= 300)
      return { title, bodyStart: i, authors: authorsFrom(lines, i) };
  }
  return firstSubstantialLines(lines, journal);
}

function firstSubstantialLines(lines: readonly string[], journal: string | null): FrontMatter {
  const start = lines.findIndex(
    (l) => !isFrontJunk(l, journal) && l.split(' ').length >= 3 && l.length >= 15,
  );
  if (start < 0) return { title: null, bodyStart: 0, authors: [] };
  const block = [lines[start] ?? ''];
  let i = start + 1;
  while (i < lines.length && block.length < 4 && continues(block.at(-1) ?? '', lines[i] ?? '')) {
    block.push(lines[i] ?? '');
    i++;
  }
  return { title: block.join(' '), bodyStart: i, authors: [] };
}

/** The journal from the PDF Subject entry, when it is a name or a citation that starts with one. */
export function journalFromSubject(subject: string | undefined, firstPage: readonly string[]): string | null {
  const text = subject?.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  if (firstPage.some((line) => line.toLowerCase() === text.toLowerCase())) return text;
  const citation = /^(.+?)\s+(?:19|20)\d{2}\b.*\bdoi:/i.exec(text); // "Journal of X 2010 4:1. doi:10..."
  return citation?.[1]?.trim() ?? null;
}

/** Publication year from a citation line on the first page ("2010;86:272", "(2014), 26:1", "Volume 2010,"). */
export function citationYear(firstPage: readonly string[]): string | null {
  const patterns = [
    /\b((?:19|20)\d{2})\s*;\s*\d+\s*[:(]/,
    /\(((?:19|20)\d{2})\)\s*,\s*\d+/,
    /\bVolume ((?:19|20)\d{2}),/,
    /\b((?:19|20)\d{2}),\s*\d+:\d+/,
  ];
  for (const line of firstPage) {
    for (const pattern of patterns) {
      const year = pattern.exec(line)?.[1];
      if (year) return year;
    }
  }
  return null;
}
