/**
 * Web sessions: the review desk signs in once (password, single sign-on or
 * token) and then carries a random session id in an httpOnly cookie. Redis
 * keeps only the id's hash, the user's name, the account's stamp at sign-in
 * (so removing or re-creating the user, reissuing their token or setting a
 * new password ends the session) and the session's CSRF token.
 */
import type { Redis } from 'ioredis';
import { type UserKeys, userKeys } from './keys.ts';
import type { StoredUser } from './store.ts';
import { hashToken, newSecret, plausibleToken } from './tokens.ts';

export const SESSION_TTL_SECONDS = 12 * 3600;

export interface Session {
  name: string;
  stamp: string;
  csrf: string;
}

export class SessionStore {
  readonly keys: UserKeys;
  constructor(
    readonly redis: Redis,
    prefix: string,
    readonly ttlSeconds = SESSION_TTL_SECONDS,
  ) {
    this.keys = userKeys(prefix);
  }

  /** Start a session; returns the id for the cookie (never stored as such). */
  async create(user: StoredUser): Promise<{ id: string; session: Session }> {
    const id = newSecret();
    const session: Session = { name: user.name, stamp: user.stamp, csrf: newSecret() };
    const key = this.keys.session(hashToken(id));
    await this.redis
      .multi()
      .hset(key, { ...session, createdAt: new Date().toISOString() })
      .expire(key, this.ttlSeconds)
      .exec();
    return { id, session };
  }

  async get(id: string): Promise<Session | null> {
    if (!plausibleToken(id)) return null;
    const hash = await this.redis.hgetall(this.keys.session(hashToken(id)));
    // Sessions started before stamps existed kept the token's hash, which is such an account's stamp.
    const stamp = hash.stamp ?? hash.tokenHash;
    if (!hash.name || !stamp || !hash.csrf) return null;
    return { name: hash.name, stamp, csrf: hash.csrf };
  }

  async destroy(id: string): Promise<void> {
    if (plausibleToken(id)) await this.redis.del(this.keys.session(hashToken(id)));
  }
}
