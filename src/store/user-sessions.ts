/**
 * The sessions half of the users port (../domain/ports/users.ts) in Redis:
 * a hash per session, by the SHA-256 of its id, expiring with the session.
 */
import type { SessionRecords } from '../domain/ports/users.ts';
import type { Session } from '../domain/user.ts';
import type { RedisClient } from './redis-client.ts';
import { type UserKeys, userKeys } from './user-keys.ts';

export class RedisSessions implements SessionRecords {
  private readonly keys: UserKeys;
  constructor(
    private readonly redis: RedisClient,
    prefix: string,
  ) {
    this.keys = userKeys(prefix);
  }

  async save(hash: string, session: Session, ttlSeconds: number): Promise<void> {
    const key = this.keys.session(hash);
    await this.redis
      .multi()
      .hset(key, { ...session, createdAt: new Date().toISOString() })
      .expire(key, ttlSeconds)
      .exec();
  }

  async get(hash: string): Promise<Session | null> {
    const record = await this.redis.hgetall(this.keys.session(hash));
    // Sessions started before stamps existed kept the token's hash, which is such an account's stamp.
    const stamp = record.stamp ?? record.tokenHash;
    if (!record.name || !stamp || !record.csrf) return null;
    return { name: record.name, stamp, csrf: record.csrf };
  }

  async remove(hash: string): Promise<void> {
    await this.redis.del(this.keys.session(hash));
  }
}
