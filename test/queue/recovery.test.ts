/**
 * Nothing lost: a paper stored without its job (a crash between the two
 * steps) is picked up when workers start, and a paper survives a Redis
 * restart when Redis keeps its append-only file (started here on its own port).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { textIdentity } from '../../src/domain/identity.ts';
import { createPipeline, fractureText, type Pipeline } from '../support/harness.ts';
import { startPrivateRedis } from '../support/redis-server.ts';

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
    const redis = await startPrivateRedis();
    try {
      p = await createPipeline({ REDIS_URL: redis.url });
      const id = await p.submit({ kind: 'text', text: fractureText() });
      await p.ctx.close();
      await redis.restart('SIGKILL');
      p = await createPipeline({
        REDIS_URL: redis.url,
        LAYSUM_PREFIX: p.config.redis.prefix,
      });
      expect((await p.ctx.store.require(id)).state).toBe('queued');
      await p.start();
      await p.waitFor(id, ['pending_review']);
      await p.cleanup();
      p = undefined;
    } finally {
      await redis.dispose();
    }
  });
});
