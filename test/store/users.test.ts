/**
 * The users port in Redis (src/store/users.ts, user-sessions.ts), asked the
 * way src/users asks it: what an account's records answer after the changes
 * that must end a link, a reset link or a session.
 */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisSessions } from '../../src/store/user-sessions.ts';
import { RedisUsers } from '../../src/store/users.ts';
import { REDIS_URL, removePrefix, testPrefix } from '../support/harness.ts';

const prefix = testPrefix();
const redis = new Redis(REDIS_URL);
const users = new RedisUsers(redis, prefix);
afterAll(async () => {
  await removePrefix(redis, prefix);
  await redis.quit();
});

const account = (name: string, email: string | null = null) => ({
  name,
  role: 'editor' as const,
  email,
  tokenHash: `hash-of-${name}`,
  createdAt: '2026-12-01T00:00:00.000Z',
  stamp: `stamp-${name}`,
});

describe('RedisUsers', () => {
  it('creates an account once, refuses a taken name or email, and removes every index with it', async () => {
    expect(await users.create(account('ada', 'ada@team.example'))).toBe('created');
    expect(await users.create(account('ada'))).toBe('name-taken');
    expect(await users.create(account('bea', 'ada@team.example'))).toBe('email-taken');
    expect(await users.nameForEmail('ada@team.example')).toBe('ada');
    expect(await users.get('ada')).toMatchObject({
      role: 'editor',
      token: 'named',
      tokenHash: 'hash-of-ada',
    });
    expect(await users.remove('ada')).toBe(true);
    expect(await users.remove('ada')).toBe(false);
    expect(await users.get('ada')).toBeNull();
    expect(await users.nameForEmail('ada@team.example')).toBeNull();
  });

  it('changes an email only if it is still the one the caller read', async () => {
    await users.create(account('cai', 'cai@team.example'));
    await users.create(account('dee', 'dee@team.example'));
    expect(await users.setEmail('cai', 'dee@team.example', 'cai@team.example')).toBe('taken');
    expect(await users.setEmail('cai', 'c@team.example', 'old@team.example')).toBe('stale');
    expect(await users.setEmail('cai', 'c@team.example', 'cai@team.example')).toBe('changed');
    expect(await users.nameForEmail('cai@team.example')).toBeNull();
    expect(await users.nameForEmail('c@team.example')).toBe('cai');
  });

  it('forgets an identity link when its account is removed and made again', async () => {
    await users.create(account('eve'));
    await users.setLink('eve', 'link-1');
    expect(await users.linkedName('link-1')).toBe('eve');
    await users.remove('eve');
    await users.create(account('eve'));
    expect(await users.linkedName('link-1')).toBeNull();
  });

  it('spends a reset link once, only while it is the latest, and gives the account a new stamp', async () => {
    await users.create(account('fay'));
    const later = Date.now() + 60_000;
    await users.saveResetLink('fay', 'reset-1', later);
    await users.saveResetLink('fay', 'reset-2', later);
    expect(await users.resetLink('reset-1')).toBeNull();
    expect(await users.resetLink('reset-2')).toMatchObject({ name: 'fay', latest: true });
    const change = { name: 'fay', passwordHash: 'scrypt$x', stamp: 'stamp-2', nowMs: Date.now() };
    expect(await users.useResetLink('reset-1', change)).toBe(false);
    expect(await users.useResetLink('reset-2', { ...change, nowMs: later + 1 })).toBe(false);
    expect(await users.useResetLink('reset-2', change)).toBe(true);
    expect(await users.useResetLink('reset-2', change)).toBe(false);
    const { user, passwordHash } = await users.withPasswordHash('fay');
    expect(passwordHash).toBe('scrypt$x');
    expect(user).toMatchObject({ password: true, stamp: 'stamp-2' });
  });
});

describe('RedisSessions', () => {
  it('keeps a session until it is removed', async () => {
    const sessions = new RedisSessions(redis, prefix);
    await sessions.save('s1', { name: 'gus', stamp: 'st', csrf: 'c' }, 60);
    expect(await sessions.get('s1')).toEqual({ name: 'gus', stamp: 'st', csrf: 'c' });
    expect(await redis.ttl(`${prefix}:session:s1`)).toBeGreaterThan(0);
    await sessions.remove('s1');
    expect(await sessions.get('s1')).toBeNull();
  });
});
