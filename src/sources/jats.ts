/**
 * Abstract markup to labelled sections. Crossref gives JATS XML (`<jats:sec>`
 * with a `<jats:title>`, `<jats:p>`, inline `<jats:italic>`, sometimes no
 * namespace prefix, often a leading `<jats:title>Abstract</jats:title>` that
 * only names the abstract); Europe PMC gives HTML-ish text whose sections
 * start at `<h4>` and whose `<` is not always escaped ("p < .001"). Both are
 * the same walk: headings start sections, block elements end paragraphs,
 * everything else is inline and only its text is kept ("CO<sub>2</sub>" ->
 * "CO2"). The walk is forgiving on purpose: a stray `<` or an unclosed tag
 * must not lose the words around it.
 */
import type { AbstractSection } from '../domain/paper.ts';
import { type MarkupVisitor, walkMarkup } from '../text/markup.ts';

const HEADINGS = new Set(['title', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements that end a paragraph. `sec` is handled on its own (it scopes a heading). */
const BLOCKS = new Set([
  'p',
  'br',
  'div',
  'li',
  'ul',
  'ol',
  'list',
  'list-item',
  'def-list',
  'def-item',
  'disp-quote',
  'boxed-text',
  'fig',
  'caption',
  'table-wrap',
  'table',
  'tr',
  'disp-formula',
  'statement',
]);
/** A heading that names the whole abstract is not a section label. */
const ABSTRACT_NAME = /^(?:abstract|summary)$/i;

/** Marks white space that held a line break: pretty-printing, not content (a private-use character). */
const LAYOUT = '\uE000';
/** Marks the start of a sub/superscript: layout before it is dropped ("E\n<sub>2</sub>" is "E2"). */
const GLUE = '\uE001';
const SCRIPTS = new Set(['sub', 'sup']);

interface Section {
  label: string | null;
  paragraphs: string[];
}

/** The private-use markers above must not come from the input itself. */
const withoutMarkers = (markup: string): string => markup.replace(/[\uE000\uE001]/g, '');

/**
 * Collapse white space. Where a line break sat next to an inline tag in
 * pretty-printed JATS ("<italic>P. bobaiensis</italic>\n   . It"), the break
 * is layout: no space before closing punctuation, a prime, a sub/superscript
 * or a joining hyphen ("z\n-score"), after an opening bracket, or beside a
 * no-break or thin space that the author typed.
 */
function tidy(raw: string): string {
  return raw
    .replace(/[ \t\r\n]+/g, (ws) => (ws.includes('\n') ? LAYOUT : ' '))
    .replace(/[ \uE000]*\uE000[ \uE000]*/g, LAYOUT)
    .replace(/\uE000(?=\uE001|[.,;:!?)\]′″\u00a0\u2000-\u200a\u202f]|-\p{L})/gu, '')
    .replace(/(?<=[([\u00a0\u2000-\u200a\u202f])\uE000/g, '')
    .replaceAll(GLUE, '')
    .replaceAll(LAYOUT, ' ')
    .trim();
}

const cleanLabel = (text: string): string | null => tidy(text).replace(/\s*[:.]$/, '') || null;

/** Walks the events, keeping the current section, paragraph and heading. */
class SectionBuilder implements MarkupVisitor {
  readonly sections: Section[] = [{ label: null, paragraphs: [] }];
  private paragraph: string[] = [];
  private heading: string[] | null = null;
  private readonly enclosing: (string | null)[] = [];
  private mathDepth = 0;

  private get current(): Section {
    return this.sections[this.sections.length - 1] as Section;
  }

  private endParagraph(): void {
    const text = tidy(this.paragraph.join(''));
    if (text) this.current.paragraphs.push(text);
    this.paragraph = [];
  }

  private startSection(label: string | null): void {
    this.endParagraph();
    const section = this.current;
    if (section.paragraphs.length === 0) section.label = label;
    else this.sections.push({ label, paragraphs: [] });
  }

  text(text: string): void {
    // Inside MathML, white space between elements is layout ("V . O 2" would be wrong).
    if (this.mathDepth > 0 && text.trim() === '') return;
    (this.heading ?? this.paragraph).push(text);
  }

  open(name: string, selfClosing: boolean): void {
    if (name === 'math' && !selfClosing) this.mathDepth++;
    else if (name === 'sec' && !selfClosing) {
      this.enclosing.push(this.current.label);
      this.startSection(null);
    } else if (HEADINGS.has(name) && !selfClosing) {
      this.endParagraph();
      this.heading = [];
    } else if (SCRIPTS.has(name)) (this.heading ?? this.paragraph).push(GLUE);
    else if (BLOCKS.has(name)) this.endParagraph();
  }

  close(name: string): void {
    if (name === 'math') this.mathDepth = Math.max(0, this.mathDepth - 1);
    else if (name === 'sec') this.startSection(this.enclosing.pop() ?? null);
    else if (HEADINGS.has(name) && this.heading) {
      const label = cleanLabel(this.heading.join(''));
      this.heading = null;
      if (label && !ABSTRACT_NAME.test(label)) this.startSection(label);
    } else if (BLOCKS.has(name)) this.endParagraph();
  }

  finish(): AbstractSection[] {
    if (this.heading) this.paragraph.push(...this.heading); // an unclosed heading was text after all
    this.endParagraph();
    // Paragraphs under one heading make one section; unlabelled paragraphs stay apart.
    return this.sections.flatMap((s): AbstractSection[] =>
      s.label === null
        ? s.paragraphs.map((text) => ({ label: null, category: null, text }))
        : s.paragraphs.length > 0
          ? [{ label: s.label, category: null, text: s.paragraphs.join(' ') }]
          : [],
    );
  }
}

function toSections(markup: string): AbstractSection[] {
  const builder = new SectionBuilder();
  walkMarkup(withoutMarkers(markup), builder);
  return builder.finish();
}

/** Crossref's JATS abstract (`message.abstract`) as sections; [] when it has no text. */
export function jatsToSections(jats: string): AbstractSection[] {
  return toSections(jats);
}

/** Europe PMC's `abstractText` (sections start at `<h4>`) as sections; [] when it has no text. */
export function htmlAbstractToSections(html: string): AbstractSection[] {
  return toSections(html);
}

/** Plain text of a short fragment with inline markup (titles, names): one line, entities decoded. */
export function markupToText(fragment: string): string {
  let out = '';
  let mathDepth = 0;
  walkMarkup(withoutMarkers(fragment), {
    text: (text) => {
      out += mathDepth > 0 && text.trim() === '' ? '' : text;
    },
    open: (name, selfClosing) => {
      if (name === 'math') mathDepth += selfClosing ? 0 : 1;
      else if (SCRIPTS.has(name)) out += GLUE;
      else if (BLOCKS.has(name) || HEADINGS.has(name)) out += ' ';
    },
    close: (name) => {
      if (name === 'math') mathDepth = Math.max(0, mathDepth - 1);
    },
  });
  return tidy(out);
}
