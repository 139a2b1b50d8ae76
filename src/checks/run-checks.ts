/**
 * Quality checks on a draft. They advise the reviewer (shown beside the
 * draft) and never block it: a human makes the call. Standards: MedlinePlus
 * easy-to-read (grade 6-8), Cochrane plain language summaries (define terms,
 * no treatment recommendations, state limitations).
 */
import type { CheckResult } from '../domain/draft.ts';
import { abstractText, type PaperRecord } from '../domain/paper.ts';
import type { LaySummary } from '../domain/summary.ts';
import { evidenceLevel } from '../evidence/ceiling.ts';
import { fleschKincaidGrade } from '../text/readability.ts';

const laySections = (s: LaySummary) => [s.takeaway, s.findings, s.audience, ...s.caveats].join(' ');

function readingLevel(s: LaySummary): CheckResult {
  const grade = Math.round(fleschKincaidGrade(laySections(s)) * 10) / 10;
  const status = grade <= 9 ? 'pass' : grade <= 12 ? 'warn' : 'fail';
  return {
    id: 'reading-level',
    label: 'Reading level',
    status,
    message: `Flesch-Kincaid grade ${grade} (target 6-9 for lay readers${status === 'pass' ? '' : '; shorten sentences and use plainer words'}).`,
  };
}

/** Numbers in the summary that never appear in the source may be invented. */
function numbersInSource(s: LaySummary, record: PaperRecord): CheckResult {
  const source = `${record.title} ${abstractText(record)} ${record.fullText ?? ''}`.replace(
    /(\d)[ ,](?=\d{3}\b)/g,
    '$1',
  );
  const found =
    (laySections(s) + s.headline).replace(/(\d)[ ,](?=\d{3}\b)/g, '$1').match(/\d+(?:\.\d+)?/g) ?? [];
  const missing = [...new Set(found)].filter((n) => !source.includes(n) && Number(n) > 10);
  return missing.length === 0
    ? {
        id: 'numbers',
        label: 'Numbers match the source',
        status: 'pass',
        message: 'Every number in the draft appears in the source.',
      }
    : {
        id: 'numbers',
        label: 'Numbers match the source',
        status: 'warn',
        message: `Not found in the source: ${missing.join(', ')}. Check these against the paper.`,
      };
}

function noRecommendations(s: LaySummary): CheckResult {
  const hit = laySections(s).match(
    /\b(you should (?:take|stop|start|use|avoid)|we recommend|must take|should be prescribed)\b/i,
  );
  return hit
    ? {
        id: 'advice',
        label: 'No treatment advice',
        status: 'warn',
        message: `"${hit[0]}" reads as medical advice; describe findings instead and suggest talking to a healthcare provider.`,
      }
    : {
        id: 'advice',
        label: 'No treatment advice',
        status: 'pass',
        message: 'No direct treatment advice found.',
      };
}

function acronyms(s: LaySummary): CheckResult {
  const text = laySections(s);
  const all = [...new Set(text.match(/\b[A-Z]{2,6}s?\b/g) ?? [])];
  const unexplained = all.filter((a) => !new RegExp(`\\(${a}\\)|${a} \\(`).test(text));
  return unexplained.length === 0
    ? { id: 'acronyms', label: 'Acronyms explained', status: 'pass', message: 'No unexplained acronyms.' }
    : {
        id: 'acronyms',
        label: 'Acronyms explained',
        status: 'warn',
        message: `Unexplained: ${unexplained.slice(0, 8).join(', ')}. Spell them out or explain them.`,
      };
}

function ratingMatchesDesign(s: LaySummary, record: PaperRecord): CheckResult {
  const level = evidenceLevel(record);
  const guess = level.design ? { score: level.ceiling, design: level.design.plain } : null;
  const score = s.ratings.credibility.score;
  if (!guess)
    return {
      id: 'credibility',
      label: 'Credibility fits the design',
      status: 'pass',
      message: `Rated ${score}/5; design not recognized automatically.`,
    };
  const off = Math.abs(guess.score - score) >= 2;
  return {
    id: 'credibility',
    label: 'Credibility fits the design',
    status: off ? 'warn' : 'pass',
    message: `Rated ${score}/5; the design looks like ${guess.design} (typically ${guess.score}/5).`,
  };
}

function headlineLength(s: LaySummary): CheckResult {
  const words = s.headline.split(/\s+/).length;
  return words <= 14
    ? { id: 'headline', label: 'Headline length', status: 'pass', message: `${words} words.` }
    : {
        id: 'headline',
        label: 'Headline length',
        status: 'warn',
        message: `${words} words: aim for 12 or fewer.`,
      };
}

export function runChecks(summary: LaySummary, record: PaperRecord): CheckResult[] {
  return [
    readingLevel(summary),
    numbersInSource(summary, record),
    noRecommendations(summary),
    acronyms(summary),
    ratingMatchesDesign(summary, record),
    headlineLength(summary),
  ];
}
