/** The offline provider on real abstracts: schema-valid, honest about what it is, faithful to the source. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { abstractText } from '../../src/domain/paper.ts';
import { findPlaceholders } from '../../src/domain/placeholder.ts';
import { LaySummary } from '../../src/domain/summary.ts';
import { textRecord } from '../../src/sources/text.ts';
import { extractiveSummary } from '../../src/summarize/extractive-summarizer.ts';

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
    expect(s.takeaway).toMatch(
      /^This large scale GWAS meta-analysis for fracture identified 15 genetic determinants/,
    );
    expect(s.findings).toMatch(/^Of 15 fracture associated loci identified/);
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
});
