/** The offline provider on real abstracts: schema-valid, honest about what it is, faithful to the source. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { abstractText } from '../../src/domain/paper.ts';
import { findPlaceholders } from '../../src/domain/placeholder.ts';
import { LaySummary } from '../../src/domain/summary.ts';
import { textRecord } from '../../src/sources/text.ts';
import {
  createExtractiveSummarizer,
  extractiveSummary,
  TITLE_HEADLINE_NOTE,
} from '../../src/summarize/extractive-summarizer.ts';
import { fleschKincaidGrade } from '../../src/text/readability.ts';
import { sentences } from '../../src/text/sentences.ts';

const dir = new URL('../fixtures/abstracts/', import.meta.url);
const records = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({
    file: f,
    record: textRecord({ text: readFileSync(new URL(f, dir), 'utf8'), maxBytes: 1e6 }),
  }));

describe('extractive summaries of real abstracts', () => {
  it.each(records)('$file gives a schema-valid draft built from the source', ({ record }) => {
    const summary = extractiveSummary(record);
    expect(LaySummary.safeParse(summary).success).toBe(true);
    // Nothing meant for the reviewer is in a published field: instructions are marked placeholders.
    expect(JSON.stringify(summary)).not.toMatch(/without an AI model|the reviewer should|before approving/i);
    expect(findPlaceholders(summary).map((p) => p.field)).toEqual(
      expect.arrayContaining(['audience', 'ratings.interest.rationale']),
    );
    const source = abstractText(record).replace(/\s+/g, ' ');
    // Takeaway sentences are the source's own (possibly clipped with an ellipsis).
    expect(source).toContain(summary.takeaway.replace(/…$/, '').slice(0, 60));
  });

  it('takes the takeaway from the conclusions and the findings from the results', () => {
    const fracture = records.find((r) => r.file === 'pmid-30158200.txt')?.record;
    if (!fracture) throw new Error('fixture missing');
    const s = extractiveSummary(fracture);
    expect(s.headline).toBe('Assessment of the genetic and clinical determinants of fracture risk');
    const conclusions = fracture.abstract.find((x) => /CONCLUSION/.test(x.label ?? ''))?.text ?? '';
    const results = fracture.abstract.find((x) => /RESULTS/.test(x.label ?? ''))?.text ?? '';
    for (const sentence of sentences(s.takeaway)) expect(conclusions).toContain(sentence);
    for (const sentence of sentences(s.findings)) expect(results).toContain(sentence);
    expect(s.ratings.credibility.score).toBe(5); // a meta-analysis
    expect(s.ratings.credibility.rationale).toMatch(/systematic review or meta-analysis/);
    expect(s.ratings.credibility.rationale).not.toMatch(/reviewer/i);
  });

  it('rates a randomized trial from its publication type', () => {
    const asthma = records.find((r) => r.file === 'pmid-29768149.txt')?.record;
    if (!asthma) throw new Error('fixture missing');
    const s = extractiveSummary({
      ...asthma,
      publicationTypes: ['Journal Article', 'Randomized Controlled Trial'],
    });
    expect(s.ratings.credibility.score).toBe(4);
  });

  it('strips registry and truncation markers', () => {
    const asthma = records.find((r) => r.file === 'pmid-29768149.txt')?.record;
    if (!asthma) throw new Error('fixture missing');
    const truncated = {
      ...asthma,
      abstract: [
        ...asthma.abstract.slice(0, -1),
        { label: 'CONCLUSIONS', category: null, text: 'ABSTRACT TRUNCATED AT 250 WORDS.' },
      ],
    };
    for (const r of [asthma, truncated]) {
      const text = JSON.stringify(extractiveSummary(r));
      expect(text).not.toMatch(/TRUNCATED|ClinicalTrials\.gov|NCT\d|Funded by/);
    }
  });

  it('leaves MEDLINE check tags out of topics and the audience', () => {
    const fracture = records.find((r) => r.file === 'pmid-30158200.txt')?.record;
    if (!fracture) throw new Error('fixture missing');
    const tagged = {
      ...fracture,
      keywords: [
        'Humans',
        'Female',
        'Aged',
        'Aged, 80 and over',
        'Osteoporosis',
        'Fractures, Bone',
        'Bone Density',
      ],
    };
    const s = extractiveSummary(tagged);
    expect(s.topics).toEqual(['osteoporosis', 'fractures, bone', 'bone density']);
    expect(s.audience).not.toMatch(/aged|humans|female/i);
  });

  it('picks sentences plainer than the abstracts: median grade at least 2 lower on 24 real abstracts', () => {
    const all = new URL('../fixtures/readability/abstracts/', import.meta.url);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const pairs = readdirSync(all).map((f) => {
      const record = textRecord({ text: readFileSync(new URL(f, all), 'utf8'), maxBytes: 1e6 });
      const s = extractiveSummary(record);
      return [
        fleschKincaidGrade(abstractText(record)),
        fleschKincaidGrade(`${s.takeaway} ${s.findings}`),
      ] as const;
    });
    expect(pairs).toHaveLength(24);
    expect(median(pairs.map((p) => p[0])) - median(pairs.map((p) => p[1]))).toBeGreaterThanOrEqual(2);
  });

  it('says the design in plain words and tells the reviewer the headline is the title', async () => {
    const asthma = records.find((r) => r.file === 'pmid-29768149.txt')?.record;
    if (!asthma) throw new Error('fixture missing');
    const out = await createExtractiveSummarizer().summarize({
      record: asthma,
      reviewerNotes: null,
      previous: null,
    });
    expect(out.summary.caveats[0]).toMatch(/^This is a randomized controlled trial/);
    expect(out.notesForReviewer).toContain(TITLE_HEADLINE_NOTE);
  });
});
