/** The accounts' Redis scripts (./lua/add-user.lua, set-email.lua, use-reset.lua) as ioredis commands, defined once per connection. */
import { readFileSync } from 'node:fs';
import { projectPath } from '../config/paths.ts';
import type { RedisClient } from './redis-client.ts';

export interface UserCommands {
  /** lua/add-user.lua: 1 created, 0 name taken, 2 email taken. */
  laysumAddUser(
    user: string,
    users: string,
    email: string,
    role: string,
    tokenHash: string,
    createdAt: string,
    name: string,
    emailAddress: string,
    stamp: string,
  ): Promise<number>;
  /** lua/set-email.lua: 1 changed, 0 taken, -1 read again. */
  laysumSetEmail(
    user: string,
    newKey: string,
    oldKey: string,
    name: string,
    email: string,
    current: string,
  ): Promise<number>;
  /** lua/use-reset.lua: 1 the password is set, 0 the link is spent or invalid. */
  laysumUseReset(
    reset: string,
    user: string,
    name: string,
    passwordHash: string,
    stamp: string,
    nowMs: string,
    resetHash: string,
    nowIso: string,
  ): Promise<number>;
}

const SCRIPTS: Record<keyof UserCommands, { file: string; keys: number }> = {
  laysumAddUser: { file: 'add-user.lua', keys: 3 },
  laysumSetEmail: { file: 'set-email.lua', keys: 3 },
  laysumUseReset: { file: 'use-reset.lua', keys: 2 },
};

const sources = new Map<string, string>();
const defined = new WeakSet<RedisClient>();

export function userCommands(redis: RedisClient): RedisClient & UserCommands {
  if (!defined.has(redis)) {
    for (const [name, { file, keys }] of Object.entries(SCRIPTS)) {
      let lua = sources.get(file);
      if (lua === undefined) {
        lua = readFileSync(projectPath('src', 'store', 'lua', file), 'utf8');
        sources.set(file, lua);
      }
      redis.defineCommand(name, { numberOfKeys: keys, lua });
    }
    defined.add(redis);
  }
  // defineCommand added exactly the methods UserCommands declares.
  return redis as RedisClient & UserCommands;
}
