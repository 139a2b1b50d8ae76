/** Small text helpers shared by the extractive summarizer and the checks. */

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export function sentences(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment.trim()).filter((s) => s.length > 0);
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
