/**
 * `laysum submit --batch` as an editor runs it: every identifier queued once,
 * known papers reported with their id, invalid lines reported with their line
 * numbers, and a second run of the same file queues nothing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { REDIS_URL, removeTestKeys, testPrefix } from '../support/harness.ts';

const prefix = testPrefix();
const env = { REDIS_URL, LAYSUM_PREFIX: prefix, LLM_PROVIDER: 'extractive' };
const LIST = 'test/fixtures/batch/dois-and-pmids.txt';

interface Tally {
  queued: Array<{ line: number; value: string; id: string }>;
  duplicates: Array<{ line: number; value: string; id: string }>;
  invalid: Array<{ line: number; text: string; problem: string }>;
}

afterAll(() => removeTestKeys(prefix));

describe('laysum submit --batch', () => {
  it('queues each paper once and reports invalid lines by number', async () => {
    const first = await runCli(['submit', '--batch', LIST, '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    const tally = JSON.parse(first.stdout) as Tally;
    expect(tally.queued.map((q) => q.value)).toEqual([
      '10.1002/14651858.cd001290.pub2',
      '10.1002/14651858.cd012033.pub4',
      '10.1002/14651858.cd006199',
      '10.1002/14651858.cd008471.pub2',
      '27797938',
      '28775130',
      '30108519',
      '29963580',
      '10.1002/14651858.cd007699.pub3',
    ]);
    expect(tally.invalid.map((i) => i.line)).toEqual([12, 13, 14]);
    expect(tally.invalid[0]?.problem).toMatch(/duplicate of line 2/);
    expect(tally.invalid[2]?.problem).toMatch(/not a DOI \(10.xxxx\/...\) or a PMID/);

    const again = await runCli(['submit', '--batch', LIST], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 queued, 9 already known \(skipped\), 3 invalid line\(s\)/);
    expect(again.stdout).toMatch(/line 14: CD006004/);
    expect(again.stdout).toMatch(/line 13: 27797938: duplicate of line 8/);
  });

  it('reads CSV and RIS exports', async () => {
    const csv = await runCli(['submit', '--batch', 'test/fixtures/batch/papers.csv', '--json'], env);
    expect(csv.code, csv.stderr).toBe(0);
    const ris = await runCli(['submit', '--batch', 'test/fixtures/batch/zotero-export.ris', '--json'], env);
    expect(ris.code, ris.stderr).toBe(0);
    const t = JSON.parse(ris.stdout) as Tally;
    expect(t.queued.length + t.duplicates.length).toBeGreaterThan(0);
  });

  it('says clearly when the file cannot be read', async () => {
    const r = await runCli(['submit', '--batch', 'no/such/file.txt'], env);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Cannot read batch file no\/such\/file.txt/);
  });
});
