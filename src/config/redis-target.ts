/**
 * Where Redis is: one server (`REDIS_URL=redis://…`) or a Redis Cluster
 * (`REDIS_URL=redis+cluster://host:port,host:port` or `REDIS_CLUSTER_NODES`).
 * On a cluster a script or a transaction may only touch keys of one hash
 * slot, and BullMQ's scripts span a queue's keys, so every key LaySum and
 * BullMQ write must carry the same hash tag: the prefix is `{laysum}` rather
 * than `laysum` (a prefix without a `{…}` is wrapped in one).
 */
import type { z } from 'zod';

export interface ClusterNode {
  host: string;
  port: number;
}

export interface ClusterTarget {
  /** The seed nodes: ioredis asks them for the rest of the cluster. */
  nodes: ClusterNode[];
  username: string | undefined;
  password: string | undefined;
  /** rediss+cluster:// (or a rediss:// REDIS_URL beside REDIS_CLUSTER_NODES): TLS to every node. */
  tls: boolean;
}

const CLUSTER_SCHEME = /^(rediss?)\+cluster:\/\//i;

export const isClusterUrl = (url: string): boolean => CLUSTER_SCHEME.test(url);

/** `host:port` or `[ipv6]:port`, e.g. `10.0.0.5:7000`; the entry itself when it is not one. */
function parseNode(entry: string): ClusterNode | { bad: string } {
  const match = /^(?:\[([0-9a-f:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/i.exec(entry);
  const port = Number(match?.[3]);
  const host = match?.[1] ?? match?.[2];
  if (!host || !(port >= 1 && port <= 65_535)) return { bad: entry };
  return { host, port };
}

/** A comma-separated `host:port` list (REDIS_CLUSTER_NODES, or the hosts of a redis+cluster:// URL). */
export function parseClusterNodes(text: string): ClusterNode[] | { bad: string } {
  const nodes: ClusterNode[] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const node = parseNode(entry);
    if ('bad' in node) return node;
    nodes.push(node);
  }
  return nodes.length ? nodes : { bad: text };
}

/** `redis+cluster://[user[:password]@]host:port[,host:port…]`, or what is wrong with it. */
export function parseClusterUrl(url: string): ClusterTarget | { problem: string } {
  const scheme = CLUSTER_SCHEME.exec(url);
  if (!scheme) return { problem: 'must start with redis+cluster:// or rediss+cluster://' };
  const rest = url.slice(scheme[0].length).replace(/\/(0)?$/, '');
  if (rest.includes('/') || rest.includes('?'))
    return {
      problem:
        'a cluster has one database and takes no options in the URL: give only the nodes, e.g. redis+cluster://10.0.0.5:7000,10.0.0.6:7000',
    };
  const at = rest.lastIndexOf('@');
  if (!rest.slice(at + 1))
    return { problem: 'names no node: give at least one, e.g. redis+cluster://10.0.0.5:7000,10.0.0.6:7000' };
  const userinfo = at >= 0 ? rest.slice(0, at) : '';
  const nodes = parseClusterNodes(rest.slice(at + 1));
  if ('bad' in nodes)
    return {
      problem: `"${nodes.bad}" is not a host:port node (e.g. redis+cluster://10.0.0.5:7000,10.0.0.6:7000)`,
    };
  const colon = userinfo.indexOf(':');
  const decode = (s: string) => (s ? decodeURIComponent(s) : undefined);
  return {
    nodes,
    username: decode(colon >= 0 ? userinfo.slice(0, colon) : userinfo),
    password: colon >= 0 ? decode(userinfo.slice(colon + 1)) : undefined,
    tls: scheme[1]?.toLowerCase() === 'rediss',
  };
}

/** A prefix with a non-empty `{…}`: Redis Cluster hashes only that part of each key. */
export const hasHashTag = (prefix: string): boolean => /\{[^{}]+\}/.test(prefix);

interface RedisEnv {
  REDIS_URL: string;
  REDIS_CLUSTER_NODES: string | undefined;
  LAYSUM_PREFIX: string;
}

/**
 * The cluster to use, or null for one server. REDIS_CLUSTER_NODES takes the
 * user, password and TLS of a `redis://` / `rediss://` REDIS_URL, if one is set.
 */
export function clusterTarget(env: RedisEnv, ctx: z.RefinementCtx): ClusterTarget | null | 'invalid' {
  const fromUrl = isClusterUrl(env.REDIS_URL) ? parseClusterUrl(env.REDIS_URL) : null;
  if (fromUrl && 'problem' in fromUrl) return 'invalid'; // reported by the schema
  if (!env.REDIS_CLUSTER_NODES) return fromUrl;
  if (fromUrl) {
    ctx.addIssue({
      code: 'custom',
      path: ['REDIS_CLUSTER_NODES'],
      message: 'give the cluster once: either REDIS_CLUSTER_NODES or a redis+cluster:// REDIS_URL, not both',
    });
    return 'invalid';
  }
  const nodes = parseClusterNodes(env.REDIS_CLUSTER_NODES);
  if ('bad' in nodes) return 'invalid'; // reported by the schema
  const url = new URL(env.REDIS_URL);
  return {
    nodes,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    tls: url.protocol === 'rediss:',
  };
}

/** The prefix the keys get: on a cluster, wrapped in a hash tag unless it has one. */
export function keyPrefix(prefix: string, cluster: ClusterTarget | null): string {
  return cluster && !hasHashTag(prefix) ? `{${prefix}}` : prefix;
}

/** How the connection is named in messages (credentials are redacted where it is shown). */
export function describeTarget(url: string, cluster: ClusterTarget | null): string {
  if (!cluster || isClusterUrl(url)) return url;
  const scheme = cluster.tls ? 'rediss+cluster' : 'redis+cluster';
  return `${scheme}://${cluster.nodes.map((n) => (n.host.includes(':') ? `[${n.host}]:${n.port}` : `${n.host}:${n.port}`)).join(',')}`;
}
