/**
 * The shared markup walk (src/text/markup.ts) on the shapes its three users
 * meet: stray `<` in Europe PMC text, unbalanced end tags, namespaces, CDATA,
 * HTML's raw-text elements, and the XML dialect PubMed needs.
 */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/sources/feeds/html.ts';
import { jatsToSections, markupToText } from '../../src/sources/jats.ts';
import { flattenInline } from '../../src/sources/pubmed/inline.ts';
import { decodeReferences, type MarkupDialect, markupTree, walkMarkup } from '../../src/text/markup.ts';

function events(markup: string, dialect: MarkupDialect = 'html'): string[] {
  const out: string[] = [];
  walkMarkup(
    markup,
    {
      text: (t) => out.push(t),
      open: (name, selfClosing) => out.push(`<${name}${selfClosing ? '/' : ''}>`),
      close: (name) => out.push(`</${name}>`),
    },
    dialect,
  );
  return out;
}

describe('walkMarkup', () => {
  it('a < that starts no tag is text, and so are the words after it', () => {
    expect(events('p < .001, <1 year, x<y').join('')).toBe('p < .001, <1 year, x<y');
    expect(events('<p>age <or=65 years</p>')).toEqual(['<p>', 'age <or=65 years', '</p>']);
    expect(events('values <b and more').join('')).toBe('values <b and more');
    expect(events('x <i').join('')).toBe('x <i');
  });

  it('local names in lower case; self-closing tags have no close', () => {
    expect(events('<jats:P>a<jats:break/></jats:P><BR>')).toEqual(['<p>', 'a', '<break/>', '</p>', '<br>']);
  });

  it('end tags as written: none inferred, a stray one still reported', () => {
    expect(events('<p><i>a</p>b</div>c</p>')).toEqual([
      '<p>',
      '<i>',
      'a',
      '</p>',
      'b',
      '</div>',
      'c',
      '</p>',
    ]);
  });

  it('references decoded once, semicolons required; CDATA, comments and instructions', () => {
    expect(events('&amp;amp; &beta; &#8211; &#x3b1; &unknown; &copy 2020').join('')).toBe(
      '&amp; β – α &unknown; &copy 2020',
    );
    expect(events('<?xml version="1.0"?>a<!-- note -->b<![CDATA[c &amp; <d>]]>')).toEqual([
      'a',
      'b',
      'c &amp; <d>',
    ]);
  });

  it("HTML's raw-text elements are ordinary elements here (a JATS <title> holds markup)", () => {
    expect(events('<title>Results in <italic>H. pylori</italic> &amp; more</title>')).toEqual([
      '<title>',
      'Results in ',
      '<italic>',
      'H. pylori',
      '</italic>',
      ' & more',
      '</title>',
    ]);
    expect(jatsToSections('<sec><title>Effect of <italic>X</italic></title><p>Text.</p></sec>')).toEqual([
      { label: 'Effect of X', category: null, text: 'Text.' },
    ]);
  });

  it('the XML dialect knows only XML names and is case-sensitive', () => {
    expect(events('&beta; &lt; &#946;', 'xml').join('')).toBe('&beta; < β');
    expect(decodeReferences('&beta; &lt;', 'xml')).toBe('&beta; <');
    expect(decodeReferences('&beta; &lt;')).toBe('β <');
  });

  it('markupTree: an end tag closes up to its element; one matching nothing is ignored', () => {
    expect(markupTree('a<b>c<i>d</b>e</x>f', 'xml')).toEqual({
      name: '#root',
      children: ['a', { name: 'b', children: ['c', { name: 'i', children: ['d'] }] }, 'e', 'f'],
    });
  });
});

describe('the three callers on markup the recordings lack', () => {
  it('feed HTML: script and style go with their content; JATS paragraphs are lines', () => {
    expect(htmlToText('<p>One</p><script>var a = "<b>";</script><style>p { x: 1 }</style>Two')).toBe(
      'One\nTwo',
    );
    // The old stripper removed <jats:p> without a break and glued "first.Second" together.
    expect(htmlToText('<jats:p>The first.</jats:p><jats:p>Second.</jats:p>')).toBe('The first.\nSecond.');
  });

  it('Crossref/Europe PMC text: unescaped "<or=" keeps its words', () => {
    expect(markupToText('Adults aged <or=65 years')).toBe('Adults aged <or=65 years');
  });

  it('PubMed: MathML prescripts first, whitespace between MathML elements dropped', () => {
    const he3 =
      '<mml:math><mml:mmultiscripts><mml:mi>He</mml:mi>\n <mml:mprescripts/><mml:none/><mml:mn>3</mml:mn></mml:mmultiscripts></mml:math> MRI';
    expect(flattenInline(he3)).toBe('3He MRI');
    expect(
      flattenInline('a <mml:math><mml:mi>x</mml:mi><mml:mo> </mml:mo><mml:mi>y</mml:mi></mml:math>'),
    ).toBe('a x y'); // the <mo> space is kept (then collapsed like any other)
  });
});
