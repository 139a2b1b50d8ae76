/**
 * An evicting Redis loses papers without a trace, so workers and the server
 * refuse to start on one (maxmemory-policy other than noeviction) unless
 * REDIS_ALLOW_EVICTION=true, which starts them with a loud warning. The
 * policy is read from INFO, so a Redis that does not allow CONFIG (managed
 * services) is checked the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from '../support/cli.ts';
import { type PrivateRedis, startPrivateRedis } from '../support/redis-server.ts';

let evicting: PrivateRedis;
let noConfig: PrivateRedis;
let noConfigEvicting: PrivateRedis;
const figures = { refused: 0, startedWithOverride: 0, startedUnchecked: 0 };

beforeAll(async () => {
  evicting = await startPrivateRedis({ args: ['--maxmemory', '50mb', '--maxmemory-policy', 'allkeys-lru'] });
  noConfig = await startPrivateRedis({ args: ['--rename-command', 'CONFIG', ''] });
  noConfigEvicting = await startPrivateRedis({
    args: ['--rename-command', 'CONFIG', '', '--maxmemory', '50mb', '--maxmemory-policy', 'allkeys-lru'],
  });
});
afterAll(async () => {
  await evicting?.dispose();
  await noConfig?.dispose();
  await noConfigEvicting?.dispose();
  console.log(
    `evicting Redis: ${figures.refused}/3 processes refused to start (worker, serve, and a worker on a Redis without CONFIG), ${figures.startedWithOverride}/1 started with REDIS_ALLOW_EVICTION=true and a warning; Redis without CONFIG and noeviction: ${figures.startedUnchecked}/1 started (policy read from INFO)`,
  );
});

const env = (r: PrivateRedis, extra: Record<string, string> = {}) => ({
  REDIS_URL: r.url,
  LAYSUM_PREFIX: 'fault-evict',
  LLM_PROVIDER: 'extractive',
  LOG_FORMAT: 'json',
  READYZ_GRACE_MS: '0',
  ...extra,
});

describe('maxmemory-policy', () => {
  it('laysum worker refuses an evicting Redis', async () => {
    const res = await runCli(['worker', '--drain'], env(evicting));
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Refusing to start: Redis maxmemory-policy is "allkeys-lru"/);
    expect(res.stderr).toMatch(/CONFIG SET maxmemory-policy noeviction/);
    expect(res.stderr).toMatch(/REDIS_ALLOW_EVICTION=true/);
    figures.refused++;
  });

  it('laysum serve refuses it too, before it listens', async () => {
    const res = await runCli(['serve', '--port', '0', '--host', '127.0.0.1'], env(evicting));
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Refusing to start: Redis maxmemory-policy is "allkeys-lru"/);
    expect(res.stderr).not.toMatch(/serving on port/);
    figures.refused++;
  });

  it('REDIS_ALLOW_EVICTION=true starts anyway, with a loud warning', async () => {
    const res = await runCli(['worker', '--drain'], env(evicting, { REDIS_ALLOW_EVICTION: 'true' }));
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/"level":"warn",.*DANGER: Redis maxmemory-policy is \\"allkeys-lru\\"/);
    figures.startedWithOverride++;
  });

  it('a Redis without CONFIG is checked through INFO: started when noeviction, refused when evicting', async () => {
    const server = await startCli(
      ['serve', '--port', '0', '--host', '127.0.0.1'],
      env(noConfig),
      /serving on port/,
    );
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.stderr()).not.toMatch(/maxmemory-policy/);
    figures.startedUnchecked++;
    const res = await runCli(['worker', '--drain'], env(noConfigEvicting));
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Refusing to start: Redis maxmemory-policy is "allkeys-lru"/);
    figures.refused++;
  });
});
