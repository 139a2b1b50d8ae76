/**
 * Credentials in URLs never reach what LaySum stores or shows: with
 * OPENAI_BASE_URL=http://llmuser:s3cretPW@host/v1 and an LLM server that is
 * not there, the paper fails; its reason, its audit, the BullMQ job (failed
 * reason and stack trace), the API, the desk and the log name the server as
 * http://***@host/v1. Every value under the test's prefix is read back.
 */
import { createServer } from 'node:net';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../../src/errors/describe.ts';
import { redactSecrets } from '../../src/errors/redact.ts';
import { runCli } from '../support/cli.ts';
import { REDIS_URL } from '../support/harness.ts';
import { type HttpHarness, paperText, signIn, startHttp } from './support.ts';

let h: HttpHarness;
let id = '';

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 1));
    });
  });
}

/** Every string value under a prefix: strings, hashes, lists, sets, sorted sets and streams. */
async function everyValue(redis: Redis, prefix: string): Promise<string[]> {
  const out: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    for (const key of found) {
      const type = await redis.type(key);
      if (type === 'string') out.push((await redis.get(key)) ?? '');
      else if (type === 'hash') out.push(...Object.values(await redis.hgetall(key)));
      else if (type === 'list') out.push(...(await redis.lrange(key, 0, -1)));
      else if (type === 'set') out.push(...(await redis.smembers(key)));
      else if (type === 'zset') out.push(...(await redis.zrange(key, 0, -1)));
      else if (type === 'stream')
        for (const [, fields] of await redis.xrange(key, '-', '+')) out.push(...fields);
    }
  } while (cursor !== '0');
  return out;
}

beforeAll(async () => {
  const port = await closedPort();
  h = await startHttp({
    LLM_PROVIDER: 'openai',
    OPENAI_BASE_URL: `http://llmuser:s3cretPW@127.0.0.1:${port}/v1`,
    LLM_ATTEMPTS: '2',
    LLM_BACKOFF_MS: '10',
    LLM_TIMEOUT_MS: '2000',
  });
  await h.p.start({ stages: ['ingest', 'summarize'] });
  id = await h.p.submit({ kind: 'text', text: paperText('Balance classes, an LLM server with a password') });
  await h.p.waitFor(id, ['failed'], 30_000);
});
afterAll(async () => {
  await h.cleanup();
});

describe('credentials in OPENAI_BASE_URL', () => {
  it('are redacted in the paper reason, which still names the server', async () => {
    const paper = await h.p.ctx.store.require(id);
    expect(paper.reason).toMatch(/http:\/\/\*\*\*@127\.0\.0\.1:\d+\/v1/);
  });

  it('appear in no value stored in Redis (paper, audit, jobs with their stack traces)', async () => {
    const values = await everyValue(h.p.ctx.redis, h.p.config.redis.prefix);
    expect(values.some((v) => v.includes('***@127.0.0.1'))).toBe(true);
    expect(values.filter((v) => v.includes('s3cretPW') || v.includes('llmuser'))).toEqual([]);
  });

  it('appear nowhere on the API, the desk or in the server log', async () => {
    const api = await (await h.call(`/api/drafts/${id}`, { token: h.tokens.reviewer })).text();
    const desk = await (await (await signIn(h, h.tokens.reviewer)).get(`/desk/papers/${id}`)).text();
    for (const text of [api, desk, h.logs.join('')]) {
      expect(text).not.toContain('s3cretPW');
      expect(text).not.toContain('llmuser');
    }
    expect(api).toContain('***@127.0.0.1');
  });
});

describe('redaction of URLs in any message', () => {
  it('covers redis://, https:// and source URLs, user alone or user:password', () => {
    const text =
      'Cannot reach redis://default:hunter22@cache:6379/0, nor https://bob:pw@feeds.example/rss, nor http://token@x.example';
    expect(redactSecrets(text)).toBe(
      'Cannot reach redis://***@cache:6379/0, nor https://***@feeds.example/rss, nor http://***@x.example',
    );
    expect(describeError(new Error('GET https://u:p@h.example/feed failed'))).toBe(
      'GET https://***@h.example/feed failed',
    );
  });
});

describe('credentials in a feed URL', () => {
  it('are kept for polling but shown as *** by watch add and watch list', async () => {
    const env = { REDIS_URL, LAYSUM_PREFIX: h.p.config.redis.prefix, LOG_LEVEL: 'silent' };
    const feed = 'https://feeduser:feedPW99@feeds.example.invalid/rss.xml';
    const added = await runCli(['watch', 'add', 'feed', feed, '--every', '6h'], env);
    const listed = await runCli(['watch', 'list'], env);
    const json = await runCli(['watch', 'list', '--json'], env);
    expect(added.code, added.stderr).toBe(0);
    for (const out of [added.stdout, listed.stdout, json.stdout]) {
      expect(out).toContain('https://***@feeds.example.invalid/rss.xml');
      expect(out).not.toMatch(/feeduser|feedPW99/);
    }
    expect((await h.p.ctx.watches.list())[0]?.target).toBe(feed);
  });
});
