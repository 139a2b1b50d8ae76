/** `npm run demo` as a newcomer runs it: every sample drafted, labelled, and a desk token printed. */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, expect, it } from 'vitest';
import { REDIS_URL, testPrefix } from './support/harness.ts';

const prefix = testPrefix();
const root = fileURLToPath(new URL('../', import.meta.url));

afterAll(async () => {
  const redis = new Redis(REDIS_URL);
  const found = await redis.keys(`${prefix}:*`);
  if (found.length) await redis.del(...found);
  await redis.quit();
});

it('runs the samples through the pipeline with the offline provider and says so', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/demo.ts', '--no-serve'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', REDIS_URL, LAYSUM_PREFIX: prefix },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code, stderr).toBe(0);
  const samples = readdirSync(new URL('../samples/abstracts/', import.meta.url)).filter((f) =>
    f.endsWith('.txt'),
  );
  expect(stderr).toMatch(/using the offline extractive provider/);
  expect(stdout.match(/: pending_review: a draft is waiting for a reviewer/g)).toHaveLength(samples.length);
  expect(stdout.match(/EXTRACTIVE: no AI model was used/g)).toHaveLength(samples.length);
  expect(stdout).toMatch(/Credibility [1-5]\/5/);
  expect(stdout).toMatch(/sign in as "demo-reviewer" with this token \(shown once\):\n {2}lsm_[\w-]{40,}/);
});
