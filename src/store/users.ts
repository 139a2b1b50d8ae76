/**
 * The users port (../domain/ports/users.ts) in Redis: one hash per account
 * (./user-keys.ts says its fields), indexes by email, older token, identity
 * link and reset link, and the scripts that change an account and its
 * indexes at once (./lua/add-user.lua, set-email.lua, use-reset.lua).
 */
import type { NewAccount, ResetRecord, UserRecords } from '../domain/ports/users.ts';
import { Role, type StoredUser, UserName } from '../domain/user.ts';
import type { RedisClient } from './redis-client.ts';
import { type UserCommands, userCommands } from './user-commands.ts';
import { type UserKeys, userKeys } from './user-keys.ts';

export class RedisUsers implements UserRecords {
  private readonly keys: UserKeys;
  private readonly redis: RedisClient & UserCommands;
  constructor(redis: RedisClient, prefix: string) {
    this.keys = userKeys(prefix);
    this.redis = userCommands(redis);
  }

  async create(a: NewAccount): Promise<'created' | 'name-taken' | 'email-taken'> {
    const k = this.keys;
    const email = a.email ?? '';
    const added = await this.redis.laysumAddUser(
      k.user(a.name),
      k.users,
      k.email(email),
      a.role,
      a.tokenHash ?? '',
      a.createdAt,
      a.name,
      email,
      a.stamp,
    );
    return added === 1 ? 'created' : added === 2 ? 'email-taken' : 'name-taken';
  }

  async get(name: string): Promise<StoredUser | null> {
    return toUser(name, await this.record(name));
  }

  names(): Promise<string[]> {
    return this.redis.smembers(this.keys.users);
  }

  nameForEmail(address: string): Promise<string | null> {
    return this.redis.get(this.keys.email(address));
  }

  async remove(name: string): Promise<boolean> {
    const hash = await this.record(name);
    if (!toUser(name, hash)) return false;
    const k = this.keys;
    const m = this.redis.multi().del(k.user(name)).srem(k.users, name);
    if (hash.tokenHash) m.del(k.token(hash.tokenHash)); // an older, unnamed token's index
    if (hash.email) m.del(k.email(hash.email));
    if (hash.oidc) m.del(k.oidc(hash.oidc));
    if (hash.resetHash) m.del(k.reset(hash.resetHash));
    await m.exec();
    return true;
  }

  async setRole(name: string, role: Role): Promise<void> {
    await this.redis.hset(this.keys.user(name), 'role', role);
  }

  async setEmail(
    name: string,
    email: string | null,
    current: string | null,
  ): Promise<'changed' | 'taken' | 'stale'> {
    const k = this.keys;
    const done = await this.redis.laysumSetEmail(
      k.user(name),
      k.email(email ?? ''),
      k.email(current ?? ''),
      name,
      email ?? '',
      current ?? '',
    );
    return done === 1 ? 'changed' : done === 0 ? 'taken' : 'stale';
  }

  async withPasswordHash(name: string): Promise<{ user: StoredUser | null; passwordHash: string | null }> {
    const hash = await this.record(name);
    return { user: toUser(name, hash), passwordHash: hash.passwordHash ?? null };
  }

  async setToken(name: string, tokenHash: string, stamp: string): Promise<void> {
    const key = this.keys.user(name);
    const older = await this.redis.hget(key, 'tokenHash');
    const m = this.redis.multi().hset(key, { namedTokenHash: tokenHash, stamp });
    if (older) m.hdel(key, 'tokenHash').del(this.keys.token(older));
    await m.exec();
  }

  nameForOlderToken(tokenHash: string): Promise<string | null> {
    return this.redis.get(this.keys.token(tokenHash));
  }

  async linkedName(link: string): Promise<string | null> {
    const name = await this.redis.get(this.keys.oidc(link));
    // A link must be the one its account names: a removed and re-created account starts unlinked.
    const current = name ? await this.redis.hget(this.keys.user(name), 'oidc') : null;
    return current === link ? name : null;
  }

  async setLink(name: string, link: string): Promise<void> {
    const previous = await this.redis.hget(this.keys.user(name), 'oidc');
    const m = this.redis.multi();
    if (previous && previous !== link) m.del(this.keys.oidc(previous));
    await m.set(this.keys.oidc(link), name).hset(this.keys.user(name), 'oidc', link).exec();
  }

  async saveResetLink(name: string, hash: string, expiresAtMs: number): Promise<void> {
    const userKey = this.keys.user(name);
    const previous = await this.redis.hget(userKey, 'resetHash');
    const m = this.redis.multi();
    if (previous) m.del(this.keys.reset(previous));
    await m
      .hset(this.keys.reset(hash), { name, expiresAt: String(expiresAtMs) })
      .pexpireat(this.keys.reset(hash), expiresAtMs)
      .hset(userKey, 'resetHash', hash)
      .exec();
  }

  async resetLink(hash: string): Promise<ResetRecord | null> {
    const link = await this.redis.hgetall(this.keys.reset(hash));
    if (!link.name) return null;
    const current = await this.redis.hget(this.keys.user(link.name), 'resetHash');
    return { name: link.name, expiresAtMs: Number(link.expiresAt), latest: current === hash };
  }

  async useResetLink(
    hash: string,
    change: { name: string; passwordHash: string; stamp: string; nowMs: number },
  ): Promise<boolean> {
    const done = await this.redis.laysumUseReset(
      this.keys.reset(hash),
      this.keys.user(change.name),
      change.name,
      change.passwordHash,
      change.stamp,
      String(change.nowMs),
      hash,
      new Date(change.nowMs).toISOString(),
    );
    return done === 1;
  }

  /** The account's hash; empty for a name no account can have. */
  private async record(name: string): Promise<Record<string, string>> {
    return UserName.safeParse(name).success ? this.redis.hgetall(this.keys.user(name)) : {};
  }
}

function toUser(name: string, hash: Record<string, string>): StoredUser | null {
  const role = Role.safeParse(hash.role);
  // Accounts made before stamps existed: the token's hash ties their sessions.
  const stamp = hash.stamp ?? hash.tokenHash;
  if (!role.success || !stamp) return null;
  const tokenHash = hash.namedTokenHash ?? hash.tokenHash ?? null;
  return {
    name,
    role: role.data,
    createdAt: hash.createdAt ?? '',
    email: hash.email ?? null,
    password: Boolean(hash.passwordHash),
    token: hash.namedTokenHash ? 'named' : hash.tokenHash ? 'unnamed' : null,
    sso: Boolean(hash.oidc),
    tokenHash,
    stamp,
  };
}
