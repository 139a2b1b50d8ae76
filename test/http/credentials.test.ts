/**
 * Credentials in URLs never reach what LaySum shows: OPENAI_BASE_URL with
 * user:password (which the OpenAI client refuses) stops start-up with a
 * config error naming the server as http://***@host/v1; a feed URL keeps its
 * credentials for polling but shows them as ***; any message redacts them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.ts';
import { ConfigError } from '../../src/errors/config-error.ts';
import { describeError } from '../../src/errors/describe.ts';
import { redactSecrets } from '../../src/errors/redact.ts';
import { runCli } from '../support/cli.ts';
import { REDIS_URL } from '../support/harness.ts';
import { type HttpHarness, startHttp } from './support.ts';

let h: HttpHarness;

beforeAll(async () => {
  h = await startHttp();
});
afterAll(async () => {
  await h.cleanup();
});

describe('credentials in OPENAI_BASE_URL', () => {
  const url = 'http://llmuser:s3cretPW@127.0.0.1:11434/v1';

  it('stop start-up with a config error that says what to do, never "could not connect"', () => {
    expect(() => parseEnv({ OPENAI_BASE_URL: url })).toThrow(ConfigError);
    expect(() => parseEnv({ OPENAI_BASE_URL: url })).toThrow(
      /OPENAI_BASE_URL: must not hold a user name or password .* give the key in OPENAI_API_KEY/,
    );
  });

  it('are not shown by the error, which names the server as http://***@host', async () => {
    const res = await runCli(['status'], {
      REDIS_URL,
      LAYSUM_PREFIX: h.p.config.redis.prefix,
      OPENAI_BASE_URL: url,
    });
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain('OPENAI_BASE_URL: must not hold a user name or password');
    expect(res.stderr).toContain('http://***@127.0.0.1:11434/v1');
    expect(res.stderr).not.toMatch(/llmuser|s3cretPW|Could not connect/);
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
