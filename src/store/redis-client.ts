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

/**
 * Every data-holding server answers: the one server's PING, or each master of
 * a cluster saying `cluster_state:ok` (a cluster with a master down refuses
 * every key, CLUSTERDOWN, while the other masters still answer PING).
 */
export async function everyMasterAnswers(client: RedisClient): Promise<boolean> {
  if (!isCluster(client)) return (await client.ping()) === 'PONG';
  const masters = client.nodes('master');
  if (!masters.length) return false;
  const infos = await Promise.all(masters.map((node) => node.cluster('INFO')));
  return infos.every((info) => /^cluster_state:ok\s*$/m.test(info));
}
