/**
 * Topic tags for the offline provider: the paper's MeSH headings and
 * keywords without MEDLINE's check tags (humans, male, female, age groups,
 * animals) and method headings (cohort studies, risk factors), which say
 * nothing a reader would browse by; the title's most frequent words when too
 * few are left.
 */
import { abstractText, type PaperRecord } from '../domain/paper.ts';
import { STOPWORDS } from '../text/sentences.ts';

const CHECK_TAGS = new Set(
  [
    'humans',
    'human',
    'male',
    'female',
    'animals',
    'adult',
    'aged',
    'aged, 80 and over',
    'middle aged',
    'young adult',
    'adolescent',
    'child',
    'child, preschool',
    'infant',
    'infant, newborn',
    'pregnancy',
    'mice',
    'rats',
    'cattle',
    'dogs',
    'swine',
    'cohort studies',
    'prospective studies',
    'retrospective studies',
    'follow-up studies',
    'case-control studies',
    'cross-sectional studies',
    'risk factors',
    'risk assessment',
    'treatment outcome',
    'time factors',
    'surveys and questionnaires',
    'reproducibility of results',
    'sensitivity and specificity',
    'prognosis',
    'incidence',
    'prevalence',
    'odds ratio',
    'logistic models',
    'multivariate analysis',
    'regression analysis',
    'double-blind method',
    'single-blind method',
    'cells, cultured',
    'cell line',
    'cell line, tumor',
    'mice, inbred c57bl',
    'rats, sprague-dawley',
    'rats, wistar',
    'disease models, animal',
  ].map((t) => t.toLowerCase()),
);

export function isCheckTag(term: string): boolean {
  const t = term.toLowerCase().trim();
  return CHECK_TAGS.has(t) || /^(?:mice|rats), /.test(t);
}

export function topicsOf(record: PaperRecord): string[] {
  const seen = new Set<string>();
  const add = (t: string) => {
    const tag = t.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 60);
    if (tag.length >= 2 && seen.size < 8 && !isCheckTag(tag)) seen.add(tag);
  };
  for (const k of record.keywords) add(k);
  if (seen.size < 3) {
    const words = `${record.title} ${abstractText(record)}`.toLowerCase().match(/[a-z][a-z-]{3,}/g) ?? [];
    const counts = new Map<string, number>();
    for (const w of words) if (!STOPWORDS.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    for (const [w] of [...counts].sort((a, b) => b[1] - a[1])) {
      if (seen.size >= 3) break;
      add(w);
    }
  }
  for (const filler of ['research', 'health', 'science']) if (seen.size < 3) add(filler);
  return [...seen];
}
