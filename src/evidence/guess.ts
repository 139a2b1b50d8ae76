/**
 * A first guess at the strength of evidence from the publication types and
 * the abstract's wording (Oxford CEBM levels, simplified). Used by the
 * extractive provider for its credibility rating and by the checks to flag an
 * LLM rating that disagrees with the study design.
 */
import { abstractText, type PaperRecord } from '../domain/paper.ts';

export interface EvidenceGuess {
  score: 1 | 2 | 3 | 4 | 5;
  design: string;
}

const RULES: ReadonlyArray<{ pattern: RegExp; score: EvidenceGuess['score']; design: string }> = [
  {
    pattern: /meta-analys[ie]s|systematic review/i,
    score: 5,
    design: 'a systematic review or meta-analysis',
  },
  {
    pattern: /randomi[sz]ed controlled trial|randomi[sz]ed trial|\brct\b/i,
    score: 4,
    design: 'a randomized controlled trial',
  },
  {
    pattern: /cohort|case-control|prospective|retrospective|observational|mendelian randomi[sz]ation/i,
    score: 3,
    design: 'an observational study',
  },
  { pattern: /\breview\b/i, score: 3, design: 'a review of existing research' },
  {
    pattern: /case series|cross-sectional|survey|\bmice\b|\bmouse\b|\brats?\b|in vitro|cell line/i,
    score: 2,
    design: 'a small, cross-sectional, animal or laboratory study',
  },
  { pattern: /case report|editorial|comment|letter/i, score: 1, design: 'a case report or opinion piece' },
];

export function guessEvidence(record: PaperRecord): EvidenceGuess | null {
  const types = record.publicationTypes.join(' ');
  for (const rule of RULES) if (rule.pattern.test(types)) return { score: rule.score, design: rule.design };
  const text = `${record.title} ${abstractText(record)}`;
  for (const rule of RULES) if (rule.pattern.test(text)) return { score: rule.score, design: rule.design };
  return null;
}
