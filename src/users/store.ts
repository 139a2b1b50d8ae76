/**
 * Accounts in Redis. An account has a role and any of three ways to sign in:
 * an API token (for scripts; only its hash is kept), a password (set through
 * a one-time link, ./reset-links.ts; only its scrypt hash is kept) and a link
 * to the team's identity provider (./oidc-accounts.ts). A removed user's
 * credentials and sessions stop working at once.
 */
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { InputError } from '../errors/input-error.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { type UserKeys, userKeys } from './keys.ts';
import { verifyPassword } from './passwords.ts';
import { Role } from './roles.ts';
import { type UserCommands, userCommands } from './scripts.ts';
import { hashToken, newSecret, newToken, plausibleToken, sameSecret, tokenAccount } from './tokens.ts';

export const UserName = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_.-]{0,63}$/i,
    'use 1-64 letters, digits, "_", "." or "-", starting with a letter or digit',
  );

const Email = z.email().max(254);

export interface User {
  name: string;
  role: Role;
  createdAt: string;
  email: string | null;
  /** How the account can sign in: a password is set; its token names the account (or is of the older form); linked to single sign-on. */
  password: boolean;
  token: 'named' | 'unnamed' | null;
  sso: boolean;
}

/** A user with what ties a session to the account's current credentials. */
export interface StoredUser extends User {
  tokenHash: string | null;
  /** Changes when the account's sessions must end (token reissued, password set, account re-created). */
  stamp: string;
}

const notFound = (name: string) =>
  new NotFoundError('user', name, 'Check the name; `laysum users list` shows the accounts.');

export class UserStore {
  readonly keys: UserKeys;
  private readonly scripts: Redis & UserCommands;
  constructor(
    readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = userKeys(prefix);
    this.scripts = userCommands(redis);
  }

  /** Create an account with a token; returns the token, which is never stored or shown again. */
  async add(
    name: string,
    role: string,
    options: { email?: string } = {},
  ): Promise<{ user: User; token: string }> {
    const validName = parseName(name);
    const token = newToken(validName);
    const user = await this.create(validName, role, { email: options.email, tokenHash: hashToken(token) });
    return { user, token };
  }

  /** Create an account; without a token hash it signs in only by password or single sign-on. */
  async create(
    name: string,
    role: string,
    o: { email?: string | undefined; tokenHash?: string },
  ): Promise<User> {
    const validName = parseName(name);
    const validRole = parseRole(role);
    const email = o.email === undefined || o.email.trim() === '' ? '' : parseEmail(o.email);
    const createdAt = new Date().toISOString();
    const k = this.keys;
    const added = await this.scripts.laysumAddUser(
      k.user(validName),
      k.users,
      k.email(email),
      validRole,
      o.tokenHash ?? '',
      createdAt,
      validName,
      email,
      newSecret(),
    );
    if (added === 0)
      throw new InputError(`A user named "${validName}" already exists.`, {
        hint: `Pick another name, or \`laysum users remove ${validName}\` first.`,
      });
    if (added === 2)
      throw new InputError(`Another account already has the email ${email}.`, {
        hint: 'Each email signs in to one account: `laysum users list` shows whose it is.',
      });
    const token = o.tokenHash ? 'named' : null;
    return {
      name: validName,
      role: validRole,
      createdAt,
      email: email || null,
      password: false,
      token,
      sso: false,
    };
  }

  async get(name: string): Promise<StoredUser | null> {
    if (!UserName.safeParse(name).success) return null;
    return toUser(name, await this.redis.hgetall(this.keys.user(name)));
  }

  /** The account a sign-in name refers to: a user name, or an account's email. */
  async nameFor(login: string): Promise<string | null> {
    const trimmed = login.trim();
    if (trimmed.includes('@')) return this.redis.get(this.keys.email(trimmed));
    return UserName.safeParse(trimmed).success ? trimmed : null;
  }

  async list(): Promise<User[]> {
    const names = (await this.redis.smembers(this.keys.users)).sort();
    const users = await Promise.all(names.map((n) => this.get(n)));
    return users.filter((u): u is StoredUser => u !== null).map(publicUser);
  }

