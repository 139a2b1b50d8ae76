/**
 * PubMed XML to a small element tree, in one pass of htmlparser2's tokenizer
 * (XML mode), checking well-formedness as it goes: every end tag must close
 * the element open at that point and nothing may be left open. Elements that
 * carry inline markup (ArticleTitle, AbstractText…) keep their content as
 * written, for ./inline.ts to flatten, because mapping them to children would
 * lose the words around a `<i>`. Text and attribute values are kept as
 * written too: entities are decoded once, by ./inline.ts.
 */
import { type Handler, Parser } from 'htmlparser2';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /**
   * Character data directly inside (all of it, markup included, for a raw
   * element), less any blank text before the first words.
   */
  text: string;
}

/** Where and why the XML is not well-formed. */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const BLANK = /^\s*$/;

const lineAt = (source: string, index: number): number => {
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < index; i = source.indexOf('\n', i + 1)) line++;
  return line;
};

/** The tokenizer's end tags, checked against the elements open, before htmlparser2 (which forgives) sees them. */
class CheckedParser extends Parser {
  constructor(
    handler: Partial<Handler>,
    private readonly source: string,
    private readonly open: string[],
  ) {
    super(handler, {
      xmlMode: true,
      decodeEntities: false,
      recognizeCDATA: true,
      recognizeSelfClosing: true,
    });
  }

  override onclosetag(start: number, endIndex: number): void {
    const name = this.source.slice(start, endIndex);
    const expected = this.open[this.open.length - 1];
    if (name !== expected) {
      const why = expected
        ? `closing tag '${name}' where '${expected}' is open`
        : `closing tag '${name}' opens nothing`;
      throw new XmlSyntaxError(why, lineAt(this.source, start));
    }
    super.onclosetag(start, endIndex);
  }

  /** The end of the input: htmlparser2 would close what is still open without a word. */
  override onend(): void {
    const left = this.open[this.open.length - 1];
    if (left) throw new XmlSyntaxError(`unclosed tag '${left}'`, lineAt(this.source, this.source.length));
    super.onend();
  }
}

/**
 * The document's top-level elements. `raw`: names of the elements whose
 * content is kept as written. Throws XmlSyntaxError.
 */
export function parseXmlTree(source: string, raw: ReadonlySet<string>): XmlElement[] {
  const top: XmlElement[] = [];
  const open: string[] = [];
  const elements: XmlElement[] = [];
  let rawStart = -1;
  let rawDepth = 0;
  const handler: Partial<Handler> = {
    onopentag: (name, attributes) => {
      open.push(name);
      if (rawDepth > 0) {
        rawDepth++;
        return;
      }
      const element: XmlElement = { name, attributes, children: [], text: '' };
      const parent = elements[elements.length - 1];
      if (parent) parent.children.push(element);
      else top.push(element);
      elements.push(element);
      if (raw.has(name)) {
        rawDepth = 1;
        rawStart = parser.endIndex + 1;
        // `<X/>`: no content, and htmlparser2 closes it at once.
        if (source[parser.endIndex - 1] === '/') rawStart = -1;
      }
    },
    ontext: (data) => {
      const current = elements[elements.length - 1];
      if (!current || rawDepth > 0) return;
      // Indentation before an element's first words adds nothing its readers keep (they trim).
      if (current.text === '' && BLANK.test(data)) return;
      current.text += data;
    },
    onclosetag: () => {
      open.pop();
      if (rawDepth > 1) {
        rawDepth--;
        return;
      }
      const element = elements.pop();
      if (rawDepth === 1 && element) {
        if (rawStart >= 0) element.text = source.slice(rawStart, parser.startIndex);
        rawDepth = 0;
      }
    },
  };
  const parser = new CheckedParser(handler, source, open);
  parser.end(source);
  return top;
}
