/**
 * Accounts in Redis: `users add` makes a token and keeps only its hash;
 * `authenticate` maps a presented token back to its user. A removed user's
 * token and sessions stop working at once.
 */
import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { projectPath } from '../config/paths.ts';
import { InputError } from '../errors/input-error.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { type UserKeys, userKeys } from './keys.ts';
import { Role } from './roles.ts';
import { hashToken, newToken, plausibleToken, sameSecret } from './tokens.ts';

export const UserName = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_.-]{0,63}$/i,
    'use 1-64 letters, digits, "_", "." or "-", starting with a letter or digit',
  );

export interface User {
  name: string;
  role: Role;
  createdAt: string;
}

/** A user with the hash of their token, for checks that must tie a session to the current token. */
export interface StoredUser extends User {
  tokenHash: string;
}

/** lua/add-user.lua as an ioredis command: the account, its token index and its listing entry at once. */
interface UserCommands {
  laysumAddUser(
    user: string,
    token: string,
    users: string,
    role: string,
    tokenHash: string,
    createdAt: string,
    name: string,
  ): Promise<number>;
}

const ADD_USER_LUA = projectPath('src', 'users', 'lua', 'add-user.lua');
let addUserSource: string | undefined;

function userCommands(redis: Redis): Redis & UserCommands {
  if (!('laysumAddUser' in redis)) {
    addUserSource ??= readFileSync(ADD_USER_LUA, 'utf8');
    redis.defineCommand('laysumAddUser', { numberOfKeys: 3, lua: addUserSource });
  }
  // defineCommand added exactly the method UserCommands declares.
  return redis as Redis & UserCommands;
}

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

  /** Create an account; returns the token, which is never stored or shown again. */
  async add(name: string, role: string): Promise<{ user: User; token: string }> {
    const validName = parseName(name);
    const validRole = Role.safeParse(role);
    if (!validRole.success) {
      throw new InputError(`Unknown role "${role}".`, { hint: `Use one of: ${Role.options.join(', ')}.` });
    }
    const token = newToken();
    const tokenHash = hashToken(token);
    const createdAt = new Date().toISOString();
    const k = this.keys;
    const added = await this.scripts.laysumAddUser(
      k.user(validName),
      k.token(tokenHash),
      k.users,
      validRole.data,
      tokenHash,
      createdAt,
      validName,
    );
    if (added !== 1) {
      throw new InputError(`A user named "${validName}" already exists.`, {
        hint: `Pick another name, or \`laysum users remove ${validName}\` first to issue a new token.`,
      });
    }
    return { user: { name: validName, role: validRole.data, createdAt }, token };
  }

  async get(name: string): Promise<StoredUser | null> {
    if (!UserName.safeParse(name).success) return null;
    const hash = await this.redis.hgetall(this.keys.user(name));
    const role = Role.safeParse(hash.role);
    if (!role.success || !hash.tokenHash) return null;
    return { name, role: role.data, tokenHash: hash.tokenHash, createdAt: hash.createdAt ?? '' };
  }

  async list(): Promise<User[]> {
    const names = (await this.redis.smembers(this.keys.users)).sort();
    const users = await Promise.all(names.map((n) => this.get(n)));
    return users
      .filter((u): u is StoredUser => u !== null)
      .map(({ name, role, createdAt }) => ({ name, role, createdAt }));
  }

  async remove(name: string): Promise<void> {
    const user = await this.get(name);
    if (!user)
      throw new NotFoundError('user', name, 'Check the name; `laysum users list` shows the accounts.');
    const k = this.keys;
    await this.redis.multi().del(k.user(name)).del(k.token(user.tokenHash)).srem(k.users, name).exec();
  }

  /** Change a user's role; their token and sessions stay valid and take the new role at once. */
  async setRole(name: string, role: string): Promise<User> {
    const validRole = Role.safeParse(role);
    if (!validRole.success) {
      throw new InputError(`Unknown role "${role}".`, { hint: `Use one of: ${Role.options.join(', ')}.` });
    }
    const user = await this.get(name);
    if (!user)
      throw new NotFoundError('user', name, 'Check the name; `laysum users list` shows the accounts.');
    await this.redis.hset(this.keys.user(name), 'role', validRole.data);
    return { name: user.name, role: validRole.data, createdAt: user.createdAt };
  }

  /** The user a token belongs to, or null for an unknown, malformed or revoked token. */
  async authenticate(token: string): Promise<StoredUser | null> {
    if (!plausibleToken(token)) return null;
    const tokenHash = hashToken(token);
    const name = await this.redis.get(this.keys.token(tokenHash));
    if (!name) return null;
    const user = await this.get(name);
    return user && sameSecret(user.tokenHash, tokenHash) ? user : null;
  }
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
