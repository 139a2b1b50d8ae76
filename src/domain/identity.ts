/**
 * Paper identity: what makes two submissions the same paper. A paper is known
 * by every identity it has, each claimed by the store: its normalized DOI, its
 * PMID, a hash of the pasted text, a hash of its abstract (so a pasted
 * abstract, a feed item and the PubMed record of the same paper meet, in any
 * order), and its title + first author + year (where the abstract differs
 * only in formatting or truncation). Texts are compared without case,
 * punctuation or journal-style section labels ("Background:", "BACKGROUND:",
 * "Objective:" or none at all are the same abstract).
 */
import type { AbstractSection, PaperRecord } from './paper.ts';

export interface Identity {
  kind: 'doi' | 'pmid' | 'text' | 'abstract' | 'tay';
  value: string;
}

/** Below this many characters an abstract is too generic to identify a paper. */
const MIN_ABSTRACT_CHARS = 200;

/** Recent answers: submission and ingest ask about the same abstract and title. Emptied when full. */
const canonical = new Map<string, string>();

/** Any character outside ASCII. */
const NON_ASCII = /[^\p{ASCII}]/u;

/** Case, accents' forms, white space and punctuation do not make a different text. */
export function canonicalText(text: string): string {
  const known = canonical.get(text);
  if (known !== undefined) return known;
  // ASCII text is its own NFKC form, and its letters and digits are exactly a-z and 0-9: the same result, faster.
  const value = !NON_ASCII.test(text)
    ? text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()
    : text
        .toLowerCase()
        .normalize('NFKC')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
  if (canonical.size >= 1000) canonical.clear();
  canonical.set(text, value);
  return value;
}

/** Journal-style section labels (PubMed's NLM categories and the labels journals print). */
const LABELS =
  '(?:abstract|summary|background|introduction|context|importance|purpose|aims?|objectives?|hypothes[ie]s|(?:study )?design|setting|settings|participants|patients|subjects|population|interventions?|exposures?|(?:materials and )?methods?|measurements?|(?:main )?outcomes?(?: measures?)?|results?|findings|conclusions?(?: and relevance)?|interpretation|discussion|significance|limitations|implications|relevance|trial registration|funding|data sources|study selection|data extraction|evidence (?:acquisition|synthesis)|case (?:presentation|report|description)|new information)';
/** A label where a section starts: at the start, after a line break or a sentence's end ("… low. Conclusions: …"). */
const SECTION_LABEL = new RegExp(`(^|[\\n.;!?]\\s*)${LABELS}\\s*[:：]\\s*`, 'gi');
/** A heading alone on its line ("Abstract", "Background"), as copied from an article page. */
const HEADING_LINE = new RegExp(`(^|\\n)[ \\t]*${LABELS}[ \\t]*[:：]?[ \\t]*(?=\\r?\\n|$)`, 'gi');

/** Text without its section labels and headings: what the abstract and text identities hash. */
export function withoutSectionLabels(text: string): string {
  return text.replace(HEADING_LINE, '$1').replace(SECTION_LABEL, '$1');
}

export function textIdentity(text: string): Identity {
  return { kind: 'text', value: canonicalText(withoutSectionLabels(text)) };
}

/** The abstract's words without its section labels: the same for a pasted copy and the PubMed record. */
export function abstractIdentity(sections: readonly Pick<AbstractSection, 'text'>[]): Identity | null {
  const value = canonicalText(withoutSectionLabels(sections.map((s) => s.text).join('\n')));
  return value.length >= MIN_ABSTRACT_CHARS ? { kind: 'abstract', value } : null;
}

/** Title, first author's surname and year, where a record has all three. */
export function titleAuthorYearIdentity(
  record: Pick<PaperRecord, 'title' | 'authors' | 'publishedAt'>,
): Identity | null {
  const year = /^\d{4}/.exec(record.publishedAt ?? '')?.[0];
  const surname = surnameOf(record.authors[0] ?? '');
  const title = canonicalText(record.title);
  if (!year || !surname || title.length < 20) return null;
  return { kind: 'tay', value: `${title}|${surname}|${year}` };
}

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** "Jane Q. Smith Jr" and "Smith, Jane" -> "smith" (sources write "Given Family", citations "Family, Given"). */
function surnameOf(name: string): string {
  if (name.includes(',')) return canonicalText(name.split(',')[0] ?? '');
  const words = canonicalText(name)
    .split(' ')
    .filter((w) => !SUFFIXES.has(w));
  return words.at(-1) ?? '';
}

export function identitiesOf(ids: { doi?: string | undefined; pmid?: string | undefined }): Identity[] {
  const out: Identity[] = [];
  if (ids.doi) out.push({ kind: 'doi', value: ids.doi.toLowerCase() });
  if (ids.pmid) out.push({ kind: 'pmid', value: ids.pmid });
  return out;
}

/** Every identity an ingested record reveals. */
export function recordIdentities(record: PaperRecord): Identity[] {
  return [
    ...identitiesOf(record.ids),
    abstractIdentity(record.abstract),
    titleAuthorYearIdentity(record),
  ].filter((i): i is Identity => i !== null);
}
