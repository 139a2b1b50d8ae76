/** `npm run demo` (dist/demo.js) as a newcomer runs it: every sample drafted, labelled, and a desk token printed. */
import { readdirSync } from 'node:fs';
import { Redis } from 'ioredis';
import { afterAll, expect, it } from 'vitest';
import { RedisUsers } from '../../src/store/users.ts';
import { UserStore } from '../../src/users/store.ts';
import { spawnNode } from '../support/cli.ts';
import { REDIS_URL, removeTestKeys, testPrefix } from '../support/harness.ts';

const prefix = testPrefix();

afterAll(() => removeTestKeys(prefix));

it('runs the samples through the pipeline with the offline provider and says so', async () => {
  const { code, stdout, stderr } = await spawnNode(['dist/demo.js', '--no-serve'], {
    REDIS_URL,
    LAYSUM_PREFIX: prefix,
  }).done;
  expect(code, stderr).toBe(0);
  const samples = readdirSync(new URL('../../samples/abstracts/', import.meta.url)).filter((f) =>
    f.endsWith('.txt'),
  );
  expect(stderr).toMatch(/using the offline extractive provider/);
  expect(stdout.match(/: pending_review: a draft is waiting for a reviewer/g)).toHaveLength(samples.length);
  expect(stdout.match(/EXTRACTIVE: no AI model was used/g)).toHaveLength(samples.length);
  expect(stdout).toMatch(/Credibility [1-5]\/5/);
  expect(stdout).toMatch(
    /sign in as "demo-reviewer" with this token \(shown once\):\n {2}lsm_demo-reviewer\.[\w-]{43}/,
  );
});

it('keeps the demo account, a reviewer, on the next run: a signed-in browser stays signed in', async () => {
  const redis = new Redis(REDIS_URL);
  try {
    const users = new UserStore(new RedisUsers(redis, prefix));
    const before = await users.get('demo-reviewer');
    expect(before?.role).toBe('reviewer');
    const { code, stdout, stderr } = await spawnNode(['dist/demo.js', '--no-serve'], {
      REDIS_URL,
      LAYSUM_PREFIX: prefix,
    }).done;
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/"demo-reviewer" account from an earlier run is kept/);
    expect(stdout).not.toMatch(/lsm_/);
    expect((await users.get('demo-reviewer'))?.tokenHash).toBe(before?.tokenHash);
  } finally {
    await redis.quit();
  }
});
