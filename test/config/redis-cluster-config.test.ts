/**
 * Which Redis LaySum talks to: one server as before, or a Redis Cluster named
 * by REDIS_CLUSTER_NODES or a redis+cluster:// REDIS_URL, whose key prefix
 * always carries a {hash tag} (BullMQ's scripts need every key of a queue in
 * one slot); bad values are refused with what to write instead, and a
 * password never shows in the message.
 */
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.ts';

const bad = (env: Record<string, string>): string => {
  try {
    parseEnv(env);
  } catch (err) {
    return (err as Error).message;
  }
  return 'accepted';
};

describe('one Redis server', () => {
  it('is what it was: the URL as given, the prefix untouched, no cluster', () => {
    expect(parseEnv({}).redis).toMatchObject({
      url: 'redis://127.0.0.1:6379',
      prefix: 'laysum',
      cluster: null,
    });
    expect(
      parseEnv({ REDIS_URL: 'rediss://u:p@redis.example:6380/2', LAYSUM_PREFIX: 'site-a' }).redis,
    ).toMatchObject({
      url: 'rediss://u:p@redis.example:6380/2',
      prefix: 'site-a',
      cluster: null,
    });
  });

  it('takes a prefix with a hash tag as it is (the same keys then work on a cluster)', () => {
    expect(parseEnv({ LAYSUM_PREFIX: '{x}' }).redis.prefix).toBe('{x}');
    expect(parseEnv({ LAYSUM_PREFIX: 'site-{a}' }).redis.prefix).toBe('site-{a}');
  });
});

describe('a Redis Cluster', () => {
  it('from REDIS_CLUSTER_NODES: the nodes, and the prefix wrapped in a hash tag', () => {
    const { redis } = parseEnv({ REDIS_CLUSTER_NODES: '10.0.0.5:7000, 10.0.0.6:7001,[fd00::7]:7002' });
    expect(redis.cluster).toEqual({
      nodes: [
        { host: '10.0.0.5', port: 7000 },
        { host: '10.0.0.6', port: 7001 },
        { host: 'fd00::7', port: 7002 },
      ],
      username: undefined,
      password: undefined,
      tls: false,
    });
    expect(redis.prefix).toBe('{laysum}');
    expect(redis.url).toBe('redis+cluster://10.0.0.5:7000,10.0.0.6:7001,[fd00::7]:7002');
  });

  it('from REDIS_CLUSTER_NODES takes the password and TLS of a rediss:// REDIS_URL', () => {
    const { redis } = parseEnv({
      REDIS_CLUSTER_NODES: 'cache-1.internal:6379',
      REDIS_URL: 'rediss://laysum:s%40cret@ignored.example:6379',
    });
    expect(redis.cluster).toMatchObject({ username: 'laysum', password: 's@cret', tls: true });
  });

  it('from a redis+cluster:// URL, with its credentials; a prefix with a tag is kept', () => {
    const { redis } = parseEnv({
      REDIS_URL: 'rediss+cluster://user:pw@h1.example:7000,h2.example:7001',
      LAYSUM_PREFIX: 'site-{a}',
    });
    expect(redis.cluster).toEqual({
      nodes: [
        { host: 'h1.example', port: 7000 },
        { host: 'h2.example', port: 7001 },
      ],
      username: 'user',
      password: 'pw',
      tls: true,
    });
    expect(redis.prefix).toBe('site-{a}');
  });

  it('refuses bad nodes, a database or options in the URL, and both settings at once', () => {
    expect(bad({ REDIS_CLUSTER_NODES: '10.0.0.5' })).toMatch(
      /REDIS_CLUSTER_NODES: "10.0.0.5" is not a host:port node: give the nodes as host:port,host:port/,
    );
    expect(bad({ REDIS_CLUSTER_NODES: '10.0.0.5:99999' })).toMatch(
      /"10.0.0.5:99999" is not a host:port node/,
    );
    expect(bad({ REDIS_URL: 'redis+cluster://' })).toMatch(/REDIS_URL: names no node: give at least one/);
    expect(bad({ REDIS_URL: 'redis+cluster://h1:7000/2' })).toMatch(
      /REDIS_URL: a cluster has one database and takes no options in the URL/,
    );
    expect(bad({ REDIS_URL: 'redis+cluster://h1:7000', REDIS_CLUSTER_NODES: 'h1:7000' })).toMatch(
      /REDIS_CLUSTER_NODES: give the cluster once: either REDIS_CLUSTER_NODES or a redis\+cluster:\/\/ REDIS_URL, not both/,
    );
    expect(bad({ REDIS_URL: 'http://h1:7000' })).toMatch(
      /REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL, or redis\+cluster:\/\/host:port,host:port for a Redis Cluster/,
    );
  });

  it('keeps the password out of the message about a bad URL', () => {
    const message = bad({ REDIS_URL: 'redis+cluster://laysum:hunter2-secret@h1:7000,h2/0' });
    expect(message).toMatch(/REDIS_URL: "h2" is not a host:port node/);
    expect(message).not.toContain('hunter2');
  });

  it('refuses a prefix whose hash tag is empty, doubled or holds a ":"', () => {
    for (const prefix of ['{}', '{a}{b}', '{a:b}', 'a:b'])
      expect(bad({ LAYSUM_PREFIX: prefix, REDIS_CLUSTER_NODES: 'h1:7000' })).toMatch(
        /LAYSUM_PREFIX: use 1-64 letters, digits, "_", "." or "-" \(no ":"\), with at most one \{hash tag\}/,
      );
  });
});
