/**
 * Feed text is HTML, often escaped once more than it should be (IJSEM's
 * `&amp;#8211;`, OJS's `&amp;amp;`). These helpers turn it into plain text
 * with the shared markup walk (../../text/markup.ts): tags go, block elements
 * become line breaks, script and style go with their content, entities are
 * decoded, and a second round runs when the first one revealed more markup.
 */
import { decodeReferences, walkMarkup } from '../../text/markup.ts';

const BLOCKS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'table',
  'blockquote',
  'section',
  'article',
  'header',
  'footer',
  'hr',
]);
const HIDDEN = new Set(['script', 'style']);
/** Markup a first round can reveal in double-escaped text: worth a second round. */
const MARKUP_TAG = /<\/?(?:p|div|span|em|i|b|strong|sup|sub|a|br|jats:[a-z]+)\b[^>]*>/i;

function stripOnce(html: string): string {
  let out = '';
  let hidden = 0;
  walkMarkup(html, {
    text: (text) => {
      if (hidden === 0) out += text;
    },
    open: (name, selfClosing) => {
      if (HIDDEN.has(name)) hidden += selfClosing ? 0 : 1;
      else if (BLOCKS.has(name)) out += '\n';
    },
    close: (name) => {
      if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
      else if (BLOCKS.has(name)) out += '\n';
    },
  });
  return out;
}

/**
 * HTML (possibly double-escaped) to plain text: one line per block element,
 * runs of white space collapsed, no space left before closing punctuation
 * (inline tags around a species name leave "Mycolicibacterium ." otherwise).
 */
export function htmlToText(html: string): string {
  // Source line breaks are just white space in HTML; only block elements break lines.
  let text = stripOnce(html.replace(/\s+/g, ' '));
  if (MARKUP_TAG.test(text) || decodeReferences(text) !== text) text = stripOnce(text);
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/[\s\u00a0]+/g, ' ')
        .replace(/ +([.,;:!?)\]])(?=\s|$)/g, '$1')
        .trim(),
    )
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Plain text on one line: for titles, names and journal names. */
export function htmlToLine(html: string): string {
  return htmlToText(html).replace(/\n/g, ' ');
}
