/**
 * The store's Lua scripts are the files in src/store/lua:
 * each opens with its inputs and output, builds no key of its own (keys.ts
 * writes every key format), and is what Redis runs. The failure record the
 * transition script writes lives exactly as long as the paper is failed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { luaSource } from '../../src/store/commands.ts';
import { internalsOf } from '../../src/store/internals.ts';
import { PaperStore } from '../../src/store/papers.ts';
import { redisRateLimiter } from '../../src/store/rate-limiter.ts';
import { RedisUsers } from '../../src/store/users.ts';
import { UserStore } from '../../src/users/store.ts';
import { REDIS_URL, removePrefix, testPrefix } from '../support/harness.ts';

const DIR = new URL('../../src/store/lua/', import.meta.url);
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.lua'))
  .map((f) => ({ name: f, text: readFileSync(new URL(f, DIR), 'utf8') }));
const prefix = testPrefix();
const redis = new Redis(REDIS_URL);

/** A pasted-text paper with its own identity. */
async function textPaper(store: PaperStore, identity: string): Promise<string> {
  const { id } = await store.create({
    submission: { kind: 'text', text: 'T\n\nabstract', title: 'T' },
    origin: { actor: 'test' },
    identities: [{ kind: 'text', value: identity }],
  });
  return id;
}

afterAll(async () => {
  await removePrefix(redis, prefix);
  await redis.quit();
});

describe('Lua script files', () => {
  it('each opens with a header documenting every KEYS and ARGV it reads, and its output', () => {
    expect(files.map((f) => f.name).sort()).toEqual([
      'add-draft.lua',
      'add-user.lua',
      'claim.lua',
      'create-paper.lua',
      'decide.lua',
      'decision-count.lua',
      'hash-add.lua',
      'index-apply.lua',
      'index-paper.lua',
      'lease.lua',
      'llm-acquire.lua',
      'llm-settle.lua',
      'public-change.lua',
      'publish.lua',
      'release.lua',
      'set-email.lua',
      'set-record.lua',
      'sliding-window.lua',
      'transition-apply.lua',
      'transition.lua',
      'unpublish.lua',
      'use-reset.lua',
      'webhook-line-add.lua',
      'webhook-line-advance.lua',
      'webhook-line-requeue.lua',
    ]);
    for (const { name, text } of files) {
      const header = /^--\[\[\n([\s\S]*?)\n\]\]\n/.exec(text)?.[1] ?? '';
      expect(header, name).toMatch(/\n {2}Input:\n[\s\S]*\n {2}Output:\n/);
      const body = text.slice(text.indexOf(']]'));
      for (const [used] of body.matchAll(/(KEYS|ARGV)\[\d+\]/g))
        expect(header, `${name}: ${used}`).toContain(used);
    }
  });

  it('write no key formats of their own: the keys and key prefixes come from keys.ts', () => {
    for (const { name, text } of files) expect(text, name).not.toMatch(/'[^']*:[a-z-]+:'|\.\. ':/);
  });

  it('are what Redis runs', async () => {
    const store = new PaperStore(redis, prefix);
    const { id } = await store.create({
      submission: { kind: 'pmid', pmid: '30158200' },
      origin: { actor: 'test' },
      identities: [{ kind: 'pmid', value: '30158200' }],
    });
    await store.transition(id, {
      from: ['queued'],
      to: 'ingesting',
      actor: 'test',
      action: 'ingest started',
    });
    await redisRateLimiter(redis, `${prefix}:ratelimit:test`, 5).acquire();
    await new UserStore(new RedisUsers(redis, prefix)).add('script-test', 'reviewer');
    const used = ['create-paper.lua', 'transition.lua', 'sliding-window.lua', 'add-user.lua'];
    // A file with `--#include` lines runs with the included files in their place (luaSource).
    const shas = used.map((name) => {
      const text = files.find((f) => f.name === name)?.text ?? '';
      const run = text.replace(/^--#include (\S+)$/gm, (_, inc: string) => luaSource(inc));
      return createHash('sha1').update(run).digest('hex');
    });
    expect(await redis.script('EXISTS', ...shas)).toEqual([1, 1, 1, 1]);
  });
});

describe('the failure record', () => {
  it('is kept while the paper is failed and cleared when it leaves', async () => {
    const store = new PaperStore(redis, prefix);
    const id = await textPaper(store, `failure-${prefix}`);
    const failure = {
      stage: 'summarize',
      reason: 'r',
      at: new Date().toISOString(),
      reply: '{"x":',
      usage: null,
      finishReason: 'length',
    };
    await store.transition(id, {
      from: '*',
      to: 'failed',
      actor: 'summarize',
      action: 'failed',
      reason: 'r',
      failure,
    });
    expect((await store.require(id)).failure).toEqual(failure);
    expect(await store.ids('failed')).toEqual([id]);
    await store.transition(id, { from: ['failed'], to: 'queued', actor: 'ops', action: 'retried' });
    expect(await store.require(id)).toMatchObject({ state: 'queued', failure: null });
    expect(await store.ids('failed')).toEqual([]);
  });
});

describe('the drafts count', () => {
  it('is kept in the paper hash, and read from the drafts list for a paper stored before it was', async () => {
    const store = new PaperStore(redis, prefix);
    const id = await textPaper(store, `count-${prefix}`);
    expect(await redis.hget(internalsOf(store).keys.paper(id), 'drafts')).toBe('0');
    expect((await store.require(id)).draftCount).toBe(0);
    // As an older LaySum left it: two versions in the list, no count in the hash.
    await redis.hdel(internalsOf(store).keys.paper(id), 'drafts');
    await redis.rpush(internalsOf(store).keys.drafts(id), '{}', '{}');
    expect((await store.require(id)).draftCount).toBe(2);
  });
});
