/**
 * What pasted text must not be: a document in markup (an XML record, an HTML
 * page saved or copied whole) or text with control characters (NUL bytes and
 * the like, from a binary file or a broken copy). Either would be stored and
 * sent to the LLM as if it were an abstract; each is refused with what to
 * send instead.
 */
import { InputError } from '../errors/input-error.ts';

const SEND_INSTEAD = 'Paste the title and abstract as plain text, or submit the PMID, DOI or PDF instead.';

/** Tab, newline and carriage return are text; every other C0 control, DEL and the C1 controls are not. */
function firstControl(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const control =
      code < 0x20 ? code !== 0x09 && code !== 0x0a && code !== 0x0d : code >= 0x7f && code <= 0x9f;
    if (control) return i;
  }
  return -1;
}

/** How a markup document starts (after any blank space or byte-order mark). */
const MARKUP_START =
  /^(?:\uFEFF)?\s*(?:<\?xml[\s?]|<!doctype\s|<!--|<(?:html|head|body|rss|feed|rdf:RDF|svg|PubmedArticleSet|PubmedArticle|article|jats:article)[\s>/])/i;

export function refuseUnusableText(text: string, what = 'The text'): void {
  const at = firstControl(text);
  if (at >= 0) {
    const code = text.charCodeAt(at);
    const name = code === 0 ? 'a NUL byte' : 'a control character';
    throw new InputError(
      `${what} contains ${name} (U+${code.toString(16).toUpperCase().padStart(4, '0')} at character ${at + 1}): it looks copied from a binary file, not typed text.`,
      { hint: SEND_INSTEAD },
    );
  }
  if (MARKUP_START.test(text)) {
    throw new InputError(`${what} is an XML or HTML document, not an abstract.`, { hint: SEND_INSTEAD });
  }
}
