/**
 * Whether Redis may delete LaySum's keys: its `maxmemory-policy`, read from
 * `INFO memory` (managed services rename or disable CONFIG, never INFO), at
 * start-up, on every reconnect and on a timer, because an operator can
 * change it at run time (`CONFIG SET maxmemory-policy allkeys-lru`) and a
 * failover can land on a replica configured differently. Anything but
 * `noeviction` lets Redis drop papers, drafts and jobs without a trace.
 */
import type { Redis } from 'ioredis';
import { mastersOf, type RedisClient } from './redis-client.ts';

export interface PolicyReading {
  /** `noeviction`, `allkeys-lru`, …; null when INFO does not say. */
  policy: string | null;
  /** Whether the append-only file is on; null when INFO does not say. */
  aof: boolean | null;
}

function field(info: string, name: string): string | null {
  const match = new RegExp(`^${name}:(.*)$`, 'm').exec(info);
  return match?.[1]?.trim() || null;
}

async function readServer(redis: Redis): Promise<PolicyReading> {
  const [memory, persistence] = await Promise.all([redis.info('memory'), redis.info('persistence')]);
  const aof = field(persistence, 'aof_enabled');
  return { policy: field(memory, 'maxmemory_policy'), aof: aof === null ? null : aof === '1' };
}

/**
 * The policy of the one server, or of a whole cluster: INFO is about the node
 * that answers it, so each master is asked, and the cluster is as safe as its
 * worst master (an evicting one wins, then one that does not say).
 */
export async function readRedisPolicy(redis: RedisClient): Promise<PolicyReading> {
  const masters = mastersOf(redis);
  if (!masters.length) throw new Error('no Redis Cluster master is known yet');
  const readings = await Promise.all(masters.map(readServer));
  const evicting = readings.find((r) => isEvicting(r.policy));
  const policy = evicting ? evicting.policy : readings.some((r) => r.policy === null) ? null : 'noeviction';
  const aof = readings.some((r) => r.aof === false)
    ? false
    : readings.some((r) => r.aof === null)
      ? null
      : true;
  return { policy, aof };
}

export const isEvicting = (policy: string | null): boolean => policy !== null && policy !== 'noeviction';

export function evictionProblem(policy: string): string {
  return `Redis maxmemory-policy is "${policy}": under memory pressure Redis deletes keys, and LaySum loses papers, drafts and jobs without a trace.`;
}

export const EVICTION_HINT =
  'Run `redis-cli CONFIG SET maxmemory-policy noeviction` (on a Redis Cluster, on every master) and put `maxmemory-policy noeviction` in redis.conf (or set it in your provider\'s console); LaySum resumes by itself once it reads "noeviction".';

export interface EvictionState {
  /** The policy last read, or null before the first reading (or when Redis is away). */
  readonly policy: string | null;
  /** The policy lets Redis delete keys. */
  readonly evicting: boolean;
  /** When that was read. */
  readonly checkedAt: Date | null;
}

export interface EvictionWatch extends EvictionState {
  /** Read the policy now (also done on every reconnect and every `intervalMs`). */
  check(): Promise<EvictionState>;
  stop(): void;
}

/**
 * Keep reading the policy; `onChange` hears each switch between evicting and
 * not (the first reading counts as a switch when it is evicting). A failed
 * read (Redis away) keeps the last reading: the reconnect reads it again.
 */
export function watchEviction(
  redis: RedisClient,
  options: { intervalMs: number; onChange?: (state: EvictionState) => void },
): EvictionWatch {
  let policy: string | null = null;
  let checkedAt: Date | null = null;
  const state = (): EvictionState => ({ policy, evicting: isEvicting(policy), checkedAt });
  const check = async (): Promise<EvictionState> => {
    try {
      const reading = await readRedisPolicy(redis);
      const was = isEvicting(policy);
      policy = reading.policy;
      checkedAt = new Date();
      if (isEvicting(policy) !== was) options.onChange?.(state());
    } catch {
      // Redis away: the 'ready' event reads again.
    }
    return state();
  };
  const onReady = () => void check();
  redis.on('ready', onReady);
  const timer = setInterval(onReady, options.intervalMs);
  timer.unref();
  return {
    get policy() {
      return policy;
    },
    get evicting() {
      return isEvicting(policy);
    },
    get checkedAt() {
      return checkedAt;
    },
    check,
    stop() {
      clearInterval(timer);
      redis.off('ready', onReady);
    },
  };
}
