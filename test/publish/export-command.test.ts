/** `laysum export` against the real Redis: what a person running it sees, and the files it leaves. */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createProgram } from '../../src/cli/program.ts';
import { fractureSummary } from '../support/summaries.ts';
import { createTestStore, REDIS_URL } from './redis-support.ts';

const t = createTestStore();
let dir = '';
let id = '';

beforeAll(async () => {
  // The command loads its config from the environment, like the real CLI.
  process.env.REDIS_URL = REDIS_URL;
  process.env.LAYSUM_PREFIX = t.prefix;
  process.env.LLM_PROVIDER = 'extractive';
  process.env.PUBLIC_BASE_URL = 'https://laysum.example.org';
  process.env.DISCLAIMER_TEXT = 'Talk to your doctor before changing any treatment.';
  dir = await mkdtemp(join(tmpdir(), 'laysum-cli-'));
  id = await t.drafted('ncbiutils_pubmed.xml', '30158200', fractureSummary);
  await t.publish(id);
  await t.drafted('biopython_pubmed5.xml', '28775130', {
    ...fractureSummary,
    headline: 'Not Yet Reviewed Thyroid Summary',
  });
});

afterAll(async () => {
  await t.cleanup();
  await rm(dir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ out: string; err: string; code: number | undefined }> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
  process.exitCode = undefined;
  try {
    await createProgram().parseAsync(args, { from: 'user' });
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  const code = typeof process.exitCode === 'number' ? process.exitCode : undefined;
  process.exitCode = undefined;
  return { out: out.join(''), err: err.join(''), code };
}

describe('laysum export', () => {
  it('writes the published summaries and says how many files went where', async () => {
    const site = join(dir, 'site');
    const { out, err, code } = await run(['export', '--out', site]);
    expect(err).toBe('');
    // index, two feeds, the page with its JSON and Markdown, and a page for each of its five topics.
    expect(code).toBeUndefined();
    expect(out).toMatch(new RegExp(`^Wrote 14 files for 1 published summary to ${site}\n`));
    const slug = `bone-strength-not-vitamin-d-drives-fracture-risk-${id}`;
    const page = await readFile(join(site, 's', `${slug}.html`), 'utf8');
    expect(page).toContain('Talk to your doctor before changing any treatment.');
    expect(page).toContain(`<link rel="canonical" href="https://laysum.example.org/s/${slug}">`);
    expect(await readFile(join(site, 'index.html'), 'utf8')).not.toContain('Not Yet Reviewed');
  });

  it('prints JSON with --json', async () => {
    const site = join(dir, 'json-site');
    const { out } = await run(['export', '--out', site, '--json']);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ out: site, summaries: 1, files: 14 });
    expect(report.paths).toContain('feed.xml');
    expect(existsSync(join(site, 'feed.json'))).toBe(true);
  });

  it('fails with a clear error when the directory cannot be written', async () => {
    const file = join(dir, 'plain-file');
    await writeFile(file, 'x');
    const { out, err, code } = await run(['export', '--out', join(file, 'site')]);
    expect(out).toBe('');
    expect(code).toBe(1);
    expect(err).toContain(`error: Cannot write the site to ${join(file, 'site')}`);
    expect(err).toContain('--out DIR');
  });
});
