/**
 * Feed text is HTML, often escaped once more than it should be (IJSEM's
 * `&amp;#8211;`, OJS's `&amp;amp;`). These helpers turn it into plain text
 * without pulling in a DOM: tags go, block elements become line breaks,
 * entities are decoded, and a second round runs when the first one revealed
 * more markup.
 */

const LATIN1_NAMES = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 ' +
  'acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde ' +
  'Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc ' +
  'Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml ' +
  'aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc ' +
  'otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'
).split(' ');

const GREEK_NAMES =
  'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigmaf sigma tau upsilon phi chi psi omega'.split(
    ' ',
  );

const OTHER_ENTITIES: Record<string, number> = {
  amp: 38,
  lt: 60,
  gt: 62,
  quot: 34,
  apos: 39,
  ensp: 8194,
  emsp: 8195,
  thinsp: 8201,
  zwnj: 8204,
  zwj: 8205,
  ndash: 8211,
  mdash: 8212,
  lsquo: 8216,
  rsquo: 8217,
  sbquo: 8218,
  ldquo: 8220,
  rdquo: 8221,
  bdquo: 8222,
  dagger: 8224,
  Dagger: 8225,
  bull: 8226,
  hellip: 8230,
  permil: 8240,
  prime: 8242,
  Prime: 8243,
  lsaquo: 8249,
  rsaquo: 8250,
  euro: 8364,
  trade: 8482,
  larr: 8592,
  uarr: 8593,
  rarr: 8594,
  darr: 8595,
  harr: 8596,
  sum: 8721,
  minus: 8722,
  radic: 8730,
  infin: 8734,
  asymp: 8776,
  ne: 8800,
  equiv: 8801,
  le: 8804,
  ge: 8805,
};

const NAMED: ReadonlyMap<string, string> = buildNamedEntities();

function buildNamedEntities(): Map<string, string> {
  const map = new Map<string, string>();
  for (const [i, name] of LATIN1_NAMES.entries()) map.set(name, String.fromCodePoint(160 + i));
  GREEK_NAMES.forEach((name, i) => {
    map.set(name, String.fromCodePoint(945 + i)); // alpha (945) .. omega (969), sigmaf is 962
    // Upper case has no final sigma: the code point 930 is unassigned.
    if (name !== 'sigmaf') map.set(name[0]?.toUpperCase() + name.slice(1), String.fromCodePoint(913 + i));
  });
  for (const [name, code] of Object.entries(OTHER_ENTITIES)) map.set(name, String.fromCodePoint(code));
  return map;
}

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/** Decode HTML character references once; unknown names are left as they are. */
export function decodeEntities(text: string): string {
  return text.replace(
    ENTITY,
    (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (name !== undefined) return NAMED.get(name) ?? whole;
      const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
      if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        return whole;
      return String.fromCodePoint(code);
    },
  );
}

const BLOCK_TAG =
  /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|blockquote|section|article|header|footer|hr)\b[^>]*>/gi;
const ANY_TAG = /<\/?[A-Za-z][A-Za-z0-9:-]*(?:\s[^>]*)?\/?>/g;
const MARKUP_TAG = /<\/?(?:p|div|span|em|i|b|strong|sup|sub|a|br|jats:[a-z]+)\b[^>]*>/i;

function stripOnce(html: string): string {
  const withoutCode = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
  return decodeEntities(withoutCode.replace(BLOCK_TAG, '\n').replace(ANY_TAG, ''));
}

/**
 * HTML (possibly double-escaped) to plain text: one line per block element,
 * runs of white space collapsed, no space left before closing punctuation
 * (inline tags around a species name leave "Mycolicibacterium ." otherwise).
 */
export function htmlToText(html: string): string {
  // Source line breaks are just white space in HTML; only block elements break lines.
  let text = stripOnce(html.replace(/\s+/g, ' '));
  if (MARKUP_TAG.test(text) || decodeEntities(text) !== text) text = stripOnce(text);
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
