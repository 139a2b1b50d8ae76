/**
 * Nothing lost: a paper stored without its job (a crash between the two
 * steps) is picked up when workers start, and a paper survives a Redis
 * restart when Redis keeps its append-only file (started here on its own port).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { textIdentity } from '../src/store/identity.ts';
import { createPipeline, fractureText, type Pipeline } from './support/harness.ts';

let p: Pipeline | undefined;
afterEach(async () => {
  await p?.cleanup();
  p = undefined;
});

describe('recovery', () => {
  it('re-queues a stored paper whose job never made it to the queue', async () => {
    p = await createPipeline();
    const { id } = await p.ctx.store.create({
      submission: { kind: 'text', text: fractureText() },
      origin: { actor: 'test' },
      identities: [textIdentity('crash test')],
    });
    expect(await p.ctx.queues.ingest.getJobCounts('waiting')).toEqual({ waiting: 0 });
    await p.start();
    await p.waitFor(id, ['pending_review']);
  });

  it('keeps queued papers across a Redis restart with the append-only file on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'laysum-redis-'));
    const port = 16_379 + Math.floor(Math.random() * 1000);
    const startRedis = async () => {
      const child = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--dir',
          dir,
          '--appendonly',
          'yes',
          '--appendfsync',
          'always',
          '--save',
          '',
        ],
        { stdio: 'ignore' },
      );
      await new Promise((r) => setTimeout(r, 400));
      return child;
    };
    let redis = await startRedis();
    try {
      p = await createPipeline({ REDIS_URL: `redis://127.0.0.1:${port}` });
      const id = await p.submit({ kind: 'text', text: fractureText() });
      await p.ctx.close();
      redis.kill('SIGKILL');
      await new Promise((r) => redis.once('exit', r));
      redis = await startRedis();
      p = await createPipeline({
        REDIS_URL: `redis://127.0.0.1:${port}`,
        LAYSUM_PREFIX: p.config.redis.prefix,
      });
      expect((await p.ctx.store.require(id)).state).toBe('queued');
      await p.start();
      await p.waitFor(id, ['pending_review']);
      await p.cleanup();
      p = undefined;
    } finally {
      redis.kill('SIGKILL');
    }
  });
});
