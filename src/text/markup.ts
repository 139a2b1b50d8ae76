/**
 * The one markup walk behind every "markup to text" in LaySum: Crossref JATS,
 * Europe PMC and feed HTML, PubMed's inline XML. htmlparser2 tokenizes,
 * `entities` decodes; this module reports end tags as written, as the
 * hand-written walks it replaced did (htmlparser2 infers closes and drops an
 * end tag that closes nothing, but a stray `</div>` between two words still
 * separates them), drops namespace prefixes (`jats:p` is `p`) and keeps the
 * words around a `<` that starts no tag. What a heading, a paragraph or a
 * MathML prescript means is the callers' business.
 */
import { DecodingMode, decodeHTML, decodeXML } from 'entities';
import { type Handler, Parser, type ParserOptions } from 'htmlparser2';

/**
 * `html`: forgiving, as browsers are: a `<` that cannot start a tag is text
 * ("p < .001", "<1 year"), HTML's named references are decoded. `xml`: for
 * well-formed XML (PubMed), where only XML's five names exist.
 */
export type MarkupDialect = 'html' | 'xml';

export interface MarkupVisitor {
  /** Character data with its references decoded; CDATA as written. */
  text(text: string): void;
  /** An element starts; its name is local and in lower case. `<x/>` is an open with no close. */
  open(name: string, selfClosing: boolean): void;
  /** An end tag as written, whether or not it closes an open element. */
  close(name: string): void;
}

/**
 * Elements whose content HTML tokenizes as plain text. In the documents we
 * read they are ordinary elements (a JATS `<title>` holds `<italic>`), so
 * their content is walked again as markup; script and style stay text for
 * the caller to drop.
 */
const RAW_TEXT = new Set(['title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/**
 * Semicolons required, as in XML and in the hand-written tables this replaced:
 * "&copy 2020" and "?a=1&para=2" are not references.
 */
const decoders: Record<MarkupDialect, (text: string) => string> = {
  html: (text) => decodeHTML(text, DecodingMode.Strict),
  xml: decodeXML,
};

/** Decode character references (`&amp;`, `&#x3b1;`, `&beta;` in HTML) in plain text. */
export function decodeReferences(text: string, dialect: MarkupDialect = 'html'): string {
  return decoders[dialect](text);
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1).toLowerCase();

/**
 * htmlparser2's Parser, telling apart the end tags it honours from those it
 * drops (an end tag that matches no open element): both are reported.
 */
class EndTagParser extends Parser {
  /** Set by the handler when an end tag as written reached it. */
  honoured = false;

  constructor(
    handler: Partial<Handler>,
    options: ParserOptions,
    private readonly source: string,
    private readonly stray: (name: string) => void,
  ) {
    super(handler, options);
  }

  /** Called by the tokenizer with the end tag's name span. */
  override onclosetag(start: number, endIndex: number): void {
    this.honoured = false;
    super.onclosetag(start, endIndex);
    if (!this.honoured) this.stray(this.source.slice(start, endIndex));
  }
}

/** Report the elements and text of `markup`, in document order, to `visitor`. */
export function walkMarkup(markup: string, visitor: MarkupVisitor, dialect: MarkupDialect = 'html'): void {
  const decode = decoders[dialect];
  const source = dialect === 'html' ? escapeStrayLt(markup) : markup;
  let inCdata = false;
  let rawText: string | null = null;
  const handler: Partial<Handler> = {
    ontext: (data) => {
      if (inCdata) visitor.text(data);
      else if (rawText) walkMarkup(data, visitor, dialect);
      else visitor.text(decode(data));
    },
    oncdatastart: () => {
      inCdata = true;
    },
    oncdataend: () => {
      inCdata = false;
    },
    onopentag: (name, _attributes, implied) => {
      if (implied) return; // the `<p>` HTML puts before a stray `</p>`: only the end tag is in the text
      // The tag's `>` is at endIndex: `/>` ends a self-closing tag.
      const selfClosing = source[parser.endIndex - 1] === '/';
      if (dialect === 'html' && RAW_TEXT.has(name) && !selfClosing) rawText = name;
      visitor.open(localName(name), selfClosing);
    },
    onclosetag: (name, implied) => {
      if (name === rawText) rawText = null;
      if (implied) return;
      parser.honoured = true;
      visitor.close(localName(name));
    },
  };
  const options: ParserOptions = {
    xmlMode: dialect === 'xml',
    decodeEntities: false, // decoded here, so CDATA and raw-text content stay as written
    recognizeCDATA: true,
    recognizeSelfClosing: true,
  };
  const parser = new EndTagParser(handler, options, source, (name) => visitor.close(localName(name)));
  parser.end(source);
}

/**
 * A CDATA section (left alone), or a `<` that starts no complete tag: "<or=65
 * years" (PubMed's ASCII "less or equal") and "values <b and more" as
 * Europe PMC writes them. A tag runs to its `>` with no `<` on the way.
 */
const STRAY_LT = /<!\[CDATA\[[\s\S]*?\]\]>|<(?!\/?[A-Za-z_][\w:.-]*(?:[^<>"']|"[^"]*"|'[^']*')*>|[!?])/g;

/** htmlparser2 would read such a `<` as the start of a tag and drop the words up to the next `>`. */
function escapeStrayLt(markup: string): string {
  return markup.replace(STRAY_LT, (match) => (match === '<' ? '&lt;' : match));
}

/** A node of markupTree: text, or an element with its children. */
export type MarkupNode = string | MarkupElement;
export interface MarkupElement {
  name: string;
  children: MarkupNode[];
}

/**
 * The markup as a tree, for callers that need an element's children (MathML
 * scripts). An end tag closes up to its element; one that matches nothing is
 * ignored, and elements left open end with the text.
 */
export function markupTree(markup: string, dialect: MarkupDialect = 'html'): MarkupElement {
  const root: MarkupElement = { name: '#root', children: [] };
  const stack: MarkupElement[] = [root];
  const top = () => stack[stack.length - 1] ?? root;
  walkMarkup(
    markup,
    {
      text: (text) => top().children.push(text),
      open: (name, selfClosing) => {
        const element: MarkupElement = { name, children: [] };
        top().children.push(element);
        if (!selfClosing) stack.push(element);
      },
      close: (name) => {
        const at = stack.map((e) => e.name).lastIndexOf(name);
        if (at > 0) stack.length = at;
      },
    },
    dialect,
  );
  return root;
}
