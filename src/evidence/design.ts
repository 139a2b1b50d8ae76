/**
 * Study design from PubMed publication types and the abstract's own words.
 * Rules are in priority order (Oxford CEBM levels, simplified). Publication
 * types are trusted first, but a generic type ("Review", "Clinical Trial",
 * "Comparative Study") gives way to a more specific design the text names
 * ("systematic review", "randomly assigned", "we report a case").
 */
import type { PaperRecord } from '../domain/paper.ts';

export type DesignId =
  | 'opinion'
  | 'case-report'
  | 'systematic-review'
  | 'rct'
  | 'phase-1'
  | 'trial'
  | 'animal'
  | 'in-vitro'
  | 'method'
  | 'observational'
  | 'cross-sectional'
  | 'qualitative'
  | 'narrative-review';

export interface Design {
  id: DesignId;
  /** Plain words for a lay reader: "a randomized controlled trial". */
  plain: string;
  /** The highest credibility score (1-5) this design can carry. */
  ceiling: 1 | 2 | 3 | 4 | 5;
  /** Where the design was read: the publication types or the abstract. */
  from: 'publication type' | 'abstract';
}

interface Rule {
  id: DesignId;
  plain: string;
  ceiling: Design['ceiling'];
  types?: RegExp;
  text?: RegExp;
  /** Generic designs (from the publication types) that this rule's text may refine. */
  refines?: readonly DesignId[];
}

const HUMANS =
  /\b(?:patients?|participants?|people|persons|adults?|children|women|men|volunteers|subjects|infants|residents|workers|individuals)\b/gi;
const count = (text: string, pattern: RegExp) => text.match(new RegExp(pattern.source, 'gi'))?.length ?? 0;

