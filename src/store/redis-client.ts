/**
 * One Redis server or a Redis Cluster: what the stores, the queues and the
 * health checks are handed. Commands on keys go through either alike (on a
 * cluster every LaySum key carries the prefix's hash tag, so they share one
 * slot); commands about a server (INFO, SCAN, SLOWLOG) go to each master,
 * through `mastersOf`.
 */
import { Cluster, Redis } from 'ioredis';

export type RedisClient = Redis | Cluster;

export const isCluster = (client: RedisClient): client is Cluster => client instanceof Cluster;

/** The servers that hold data: the one server, or every master of the cluster (as last seen). */
export function mastersOf(client: RedisClient): Redis[] {
  return isCluster(client) ? client.nodes('master') : [client];
}

/** A connection of either kind (for BullMQ's job keys, read directly by `laysum status` and drains). */
export const isRedisClient = (value: unknown): value is RedisClient =>
  value instanceof Redis || value instanceof Cluster;

/** Every data-holding server answers PONG (one server, or each master of a cluster as last seen). */
export async function pingEveryMaster(client: RedisClient): Promise<boolean> {
  const masters = mastersOf(client);
  if (!masters.length) return false;
  const answers = await Promise.all(masters.map((node) => node.ping()));
  return answers.every((answer) => answer === 'PONG');
}
