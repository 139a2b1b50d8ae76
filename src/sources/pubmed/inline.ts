/**
 * Flattens the inline markup PubMed puts inside ArticleTitle, AbstractText and
 * friends (<i> <b> <sup> <sub> <u>, MathML) to plain text without losing any
 * of the words around it. The parser hands these elements over raw (stopNodes)
 * because a naive object mapping drops the text on either side of a child tag.
 */

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decode the XML entities and character references left raw by the parser. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      // An invalid code point would throw in fromCodePoint; keep the text as written instead.
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

interface Element {
  name: string; // local name, namespace prefix dropped ("mml:math" -> "math")
  children: Node[];
}
type Node = Element | string;

const TOKEN =
  /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+|<)/g;

/** A forgiving tree builder: mismatched end tags close up to their match, stray ones are ignored. */
function buildTree(raw: string): Element {
  const root: Element = { name: '#root', children: [] };
  const stack: Element[] = [root];
  for (const m of raw.matchAll(TOKEN)) {
    const [, cdata, closing, qname, rest, text] = m;
    const top = stack[stack.length - 1] ?? root;
    if (cdata !== undefined) top.children.push(cdata);
    else if (text !== undefined) top.children.push(decodeEntities(text));
    else if (qname !== undefined) {
      const name = qname.slice(qname.indexOf(':') + 1);
      if (closing) {
        const at = stack.map((e) => e.name).lastIndexOf(name);
        if (at > 0) stack.length = at;
      } else {
        const element: Element = { name, children: [] };
        top.children.push(element);
        if (!rest?.trimEnd().endsWith('/')) stack.push(element);
      }
    }
  }
  return root;
}

/**
 * MathML is written in prefix/postfix layout; reading its leaves in document
 * order gives "He3" for ³He, so mmultiscripts moves prescripts first ("3He").
 */
function multiscripts(el: Element, inMath: boolean): string {
  const parts = el.children.filter((c): c is Element => typeof c !== 'string');
  const split = parts.findIndex((c) => c.name === 'mprescripts');
  const main = split < 0 ? parts : parts.slice(0, split);
  const pre = split < 0 ? [] : parts.slice(split + 1);
  return [...pre, ...main].map((c) => flattenNode(c, inMath)).join('');
}

function flattenNode(node: Node, inMath: boolean): string {
  // Inside MathML, whitespace between elements is layout, not content ("V . O 2" would be wrong).
  if (typeof node === 'string') return inMath && node.trim() === '' && !node.includes('\u00a0') ? '' : node;
  if (node.name === 'none' || node.name === 'mprescripts') return '';
  const math = inMath || node.name === 'math';
  if (node.name === 'mmultiscripts') return multiscripts(node, math);
  return node.children.map((child) => flattenNode(child, math)).join('');
}

/** Whitespace-only text directly inside a MathML token (<mtext> </mtext>) is a real space. */
function keepTokenSpaces(node: Node): void {
  if (typeof node === 'string') return;
  if (node.name === 'mtext' || node.name === 'mo' || node.name === 'mspace') {
    node.children = node.children.map((c) =>
      typeof c === 'string' && c.trim() === '' && c !== '' ? '\u00a0' : c,
    );
  }
  node.children.forEach(keepTokenSpaces);
}

/**
 * Plain text of an XML fragment: tags dropped, their text kept
 * ("CO<sub>2</sub>" -> "CO2"), entities decoded, whitespace collapsed.
 */
export function flattenInline(raw: string): string {
  const tree = buildTree(raw);
  keepTokenSpaces(tree);
  return collapseWhitespace(flattenNode(tree, false));
}
