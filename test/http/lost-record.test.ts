/**
 * A paper whose record is gone from Redis (what an evicting Redis does) but
 * which the state index and the audit still name: `laysum status`, the API
 * and the desk say it is known and lost, not "No paper with id".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisOf } from '../../src/runtime/context.ts';
import { internalsOf } from '../../src/store/internals.ts';
import { runCli } from '../support/cli.ts';
import { REDIS_URL } from '../support/harness.ts';
import { type HttpHarness, paperText, signIn, startHttp } from './support.ts';

let h: HttpHarness;
let lost = '';

beforeAll(async () => {
  h = await startHttp();
  lost = await h.p.submit({ kind: 'text', text: paperText('Balance classes and falls, lost record') });
  // What eviction does: the paper's hash and drafts go, the indexes and the audit may stay.
  await redisOf(h.p.ctx).del(
    internalsOf(h.p.ctx.store).keys.paper(lost),
    internalsOf(h.p.ctx.store).keys.drafts(lost),
  );
});
afterAll(async () => {
  await h.cleanup();
});

const env = () => ({ REDIS_URL, LAYSUM_PREFIX: h.p.config.redis.prefix, LOG_LEVEL: 'silent' });

describe('a paper whose record is gone', () => {
  it('laysum status says it is known but its record is gone', async () => {
    const res = await runCli(['status', lost], env());
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(new RegExp(`Paper "${lost}" is known \\(listed as queued; 1 audit entry`));
    expect(res.stderr).toMatch(/record is gone from Redis/);
    expect(res.stderr).toMatch(/maxmemory-policy noeviction/);
    expect(res.stderr).not.toMatch(/No paper with id/);
  });

  it('laysum status (the fleet) counts it as lost, exits 1, and names it', async () => {
    const res = await runCli(['status'], env());
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(
      new RegExp(
        `^LOST: 1 of \\d+ known paper\\(s\\) have no record in Redis \\(evicted or deleted\\): ${lost}$`,
        'm',
      ),
    );
    const json = JSON.parse((await runCli(['status', '--json'], env())).stdout) as {
      redis: { lost: string[] };
    };
    expect(json.redis.lost).toEqual([lost]);
  });

  it('an unknown id is still "No paper with id"', async () => {
    const res = await runCli(['status', 'pffffffffffff'], env());
    expect(res.stderr).toMatch(/No paper with id "pffffffffffff"/);
  });

  it('the API answers 410 with the same message', async () => {
    const res = await h.call(`/api/drafts/${lost}`, { token: h.tokens.reviewer });
    expect(res.status).toBe(410);
    expect(await res.json()).toMatchObject({ error: expect.stringMatching(/is known .* record is gone/) });
  });

  it('the desk says so on the paper page', async () => {
    const web = await signIn(h, h.tokens.reviewer);
    const res = await web.get(`/desk/papers/${lost}`);
    expect(res.status).toBe(410);
    expect(await res.text()).toMatch(/its record is gone from Redis/);
  });
});
