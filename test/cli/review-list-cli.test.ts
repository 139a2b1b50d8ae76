/**
 * `laysum review list` over more papers than the old 500-row read: pages
 * newest first from the desk's search index, searches by word, PMID and DOI,
 * sorts, keeps --state and --json, and says "page N of M (T papers)".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDoi, seedPapers, seedPmid } from '../../bench/seed.ts';
import type { DraftList } from '../../src/review/queries.ts';
import { type CliResult, runCli, spawnCli } from '../support/cli.ts';
import { createPipeline, type Pipeline } from '../support/harness.ts';

const COUNT = 520;
let p: Pipeline;
let ids: string[];
let cliEnv: Record<string, string>;

beforeAll(async () => {
  p = await createPipeline();
  cliEnv = {
    REDIS_URL: p.config.redis.url,
    LAYSUM_PREFIX: p.config.redis.prefix,
    LLM_PROVIDER: 'extractive',
  };
  ids = await seedPapers(p.ctx.store, COUNT - 1);
  await new Promise((r) => setTimeout(r, 5));
  ids.push(...(await seedPapers(p.ctx.store, 1, { from: COUNT - 1 })));
}, 120_000);
afterAll(() => p.cleanup());

const list = (...args: string[]) => runCli(['review', 'list', ...args], cliEnv);
const lines = (r: CliResult) => r.stdout.trim().split('\n');
const json = (r: CliResult) => JSON.parse(r.stdout) as DraftList;

describe('laysum review list', () => {
  it('pages newest first through every paper, beyond the first 500', async () => {
    const first = await list('--limit', '20');
    expect(first.code, first.stderr).toBe(0);
    expect(lines(first)).toHaveLength(21);
    expect(lines(first)[0]).toMatch(new RegExp(`^${ids[COUNT - 1]}\\s+pending_review`));
    expect(lines(first).at(-1)).toBe(`page 1 of 26 (${COUNT} papers)`);

    const last = await list('--page', '11');
    expect(lines(last)).toHaveLength(COUNT - 500 + 1);
    expect(lines(last).at(-1)).toBe(`page 11 of 11 (${COUNT} papers)`);
    // Papers seeded in the same millisecond may come in any order among themselves: compare as sets.
    const firstBatch = new Set(ids.slice(0, 25));
    expect(
      lines(last)
        .slice(0, -1)
        .every((l) => firstBatch.has(l.split(' ')[0] ?? '')),
    ).toBe(true);
    const beyond = await list('--page', '12');
    expect(beyond.stdout).toMatch(/page 12 of 11 \(520 papers\) \(nothing on this page/);

    const page = json(await list('--json', '--page', '2', '--limit', '100'));
    expect(page).toMatchObject({ total: COUNT, page: 2, limit: 100, pages: 6 });
    const seen = new Set(page.drafts.map((d) => d.id));
    expect(seen.size).toBe(100);
    expect(ids.slice(COUNT - 175, COUNT - 125).every((id) => seen.has(id))).toBe(true);
    expect(page.counts.pending_review).toBe(COUNT);
  });

  it('searches by word, PMID and DOI, keeps --state, and sorts', async () => {
    const i = COUNT - 1;
    for (const q of [`seed${i}`, seedPmid(i), seedDoi(i)]) {
      const found = await list('--q', q);
      expect(lines(found), q).toEqual([expect.stringContaining(ids[i] ?? '-'), 'page 1 of 1 (1 paper)']);
    }
    const journal = json(await list('--q', 'Seeded Results journal', '--json', '--limit', '200'));
    expect(journal.total).toBe(COUNT / 2);
    expect((await list('--q', 'seeded unicorns')).stdout.trim()).toBe('No papers match "seeded unicorns".');
    expect((await list('--state', 'published')).stdout.trim()).toBe('No papers are published.');
    const pending = json(await list('--state', 'pending_review', '--q', 'sleep', '--json'));
    expect(pending.total).toBeGreaterThan(0);
    expect(pending.drafts.every((d) => d.state === 'pending_review')).toBe(true);

    const byGrade = json(await list('--sort', 'grade', '--order', 'asc', '--limit', '30', '--json'));
    const grades = byGrade.drafts.map((d) => d.grade ?? 0);
    expect(grades).toEqual([...grades].sort((a, b) => a - b));
  });

  it('refuses a bad sort, order or page with what to use', async () => {
    const sort = await list('--sort', 'newest');
    expect(sort.code).not.toBe(0);
    expect(sort.stderr).toMatch(/Unknown sort "newest"[\s\S]*age, grade, checks, credibility/);
    const order = await list('--order', 'up');
    expect(order.stderr).toMatch(/Unknown order "up"[\s\S]*asc, desc/);
    const page = await list('--page', '0');
    expect(page.code).not.toBe(0);
    expect(page.stderr).toMatch(/page "0" is not a whole number from 1[\s\S]*Use page 1 for the first page/);
  });

  it('stops quietly when the reader closes the pipe (`| head`), with no EPIPE trace', async () => {
    // Far more than a pipe holds (64 KiB), so the command is still writing when the reader goes.
    const proc = spawnCli(['review', 'list', '--json', '--limit', '200'], cliEnv);
    proc.child.stdout.once('data', () => proc.child.stdout.destroy());
    const done = await proc.done;
    expect(done.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(done.code).toBe(0);
  });
});
