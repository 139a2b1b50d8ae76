/**
 * Command-line conventions scripts rely on: `laysum --version`, errors as
 * JSON on standard output under --json (exit code 1), and `--batch -`
 * reading the list from standard input.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { REDIS_URL, removeTestKeys, testPrefix } from '../support/harness.ts';

const prefix = testPrefix();
const env = { REDIS_URL, LAYSUM_PREFIX: prefix, LLM_PROVIDER: 'extractive' };
afterAll(() => removeTestKeys(prefix));

describe('laysum', () => {
  it('prints its version', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const r = await runCli(['--version'], env);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it('prints an error as JSON under --json, and as a line for people otherwise', async () => {
    const json = await runCli(['submit', '--batch', 'no/such/file.txt', '--json'], env);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      error: 'Cannot read batch file no/such/file.txt (ENOENT).',
      hint: 'Check the path; use `-` to read from standard input.',
    });
    const plain = await runCli(['submit', '--batch', 'no/such/file.txt'], env);
    expect(plain.stdout).toBe('');
    expect(plain.stderr).toMatch(/^error: Cannot read batch file no\/such\/file.txt/);
  });

  it('reads a batch from standard input with --batch -', async () => {
    const list = '10.1002/14651858.cd001290.pub2\n27797938\nnot an id\n';
    const r = await runCli(['submit', '--batch', '-', '--json'], env, list);
    expect(r.code, r.stderr).toBe(0);
    const tally = JSON.parse(r.stdout) as {
      file: string;
      queued: Array<{ value: string }>;
      invalid: unknown[];
    };
    expect(tally.file).toBe('standard input');
    expect(tally.queued.map((q) => q.value)).toEqual(['10.1002/14651858.cd001290.pub2', '27797938']);
    expect(tally.invalid).toHaveLength(1);
  });
});