const RULES: readonly Rule[] = [
  {
    id: 'opinion',
    plain: 'an opinion piece (editorial, comment or letter)',
    ceiling: 1,
    types: /\b(?:editorial|comment|letter|news|biography|historical article|interview|published erratum)\b/i,
  },
  {
    id: 'case-report',
    plain: 'a report of a single case',
    ceiling: 1,
    types: /case reports/i,
    text: /\bcase report\b|\bwe (?:report|describe|present) (?:a|an|the|two|three) (?:case|patient|\d+-year-old)|\ba \d+-year-old (?:man|woman|boy|girl|patient)\b/i,
    refines: ['narrative-review'],
  },
  {
    id: 'systematic-review',
    plain: 'a systematic review or meta-analysis, which pools earlier studies',
    ceiling: 5,
    types: /systematic review|meta-analysis/i,
    text: /systematic(?:al)? review|meta-analy[sz][ie]s|meta-analytic|cochrane|we searched (?:the )?(?:medline|embase|pubmed|databases)/i,
    refines: ['narrative-review'],
  },
  {
    id: 'phase-1',
    plain: 'an early (phase 1) trial that tests safety in a small group',
    ceiling: 2,
    types: /phase i\b/i,
    text: /\bphase (?:i|1|1b|ib|i\/ii|1\/2)\b(?: clinical)? (?:trial|study)|first-in-human/i,
    refines: ['trial', 'observational'],
  },
  {
    id: 'rct',
    plain: 'a randomized controlled trial, in which people are put into groups by chance',
    ceiling: 4,
    types:
      /randomized controlled trial|pragmatic clinical trial|equivalence trial|clinical trial, phase (?:iii|iv)/i,
    text: /randomly (?:assigned|allocated|divided)|were randomi[sz]ed|we randomi[sz]ed|random allocation|placebo-controlled|randomi[sz]ed,? (?:(?:controlled|clinical|double-blind(?:ed)?|open-label|crossover|cross-over|multi-?cent(?:er|re)|parallel-group|pragmatic|phase \w+),? )*(?:trial|study)\b(?! (?:is|are|were|would be) (?:needed|required|warranted))/i,
    refines: ['trial', 'observational', 'narrative-review'],
  },
  {
    id: 'trial',
    plain: 'a clinical trial without random assignment',
    ceiling: 3,
    types: /clinical trial|controlled clinical trial/i,
    text: /\b(?:single-arm|open-label|non-randomi[sz]ed|phase (?:ii|2|2a|2b|iia|iib)) (?:trial|study)|\bclinical trial\b|\bpilot (?:trial|study)\b/i,
    refines: ['observational'],
  },
  {
    id: 'animal',
    plain: 'a study in animals, not people',
    ceiling: 2,
    text: /\b(?:mice|mouse|murine|rats?|rodents?|zebrafish|drosophila|beagles?|dogs|pigs|piglets|rabbits|sheep|cattle|primates|macaques|monkeys|c\. elegans|mosquito(?:es)?|insects?|flies|larvae|triatomines|vectors|species)\b/i,
  },
  {
    id: 'in-vitro',
    plain: 'a laboratory study (cells, molecules or computer models), not a study in people',
    ceiling: 2,
    text: /\bin vitro\b|cell lines?\b|cultured (?:cells|neurons)|\bcell culture|\bstrains?\b|spectroscop|crystal|in silico|simulations?\b|\bproteins?\b|\benzymes?\b|kinases?\b|receptors?\b|gene expression|phosphorylat|\bmolecular\b|\bbinding\b|\bmutants?\b|plasmids?|\bassays?\b|\bbacteria|\bvirus(?:es)?\b|\bresonance\b|\bions?\b/i,
  },
  {
    id: 'method',
    plain: 'a description of a new method or tool',
    ceiling: 2,
    types: /technical report/i,
    text: /technical note|\bwe (?:designed|developed|propose|present|describe|introduce)(?: and (?:generated|developed|validated|tested|implemented))? (?:a |an |the )?(?:new |novel |simple |automated )?(?:method|system|tool|pipeline|algorithm|technique|software|approach|device|framework|platform)/i,
  },
  {
    id: 'observational',
    plain: 'an observational study, which can show links but not cause and effect',
    ceiling: 3,
    types:
      /observational study|comparative study|multicenter study|twin study|evaluation study|validation study/i,
    text: /\bcohort|case-control|prospective(?:ly)?\b|retrospective(?:ly)?\b|observational|mendelian randomi[sz]ation|registry|population-based|genome-wide association|\bgwas\b|follow-up|followed (?:up )?for|longitudinal|we (?:analy[sz]ed|examined|compared|studied|recruited|enrolled|assessed)|were (?:recruited|enrolled|included)|medical records|nationwide|incidence|epidemiolog|latent class|we (?:evaluated|investigated|measured|explored|tested|determined|aimed)|(?:study|analysis|survey) was (?:conducted|performed|carried out)|data (?:from|were collected)|patients (?:who|were|underwent)/i,
  },
  {
    id: 'cross-sectional',
    plain: 'a survey or snapshot study, which cannot show cause and effect',
    ceiling: 2,
    text: /cross-sectional|\bsurvey|questionnaire|prevalence/i,
  },
  {
    id: 'qualitative',
    plain: 'a qualitative study of interviews or focus groups',
    ceiling: 2,
    text: /qualitative|semi-structured interviews|focus groups?/i,
  },
  {
    id: 'narrative-review',
    plain: 'a review of earlier research that is not systematic',
    ceiling: 3,
    types: /\breview\b/i,
    text: /\b(?:this|we) review\b|\breview(?:s|ed)? (?:the|recent|current) (?:literature|evidence|advances|findings)|\bnarrative review|\boverview of\b|\bin this review\b/i,
  },
];

function byId(id: DesignId, from: Design['from']): Design {
  const rule = RULES.find((r) => r.id === id) as Rule;
  return { id: rule.id, plain: rule.plain, ceiling: rule.ceiling, from };
}

function textMatches(rule: Rule, text: string): boolean {
  if (!rule.text?.test(text)) return false;
  // An animal or cell study is one that names animals or cells more often than people.
  if (rule.id === 'animal' || rule.id === 'in-vitro') return count(text, rule.text) > count(text, HUMANS);
  return true;
}

/** The design, or null when neither the types nor the text name one. */
export function studyDesign(
  record: Pick<PaperRecord, 'publicationTypes' | 'title' | 'abstract'>,
): Design | null {
  const types = record.publicationTypes.join('; ');
  const text = `${record.title}\n${record.abstract.map((s) => s.text).join('\n')}`;
  const fromTypes = RULES.find((r) => r.types?.test(types));
  const fromText = RULES.find((r) => textMatches(r, text));
  if (fromTypes && fromText?.refines?.includes(fromTypes.id)) return byId(fromText.id, 'abstract');
  if (fromTypes) return byId(fromTypes.id, 'publication type');
  return fromText ? byId(fromText.id, 'abstract') : null;
}
