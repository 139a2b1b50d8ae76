/**
 * Flattens the inline markup PubMed puts inside ArticleTitle, AbstractText and
 * friends (<i> <b> <sup> <sub> <u>, MathML) to plain text without losing any
 * of the words around it. The parser hands these elements over raw (stopNodes)
 * because a naive object mapping drops the text on either side of a child tag.
 * Tokenizing is ../../text/markup.ts; what is PubMed's own is MathML's layout.
 */
import { decodeReferences, type MarkupElement, type MarkupNode, markupTree } from '../../text/markup.ts';

const collapseWhitespace = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * MathML is written in prefix/postfix layout; reading its leaves in document
 * order gives "He3" for ³He, so mmultiscripts moves prescripts first ("3He").
 */
function multiscripts(el: MarkupElement, inMath: boolean): string {
  const parts = el.children.filter((c): c is MarkupElement => typeof c !== 'string');
  const split = parts.findIndex((c) => c.name === 'mprescripts');
  const main = split < 0 ? parts : parts.slice(0, split);
  const pre = split < 0 ? [] : parts.slice(split + 1);
  return [...pre, ...main].map((c) => flattenNode(c, inMath)).join('');
}

function flattenNode(node: MarkupNode, inMath: boolean): string {
  // Inside MathML, whitespace between elements is layout, not content ("V . O 2" would be wrong).
  if (typeof node === 'string') return inMath && node.trim() === '' && !node.includes('\u00a0') ? '' : node;
  if (node.name === 'none' || node.name === 'mprescripts') return '';
  const math = inMath || node.name === 'math';
  if (node.name === 'mmultiscripts') return multiscripts(node, math);
  return node.children.map((child) => flattenNode(child, math)).join('');
}

/** Whitespace-only text directly inside a MathML token (<mtext> </mtext>) is a real space. */
function keepTokenSpaces(node: MarkupNode): void {
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
  // Most values (PMIDs, dates, names, plain titles) hold no tag: the tree walk would give the same text.
  if (!raw.includes('<')) return collapseWhitespace(raw.includes('&') ? decodeReferences(raw, 'xml') : raw);
  const tree = markupTree(raw, 'xml');
  keepTokenSpaces(tree);
  return collapseWhitespace(flattenNode(tree, false));
}
