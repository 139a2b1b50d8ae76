/**
 * The words that name a study design: PubMed publication types, and what an
 * abstract says about its own study ("we randomly assigned", "a single-arm
 * phase II trial", "we report a case"). Lists are in priority order: when an
 * abstract names two designs, the first listed wins (a post hoc analysis of a
 * randomized trial is a secondary analysis; a case with a literature review is
 * a case report).
 */
import type { DesignId } from './designs.ts';

const FEW = '(?:two|three|2|3)';
const MANY =
  '(?:four|five|six|seven|eight|nine|ten|eleven|twelve|\\w+teen|twenty|thirty|forty|fifty|[4-9]|\\d{2,})';
/** Up to six words between "randomized" and "trial": "randomised, prospective, open, cross over trial". */
const QUALIFIERS = '(?:[\\w-]+,? (?:and )?){0,6}?';

/** What an abstract (or a title) says about its own study. */
export const DECLARED: ReadonlyArray<readonly [DesignId, RegExp]> = [
  [
    'opinion',
    /\b(?:this|our|the present|in this) (?:commentary|editorial|essay|viewpoint|opinion piece|perspective)\b|\bour commentary\b|\bI argue\b|\b(?:this|the present) (?:article|paper) (?:argues|considers|reflects)\b|\baim of this contribution\b|\ba theoretical insight\b|\b(?:editorial|commentary|viewpoint)\s*$/i,
  ],
  [
    'case-report',
    new RegExp(
      `\\bcase report\\b|\\bwe (?:report|describe|present) (?:here )?(?:a|an|the|one|${FEW}) (?:rare |unusual |unique |novel )?(?:case|cases|patients?|\\d+-year-old)\\b|\\b(?:report|present|describe|document)s? (?:the|a) case (?:of|discussion)|\\bcase discussion of\\b|\\bthe case of an? \\d+-year-old\\b|\\bauthors (?:present|report|describe) (?:a|one|${FEW}) (?:patients?|cases)\\b|\\b(?:we|authors) (?:present|report|describe) a case\\b|^(?:a )?(?:rare |unusual )?case of\\b|: a case(?: of| report)?\\b|\\ba (?:rare|unusual) case of\\b|\\b(?:in|of) (?:a|an) \\d+-year-old\\b|^(?:a|an) \\d+-year-old (?:[\\w-]+ ){0,2}?(?:man|woman|male|female|boy|girl|patient|child|infant)\\b|\\bour (?:[\\w-]+ ){0,3}?patient\\b(?!s)|\\bpresent(?:ing|ed)? (?:a|the) case\\b|\\b(?:this|the) (?:article|report|paper) describes (?:the )?(?:treatment|management|case) of (?:a|an)\\b`,
      'i',
    ),
  ],
  [
    'case-series',
    new RegExp(
      `(?<!cohort )\\bcase series\\b|\\bseries of ${MANY} (?:patients|cases|children|subjects)\\b|\\b(?:we|authors) (?:report|describe|present) ${MANY} (?:cases|patients|children)\\b|\\b(?:current|this|our) series of ${MANY}\\b|\\bin the first ${MANY} patients\\b|\\b${MANY} (?:patients|children) (?:admitted|presenting|referred) with\\b|\\b(?:an|the|this) outbreak (?:occurred|of|in|at|associated)\\b|\\boutbreak investigation\\b`,
      'i',
    ),
  ],
  [
    'systematic-review',
    /\bsystematic(?:al)?(?: literature)? review\b|\b(?:a|this|our|the present|and) meta-analy[sz]is\b|\bmeta-analy[sz]is of (?:randomi[sz]ed|\d+|(?:the )?(?:published|available|eligible))|\bwe (?:systematically )?searched (?:\w+ ){0,4}?(?:medline|embase|pubmed|databases|cochrane|web of science|scopus|electronic|bibliographic)|\b(?:medline|embase|pubmed|cochrane library)\b[^.]{0,80}\bwere searched\b|\bevidence synthesis\b|\b(?:gwas|genome[- ]wide association) meta-analy[sz]is\b|\bmeta-analy[sz]is of (?:genome[- ]wide association|gwas)\b|\b(?:a|an) (?:systematic|electronic) (?:literature )?search\b[^.]{0,60}\b(?:was|were) (?:conducted|performed|undertaken|carried out)|\bwe conducted a search of (?:medline|embase|pubmed|\w+ databases)/i,
  ],
  [
    'secondary-analysis',
    /\bpost[- ]?hoc analys[ie]s\b|\bsecondary analys[ie]s\b|\bpooled analys[ie]s\b|\bexploratory analys[ie]s of (?:the|a|data)\b|\bancillary (?:study|analysis)\b|\b(?:retrospective|secondary) data analysis\b|\bre-?analys[ie]s of (?:data|the|a)\b|\b(?:aggregation|pooling) of (?:two|three|\d+) (?:randomi[sz]ed )?(?:trials|studies)\b/i,
  ],
  [
    'single-arm',
    /\bsingle[- ](?:arm|group)\b|\bone[- ]arm\b|\buncontrolled (?:clinical )?(?:trial|study)\b|\bnon-?comparative (?:phase|trial|study)\b/i,
  ],
  [
    'single-arm',
    /\b(?:educational )?interventional study\b|\bpre-?post (?:study|design|intervention)\b|\bbefore[- ]and[- ]after (?:study|design)\b/i,
  ],
  [
    'phase-1',
    /\bphase (?:i|1|ib|1b|ia|1a|i\/ii|1\/2)\b(?:,? [\w-]+){0,3} (?:trial|study)\b(?!s)|\bfirst[- ]in[- ](?:human|man)\b|\bdose[- ]escalation (?:trial|study)\b/i,
  ],
  [
    'rct',
    new RegExp(
      `(?<!non-?|quasi-?)\\brandomly (?:assigned|allocated|divided|distributed|administered|treated|given|selected to receive)|\\b(?<!non-?)(?:were|was|we) randomi[sz]ed\\b|\\brandomi[sz]ed to (?:receive|either|one of|two|three|four|the|\\d)\\b|\\bunderwent randomi[sz]ation\\b|\\brandom allocation\\b|\\b(?:in (?:a )?|performed a )random(?:ized)? (?:order|sequence)\\b|(?<!non-?)\\brandomi[sz]ed,? ${QUALIFIERS}(?:trial|study|comparison|experiment)\\b(?! (?:is|are|were|would be|will be) (?:needed|required|warranted))|\\b(?:two|three|\\d) randomi[sz]ed,? ${QUALIFIERS}(?:trials|studies) (?:were|was) (?:performed|conducted|carried out)\\b|\\b(?:an?|this|our|the) (?:[\\w-]+ ){0,3}(?:RCT|randomi[sz]ed controlled trial)\\b`,
      'i',
    ),
  ],
  [
    'trial',
    /\bnon-?randomi[sz]ed(?: controlled)? (?:clinical )?trial\b|\bnon-?randomi[sz]ed (?:controlled|comparative|intervention(?:al)?) study\b|\bquasi-?experimental\b|\bcontrolled clinical trial\b|\bphase (?:ii|2|iia|iib|2a|2b|iii|3)\b(?:,? [\w-]+){0,3} (?:trial|study)\b(?!s)|\b(?:were|was) divided into (?:two|three|four|2|3|4) (?:equal )?groups\b/i,
  ],
  [
    'cross-sectional',
    /\bcross[- ]sectional\b|\b(?:a|an|this|our) (?:national|nationwide|online|web-based|telephone|household|postal|questionnaire|anonymous) survey\b|\ba survey (?:was|of)\b|\bwe surveyed\b/i,
  ],
  [
    'qualitative',
    /\bqualitative (?:study|interview|analysis|research|approach|design|methods?)\b|\bsemi-structured interviews\b|\bfocus groups?\b|\bthematic analysis\b/i,
  ],
  [
    'observational',
    /\b(?:cohort|case[- ]control|observational|longitudinal|registry[- ]based|population[- ]based|record[- ]based|hospital[- ]based) (?:study|analysis|design|data)\b|\b(?:retrospective|prospective)(?:ly)? (?:[\w-]+ )?(?:cohorts?|study|analysis|review|evaluation|data|chart|collected|analy[sz]ed|reviewed|studied|enrolled|recruited|followed|evaluated)\b|\bcases and \d[\d,]* (?:matched |healthy )?controls\b|\bcompared with (?:a )?control group of\b|\bwe (?:retrospectively|prospectively) \w+|\bchart review\b|\bmedical records\b|\bnested case[- ]control\b|\bgenome[- ]wide association (?:study|analysis)\b|\b(?:national|population) cohort\b|\bdescriptive,? (?:[\w-]+,? ){0,2}?(?:study|analysis)\b|\bevaluation of (?:[\w-]+ ){0,3}?(?:tests?|testing|assays?|immunoassays?)\b|\b(?:were|was) followed (?:up )?for\b|\b(?:a|the) cohort of (?:\d|(?:[\w-]+ ){0,3}(?:patients|participants|people|adults|children|women|men|individuals))/i,
  ],
  [
    'in-vitro',
    /\b(?:mathematical|computational|simulation|transmission|agent-based|compartmental|dynamic|stochastic|epidemic|niche) models?\b|\bmodel(?:l)?ing (?:study|analysis)\b|\bin silico\b|\bwe project\b|\bprojecting the\b/i,
  ],
  [
    'method',
    /\btechnical note\b|\bwe (?:designed|developed|propose|present|describe|introduce|report the creation of)(?: and (?:generated|developed|validated|tested|implemented))? (?:a |an |the )?(?:new |novel |simple |automated |fully automated )?(?:[\w-]+ ){0,3}?(?:method|system|tool|pipeline|algorithm|technique|software|approach|device|framework|platform|database|resource|test battery|instrument|assay|test)s?\b|\b(?:a |an )?new (?:[\w-]+ ){0,2}(?:tool|resource|database|software)\b|\bdevelopment and validation of\b|\bapproach is proposed\b/i,
  ],
  [
    'narrative-review',
    /\b(?:this|the present|in this|our) (?:narrative |literature |brief )?review\b|\bwe (?:briefly )?review\b|\breview of (?:the )?(?:relevant |recent |published |current )?(?:literature|evidence)\b|\bliterature review\b|\b(?:this|the) (?:article|paper|chapter) (?:reviews|summari[sz]es|discusses|provides an overview)\b|\boverview of\b|\b(?:this|the) review article\b|: (?:a )?(?:narrative )?review\b|\breview(?:s|ed)? (?:the|recent|current) (?:literature|evidence|advances|findings|data)\b/i,
  ],
  // Weaker than a review's own words: a review also counts cases ("four cases of rupture were reported").
  ['case-series', new RegExp(`\\b${MANY} cases of\\b(?![^.]*\\bcontrols?\\b)`, 'i')],
];

