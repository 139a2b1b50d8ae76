/**
 * DOI normalization: the one form LaySum stores and compares. DOIs are case
 * insensitive; resolver prefixes (`https://doi.org/`, `doi:`) and URL encoding
 * are not part of them.
 */

const DOI_BODY = /10\.\d{4,9}\/[^\s"'<>]+/i;

/** `10.1038/srep16696`, `doi:10...`, `https://doi.org/10...` -> `10.1038/srep16696`; null if not a DOI. */
export function normalizeDoi(input: string): string | null {
  let text = input.trim();
  try {
    if (/%2f/i.test(text)) text = decodeURIComponent(text);
  } catch {
    return null;
  }
  text = text.replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '').replace(/^doi:\s*/i, '');
  if (!/^10\.\d{4,9}\/\S+$/i.test(text)) return null;
  return trimTrailing(text).toLowerCase();
}

/** The first DOI printed in a text (e.g. a PDF's first page), normalized. */
export function findDoiInText(text: string): string | null {
  const m = DOI_BODY.exec(text);
  return m ? normalizeDoi(trimTrailing(m[0])) : null;
}

function trimTrailing(doi: string): string {
  let out = doi.replace(/[.,;:]+$/, '');
  // A closing bracket belongs to the DOI only if the DOI opened one.
  while (/[)\]]$/.test(out) && (out.match(/[([]/g) ?? []).length < (out.match(/[)\]]/g) ?? []).length) {
    out = out.slice(0, -1).replace(/[.,;:]+$/, '');
  }
  return out;
}