  async remove(name: string): Promise<void> {
    const hash = UserName.safeParse(name).success ? await this.redis.hgetall(this.keys.user(name)) : {};
    if (!toUser(name, hash)) throw notFound(name);
    const k = this.keys;
    const m = this.redis.multi().del(k.user(name)).srem(k.users, name);
    if (hash.tokenHash) m.del(k.token(hash.tokenHash)); // an older, unnamed token's index
    if (hash.email) m.del(k.email(hash.email));
    if (hash.oidc) m.del(k.oidc(hash.oidc));
    if (hash.resetHash) m.del(k.reset(hash.resetHash));
    await m.exec();
  }

  /** Change a user's role; their credentials and sessions stay valid and take the new role at once. */
  async setRole(name: string, role: string): Promise<User> {
    const validRole = parseRole(role);
    const user = await this.get(name);
    if (!user) throw notFound(name);
    await this.redis.hset(this.keys.user(name), 'role', validRole);
    return publicUser({ ...user, role: validRole });
  }

  /** Set or clear (null) the email an account signs in with and is matched to single sign-on by. */
  async setEmail(name: string, email: string | null): Promise<User> {
    const address = email === null || email.trim() === '' ? '' : parseEmail(email);
    const user = await this.get(name);
    if (!user) throw notFound(name);
    const k = this.keys;
    const current = user.email ?? '';
    const done = await this.scripts.laysumSetEmail(
      k.user(name),
      k.email(address),
      k.email(current),
      name,
      address,
      current,
    );
    if (done === 0)
      throw new InputError(`Another account already has the email ${address}.`, {
        hint: 'Each email signs in to one account: `laysum users list` shows whose it is.',
      });
    if (done !== 1) throw notFound(name);
    return publicUser({ ...user, email: address || null });
  }

  /** A new token for the account (the old one stops working, and so do its web sessions). */
  async reissueToken(name: string): Promise<string> {
    const user = await this.get(name);
    if (!user) throw notFound(name);
    const token = newToken(name);
    const key = this.keys.user(name);
    const m = this.redis.multi().hset(key, { namedTokenHash: hashToken(token), stamp: newSecret() });
    // An older, unnamed token goes with its index.
    if (user.token === 'unnamed' && user.tokenHash)
      m.hdel(key, 'tokenHash').del(this.keys.token(user.tokenHash));
    await m.exec();
    return token;
  }

  /** The user a token belongs to, or null for an unknown, malformed or revoked token. */
  async authenticate(token: string): Promise<StoredUser | null> {
    if (!plausibleToken(token)) return null;
    const tokenHash = hashToken(token);
    // A named token is checked against its account; an older one is found through its index.
    const name = tokenAccount(token) ?? (await this.redis.get(this.keys.token(tokenHash)));
    const user = name ? await this.get(name) : null;
    return user?.tokenHash && sameSecret(user.tokenHash, tokenHash) ? user : null;
  }

  /** The account if `password` is its password; null otherwise (with the same work done for an unknown name). */
  async checkPassword(name: string, password: string): Promise<StoredUser | null> {
    const hash = UserName.safeParse(name).success ? await this.redis.hgetall(this.keys.user(name)) : {};
    const matches = await verifyPassword(password, hash.passwordHash);
    return matches ? toUser(name, hash) : null;
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

/** How an account can sign in, in words: "password", "token" (or "token of the older form"), "single sign-on". */
export function signInWays(u: User): string[] {
  const token = u.token === 'named' ? 'token' : u.token === 'unnamed' ? 'token of the older form' : null;
  return [u.password ? 'password' : null, token, u.sso ? 'single sign-on' : null].filter(
    (w): w is string => w !== null,
  );
}

export function publicUser(user: User): User {
  const { name, role, createdAt, email, password, token, sso } = user;
  return { name, role, createdAt, email, password, token, sso };
}

function parseRole(role: string): Role {
  const valid = Role.safeParse(role);
  if (!valid.success)
    throw new InputError(`Unknown role "${role}".`, { hint: `Use one of: ${Role.options.join(', ')}.` });
  return valid.data;
}

function parseEmail(email: string): string {
  const parsed = Email.safeParse(email.trim());
  if (!parsed.success)
    throw new InputError(`"${email}" is not an email address.`, { hint: 'Give it as name@example.org.' });
  return parsed.data.toLowerCase();
}

function parseName(name: string): string {
  const parsed = UserName.safeParse(name.trim());
  if (!parsed.success) {
    throw new InputError(`"${name}" is not a valid user name.`, {
      hint: parsed.error.issues[0]?.message ?? 'Use letters and digits.',
    });
  }
  return parsed.data;
}