/** PubMed publication types, most specific first. */
export const TYPES: ReadonlyArray<readonly [DesignId, RegExp]> = [
  [
    'opinion',
    /^(?:editorial|comment|news|newspaper article|biography|historical article|interview|published erratum|retraction of publication|portrait|lecture|address|personal narrative|letter)$/i,
  ],
  ['case-report', /^case reports$/i],
  ['systematic-review', /^(?:systematic review|meta-analysis)$/i],
  ['phase-1', /^clinical trial, phase i$/i],
  [
    'rct',
    /^(?:randomized controlled trial|pragmatic clinical trial|equivalence trial|clinical trial, phase (?:iii|iv))$/i,
  ],
  ['trial', /^(?:clinical trial|controlled clinical trial|clinical trial, phase ii|clinical study)$/i],
  [
    'observational',
    /^(?:observational study|comparative study|multicenter study|twin study|evaluation study|validation study)$/i,
  ],
  ['method', /^technical report$/i],
  ['narrative-review', /^(?:review|scoping review)$/i],
];

/**
 * Types a curator gives to describe the study only loosely: the abstract's
 * own words may move it either way ("Clinical Trial" that was randomized,
 * "Review" that is systematic or a retrospective study, "Letter" that reports
 * a study). Any other type (a randomized trial, a case report, phase 1) gives
 * way only to words that lower the ceiling: a single-arm trial tagged
 * "Randomized Controlled Trial" is not randomized.
 */
