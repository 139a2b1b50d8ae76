/**
 * The abstract of an article PDF, found in the text of its first pages. It
 * starts after an "Abstract"/"Summary" heading (or at a structured label such
 * as "Background:" or "Objectives." when there is no heading) and ends at
 * "Keywords", an "Introduction"/"Background" heading, a correspondence or
 * copyright line, or the short last line of the Conclusions. Structured
 * abstracts are split into labelled sections; without an abstract, the
 * start of the body text stands in.
 */
import type { AbstractSection } from '../../domain/paper.ts';

const MAX_ABSTRACT_CHARS = 4000;
const FALLBACK_CHARS = 1500;

const LABEL_WORDS = [
  'Background',
  'Objectives',
  'Objective',
  'Aims',
  'Aim',
  'Purpose',
  'Context',
  'Introduction',
  'Materials and methods',
  'Methods',
  'Method',
  'Methodology',
  'Design',
  'Setting',
  'Participants',
  'Patients',
  'Interventions',
  'Intervention',
  'Measurements',
  'Main outcome measures',
  'Results',
  'Findings',
  'Conclusions',
  'Conclusion',
  'Interpretation',
  'Significance',
  'Discussion',
];
const LABEL_ALT = [...LABEL_WORDS, ...LABEL_WORDS.map((w) => w.toUpperCase())].join('|');
/** A label at the start or after a sentence, followed by ":" / "." or directly by a capitalized word. */
const LABEL = new RegExp(`(?:^|(?<=[.!?]\\s))(${LABEL_ALT})(?:\\s*[:.]\\s+|\\s+(?=\\p{Lu}))`, 'gu');

const CATEGORIES: ReadonlyArray<[RegExp, string]> = [
  [/^(?:background|introduction|context)/i, 'BACKGROUND'],
  [/^(?:objective|aim|purpose)/i, 'OBJECTIVE'],
  [
    /^(?:method|materials|design|setting|participants|patients|intervention|measurements|main outcome)/i,
    'METHODS',
  ],
  [/^(?:results|findings)/i, 'RESULTS'],
  [/^(?:conclusion|interpretation|significance|discussion)/i, 'CONCLUSIONS'],
];

const HEADING = /^(?:abstract|summary|a b s t r a c t)\b\s*[:.—–-]?\s*(.*)$/i;
const LABEL_START =
  /^(?:Background|BACKGROUND|Objectives?|OBJECTIVES?|Aims?|Purpose|Context|Rationale)\s*[:.]\s+\S/;
const END =
  /^(?:key ?words?|index terms|abbreviations)\b|^(?:\d+\.?|[IVX]+\.)?\s*(?:introduction|background)$|^\*?\s*correspondence\b|^©|^copyright\b|^received\b|^citation\b/i;
const CONCLUSION_LABEL = /(?:^|[.!?]\s)(?:Conclusions?|CONCLUSIONS?|Interpretation)\b/;

interface Start {
  index: number;
  firstText: string;
}

function findStart(lines: readonly string[]): Start | null {
  for (let i = 0; i < lines.length; i++) {
    const rest = HEADING.exec(lines[i] ?? '')?.[1];
    if (rest !== undefined && (rest === '' || /^\p{Lu}/u.test(rest)))
      return { index: i + 1, firstText: rest };
  }
  const labelled = lines.findIndex((l) => LABEL_START.test(l));
  if (labelled >= 0) return { index: labelled, firstText: '' };
  const heading = lines.findIndex((l) => /^background$/i.test(l));
  return heading >= 0 ? { index: heading + 1, firstText: '' } : null;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Lines of the abstract, from the start up to (not including) the first end marker. */
function abstractLines(lines: readonly string[], start: Start): string[] {
  const taken = start.firstText ? [start.firstText] : [];
  let inConclusions = CONCLUSION_LABEL.test(start.firstText);
  let chars = start.firstText.length;
  for (let i = start.index; i < lines.length && chars < MAX_ABSTRACT_CHARS; i++) {
    const line = lines[i] ?? '';
    if (END.test(line)) break;
    taken.push(line);
    chars += line.length + 1;
    inConclusions ||= CONCLUSION_LABEL.test(line);
    // The Conclusions end on a short line that closes a sentence; the body follows.
    const typical = median(taken.map((l) => l.length));
    if (inConclusions && /\.$/.test(line) && taken.length > 2 && line.length < typical * 0.85) break;
  }
  return taken;
}

function labelCategory(label: string): string | null {
  return CATEGORIES.find(([pattern]) => pattern.test(label))?.[1] ?? null;
}

/** Split "Background: ... Methods: ..." into sections; one unlabelled section unless it starts with a label. */
export function splitStructured(text: string): AbstractSection[] {
  const matches = [...text.matchAll(LABEL)];
  const distinct = new Set(matches.map((m) => (m[1] ?? '').toLowerCase()));
  if (matches[0]?.index !== 0 || distinct.size < 2) return [{ label: null, category: null, text }];
  return matches.map((match, i) => {
    const label = (match[1] ?? '').toUpperCase();
    const from = (match.index ?? 0) + match[0].length;
    const to = matches[i + 1]?.index ?? text.length;
    return { label, category: labelCategory(label), text: text.slice(from, to).trim() };
  });
}

/** Cut to about `limit` characters, ending at a sentence when one ends in the last third. */
function cutAtSentence(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const sentenceEnd = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('.\n'));
  if (sentenceEnd > limit * 0.66) return cut.slice(0, sentenceEnd + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 0 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The abstract from the first pages' lines; `bodyStart` is where body text begins for the fallback. */
export function findAbstract(lines: readonly string[], bodyStart: number): AbstractSection[] {
  const start = findStart(lines);
  const text = start ? abstractLines(lines, start).join(' ').replace(/\s+/g, ' ').trim() : '';
  if (text.length >= 100) return splitStructured(cutAtSentence(text, MAX_ABSTRACT_CHARS));
  const body = lines.slice(bodyStart).join(' ').replace(/\s+/g, ' ').trim();
  return body ? [{ label: null, category: null, text: cutAtSentence(body, FALLBACK_CHARS) }] : [];
}
