/**
 * Many papers at once, written through the store the way the pipeline writes
 * them (create, record, draft, and optionally approve and publish), so the
 * search index and the published index are the real ones. Used by the
 * scale benchmark (./site.ts) and by the tests that need hundreds of papers.
 * Paper `i` has PMID `39000000 + i`, DOI `10.5555/seed.<i>`, a title with the
 * word `seed<i>`, and cycles through topics, providers, submitters and checks.
 */

import type { CheckResult, Draft } from '../src/domain/draft.ts';
import { identitiesOf } from '../src/domain/identity.ts';
import type { PaperRecord } from '../src/domain/paper.ts';
import type { Papers } from '../src/domain/ports/papers.ts';
import { slugFor } from '../src/publish/published.ts';
import { decide, publishVersion } from '../src/store/decisions.ts';

export const TOPICS = [
  'sleep',
  'heart health',
  'diabetes',
  'exercise',
  'nutrition',
  'cancer',
  'ageing',
  'asthma',
];
export const SUBMITTERS = ['api:dana', 'web:lee', 'watch:pubmed-sleep'];
const STATUSES: CheckResult['status'][] = ['pass', 'warn', 'fail'];

export const seedPmid = (i: number) => String(39_000_000 + i);
export const seedDoi = (i: number) => `10.5555/seed.${i}`;

/** Seeded paper `i`'s record (title with `seed<i>`, its PMID and DOI, alternating journals). */
export function seedRecord(i: number): PaperRecord {
  return {
    title: `Seed study seed${i} on ${TOPICS[i % TOPICS.length]} in ${1000 + i} adults`,
    authors: ['A. Author', 'B. Author'],
    journal: i % 2 ? 'Journal of Seeded Results' : 'Seed Medicine',
    publishedAt: '2025-03-01',
    ids: { pmid: seedPmid(i), doi: seedDoi(i) },
    publicationTypes: ['Journal Article'],
    keywords: [],
    abstract: [{ label: null, category: null, text: `An abstract for seeded paper ${i}. `.repeat(20) }],
    fullText: null,
    language: 'eng',
    sourceUrl: null,
  };
}

export function seedDraft(i: number): Draft {
  const topics = [0, 1, 2].map((k) => TOPICS[(i + k * 3) % TOPICS.length] ?? 'health');
  return {
    version: 1,
    summary: {
      headline: `Seeded finding number ${i} about ${topics[0]}`,
      takeaway: `People in seeded study ${i} did a little better when they changed one habit.`,
      findings:
        `The researchers followed ${1000 + i} adults for two years and counted how often each group got ill. `.repeat(
          2,
        ),
      audience:
        'People who want to know what this kind of study can and cannot tell them about their health.',
      caveats: ['The study was small and short, so the result may not hold up.'],
      topics,
      ratings: {
        credibility: { score: (i % 5) + 1, rationale: 'A seeded rating for the benchmark and the tests.' },
        interest: { score: ((i + 2) % 5) + 1, rationale: 'A seeded rating for the benchmark and the tests.' },
      },
    },
    provenance: {
      provider: i % 3 === 0 ? 'extractive' : 'openai',
      model: i % 3 === 0 ? 'extractive-v1' : i % 2 ? 'gpt-4o-mini' : 'llama3.1',
      promptVersion: 'summarize-v2',
      usage: { promptTokens: 800, completionTokens: 300, cachedTokens: 0, totalTokens: 1100 },
      llmCalls: 1,
      repairs: 0,
      createdAt: new Date().toISOString(),
    },
    author: 'ai',
    basedOn: null,
    reviewerNotes: null,
    notesForReviewer: [],
    checks: [
      { id: 'reading-level', label: 'Reading level', status: STATUSES[i % 3] ?? 'pass', message: 'seeded' },
    ],
  };
}

/** Seeded paper `i`: created, ingested and drafted (pending review); approved and published too when asked. */
export async function seedPaper(store: Papers, i: number, opts: { publish?: boolean } = {}): Promise<string> {
  const rec = seedRecord(i);
  const identities = identitiesOf(rec.ids);
  const { id } = await store.create({
    submission: { kind: 'pmid', pmid: seedPmid(i) },
    origin: { actor: SUBMITTERS[i % SUBMITTERS.length] ?? 'test' },
    identities,
  });
  await store.setRecord(id, await store.require(id), rec, identities, {
    ...{ from: '*', to: 'summarizing', actor: 'ingest', action: 'ingested' },
  });
  const draft = seedDraft(i);
  await store.addDraft(id, draft, {
    ...{ expected: 0, from: ['summarizing'], to: 'pending_review', mode: 'job' },
    ...{ actor: 'summarize', action: 'drafted' },
  });
  if (opts.publish) {
    // The store's own decision scripts, as approve and publish in src/review call them.
    const at = new Date();
    const now = at.toISOString();
    const by = 'seed-reviewer';
    await decide(store, id, {
      ...{ from: ['pending_review'], to: 'approved', basedOn: 1, actor: by, action: 'approved' },
      approval: { version: 1, by, at: now, note: null },
    });
    const publication = {
      ...{ version: 1, slug: slugFor(id, draft.summary.headline), firstPublishedAt: now, publishedAt: now },
      ...{ publishedBy: by, approvedBy: by, approvedAt: now, replaced: null, withdrawn: null },
    };
    await publishVersion(store, id, publication, { actor: by, action: 'published', note: 'version 1' }, at);
  }
  return id;
}

/** Papers `from` to `from + count - 1`, `concurrency` at a time, in order of creation; their ids. */
export async function seedPapers(
  store: Papers,
  count: number,
  opts: { publish?: boolean; from?: number; concurrency?: number } = {},
): Promise<string[]> {
  const ids: string[] = [];
  const from = opts.from ?? 0;
  const step = opts.concurrency ?? 25;
  for (let i = 0; i < count; i += step) {
    const batch = Array.from({ length: Math.min(step, count - i) }, (_, k) => from + i + k);
    ids.push(...(await Promise.all(batch.map((n) => seedPaper(store, n, opts)))));
  }
  return ids;
}
