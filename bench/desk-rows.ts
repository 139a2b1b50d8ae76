/**
 * Many papers' search-index rows straight into PostgreSQL, for the desk
 * search benchmark (./desk-search.ts): paper `i` is bench/seed.ts's paper
 * `i` (title, journal, PMID, DOI, submitter) with the draft of seeded paper
 * `i % 120` (topics, check, provider, model, ratings, reading grade: 120
 * keeps every cycle of seed.ts), indexed by the same code as the store
 * (src/store/index-entry.ts), and written 5,000 rows per INSERT.
 * States: 40% pending review, 40% published, 10% rejected, 5% approved,
 * 5% queued; one paper a minute, the newest now.
 */
import type { IndexEntry } from '../src/store/index-entry.ts';
import { indexEntry } from '../src/store/index-entry.ts';
import type { Queryable } from '../src/store/pg/queryable.ts';
import { searchTokens } from '../src/text/search-tokens.ts';
import { SUBMITTERS, seedDraft, seedPmid, seedRecord } from './seed.ts';

const TEMPLATES = 120;
const BATCH = 5000;
const SEP = '\u001f';

export const benchId = (i: number) => `bench-${i.toString(36).padStart(5, '0')}`;

export function benchState(i: number): string {
  const k = i % 20;
  if (k < 8) return 'pending_review';
  if (k < 16) return 'published';
  if (k < 18) return 'rejected';
  return k === 18 ? 'approved' : 'queued';
}

interface Template {
  entry: IndexEntry;
  tokens: string[];
}

function templates(): Template[] {
  return Array.from({ length: TEMPLATES }, (_, t) => {
    const draft = seedDraft(t);
    const paper = {
      ...{ id: 'x', submission: { kind: 'pmid' as const, pmid: '1' }, origin: { actor: 'x' }, record: null },
    };
    const text = `${draft.summary.headline} ${draft.summary.topics.join(' ')}`;
    return { entry: indexEntry(paper, draft), tokens: searchTokens(text) };
  });
}

const COLUMNS =
  'id, state, created, search, topics, submitter, check_result, provider, model, grade, checks, credibility';

async function insertBatch(db: Queryable, table: string, cols: unknown[][]): Promise<void> {
  await db.query(
    `INSERT INTO ${table} (${COLUMNS})
     SELECT id, state, created, array_to_tsvector(string_to_array(tokens, ' ')),
            string_to_array(topics, E'\\x1f'), submitter, check_result, provider, model, grade, checks, credibility
     FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[],
                 $8::text[], $9::text[], $10::real[], $11::int[], $12::smallint[])
       AS r(id, state, created, tokens, topics, submitter, check_result, provider, model, grade, checks, credibility)`,
    cols,
  );
}

/** Rows for papers 0..count-1 into `table` (schema-qualified); the newest paper was created at `now`. */
export async function loadIndexRows(db: Queryable, table: string, count: number, now: number): Promise<void> {
  const tpl = templates();
  for (let from = 0; from < count; from += BATCH) {
    const cols: unknown[][] = Array.from({ length: 12 }, () => []);
    for (let i = from; i < Math.min(count, from + BATCH); i++) {
      const t = tpl[i % TEMPLATES] as Template;
      const own = indexEntry(
        {
          ...{ id: benchId(i), submission: { kind: 'pmid', pmid: seedPmid(i) } },
          ...{ origin: { actor: SUBMITTERS[i % SUBMITTERS.length] ?? 'x' }, record: seedRecord(i) },
        },
        null,
      );
      const e = t.entry;
      const tokens = [...new Set([...own.tokens, ...t.tokens])].join(' ');
      const created = now - (count - 1 - i) * 60_000;
      const row: unknown[] = [
        benchId(i),
        benchState(i),
        created,
        tokens,
        e.topics.join(SEP),
        own.submitter,
        e.check,
      ];
      row.push(e.provider, e.model, e.grade, e.checks, e.credibility);
      for (const [k, v] of row.entries()) cols[k]?.push(v);
    }
    await insertBatch(db, table, cols);
  }
}