export const LOOSE_TYPES: ReadonlySet<string> = new Set([
  'clinical trial',
  'clinical study',
  'clinical trial, phase ii',
  'comparative study',
  'multicenter study',
  'observational study',
  'evaluation study',
  'validation study',
  'twin study',
  'review',
  'scoping review',
  'letter',
]);

/** A phase II (or unspecified) trial names no comparison: everyone had the treatment. */
export const COMPARISON =
  /\brandomi[sz]|\bcontrol (?:group|arm)|\bplacebo\b|\bversus\b|\bvs\.?\s|\bcompared (?:with|to) (?:a |the )?(?:control|standard|usual|placebo)|\btwo (?:arms|groups)\b/i;

/** Sentences about someone else's study, or one still to come: not this study's design. */
export const OTHER_WORK =
  /\brecent(?:ly)? (?:[\w-]+ ){0,3}?(?:stud(?:y|ies)|trials?|work|meta-analys[ie]s|reviews?|reports?|shown|reported|published|demonstrated)\b|\b(?:previous(?:ly)?|ongoing|underway|planned|will be|are needed|is needed|warrant(?:s|ed)?|future|should be|worthy of|have shown|has shown|other studies)\b|\b(?:prior|earlier|published|several|many|few) (?:\w+ )?(?:studies|trials|reports|work|research|case reports|case series|systematic reviews|meta-analyses)\b|\b(?:is|are) (?:now |currently )?(?:undergoing|in) (?:phase|clinical)\b/i;

/** Designs whose own description names another study ("a secondary analysis of a published trial"). */
export const NAMES_OTHER_WORK: ReadonlySet<DesignId> = new Set<DesignId>(['secondary-analysis']);

/** Sections of a structured abstract that say what was done. */
export const METHOD_SECTION = /design|method|setting|patient|participant|material|subject|study/i;
/** Sections that set the scene: other people's work. */
export const BACKGROUND_SECTION = /background|introduction|context|rationale|importance/i;
