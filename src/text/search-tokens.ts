/** How a search box and the search index split text into tokens: the one rule both sides share. */

/** Lower-case words and numbers of a text; a DOI stays whole as well (it is one token). */
export function searchTokens(text: string): string[] {
  const lower = text.toLowerCase();
  const words = lower.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  const dois = lower.match(/10\.\d{4,9}\/\S+/g) ?? [];
  return [...new Set([...words, ...dois.map((d) => d.replace(/[.,;)]+$/, ''))])];
}
