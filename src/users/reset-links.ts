/**
 * One-time links that set an account's password: an admin makes one (CLI,
 * desk or API) and hands it over; the first person to open it chooses the
 * password, which ends the account's other sessions. A link works once,
 * until it expires, and only while it is the account's latest: making a new
 * one voids the old. Redis keeps only the hash of the link's secret.
 */
import type { Redis } from 'ioredis';
import type { Config } from '../config/env.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { type UserKeys, userKeys } from './keys.ts';
import { assertPasswordRules, hashPassword } from './passwords.ts';
import { type UserCommands, userCommands } from './scripts.ts';
import type { StoredUser, UserStore } from './store.ts';
import { hashToken, newSecret, plausibleToken } from './tokens.ts';

/** The path of the page that opens a link; its secret goes in the query (request logs keep paths only). */
export const RESET_PATH = '/login/reset';

export interface ResetLink {
  name: string;
  /** The full link to hand over; it carries the secret. */
  url: string;
  expiresAt: string;
}

export class ResetLinks {
  private readonly keys: UserKeys;
  private readonly scripts: Redis & UserCommands;
  constructor(
    private readonly users: UserStore,
    prefix: string,
    private readonly baseUrl: string,
    private readonly ttlSeconds: number,
  ) {
    this.keys = userKeys(prefix);
    this.scripts = userCommands(users.redis);
  }

  /** A new link for the account (any earlier link stops working). */
  async create(name: string): Promise<ResetLink> {
    const user = await this.users.get(name);
    if (!user)
      throw new NotFoundError('user', name, 'Check the name; `laysum users list` shows the accounts.');
    const secret = newSecret();
    const hash = hashToken(secret);
    const expiresAtMs = Date.now() + this.ttlSeconds * 1000;
    const userKey = this.keys.user(name);
    const previous = await this.users.redis.hget(userKey, 'resetHash');
    const m = this.users.redis.multi();
    if (previous) m.del(this.keys.reset(previous));
    await m
      .hset(this.keys.reset(hash), { name, expiresAt: String(expiresAtMs) })
      .pexpireat(this.keys.reset(hash), expiresAtMs)
      .hset(userKey, 'resetHash', hash)
      .exec();
    const url = `${this.baseUrl}${RESET_PATH}?token=${encodeURIComponent(secret)}`;
    return { name, url, expiresAt: new Date(expiresAtMs).toISOString() };
  }

  /** The account a link is for while it can still be used; null for a used, expired, replaced or unknown link. */
  async peek(secret: string): Promise<string | null> {
    if (!plausibleToken(secret)) return null;
    const hash = hashToken(secret);
    const link = await this.users.redis.hgetall(this.keys.reset(hash));
    if (!link.name || Number(link.expiresAt) <= Date.now()) return null;
    const current = await this.users.redis.hget(this.keys.user(link.name), 'resetHash');
    return current === hash ? link.name : null;
  }

  /**
   * Set the password through the link, once. Throws InputError for a password
   * that breaks the rules (the link stays usable); null when the link is spent.
   */
  async use(secret: string, password: string): Promise<StoredUser | null> {
    const name = await this.peek(secret);
    if (!name) return null;
    assertPasswordRules(password, name);
    const hash = hashToken(secret);
    const now = Date.now();
    const done = await this.scripts.laysumUseReset(
      this.keys.reset(hash),
      this.keys.user(name),
      name,
      await hashPassword(password),
      newSecret(),
      String(now),
      hash,
      new Date(now).toISOString(),
    );
    return done === 1 ? this.users.get(name) : null;
  }
}

/** The deployment's reset links: PUBLIC_BASE_URL for the address, RESET_LINK_TTL_S for how long they work. */
export function resetLinks(users: UserStore, config: Config): ResetLinks {
  return new ResetLinks(
    users,
    config.redis.prefix,
    config.http.publicBaseUrl,
    config.http.resetLinkTtlSeconds,
  );
}
