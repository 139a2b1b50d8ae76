/**
 * The store's Lua scripts as ioredis custom commands. Each script is a file in
 * ./lua/ that opens with its inputs and output; the files are read once per
 * process from the project root (the same path from src/ under tsx and vitest
 * and from a bundle in dist/) and defined once per connection, after which
 * ioredis runs them by EVALSHA, falling back to EVAL when Redis lacks them.
 */
import { readFileSync } from 'node:fs';
import { projectPath } from '../config/paths.ts';
import { LaySumError } from '../errors/laysum-error.ts';
import type { RedisClient } from './redis-client.ts';

type Arg = string | number;

/** The commands, typed; only a connection returned by `storeCommands` has them. */
export interface StoreCommands {
  /** lua/create-paper.lua: 5 fixed keys, then the identity keys. */
  laysumCreatePaper(numKeys: number, ...keysAndArgs: Arg[]): Promise<[number, string]>;
  /** lua/transition.lua */
  laysumTransition(
    ...args: [paper: string, stateIndex: string, audit: string, auditLog: string, ...argv: Arg[]]
  ): Promise<string>;
  /** lua/add-draft.lua */
  laysumAddDraft(
    ...args: [paper: string, drafts: string, audit: string, auditLog: string, ...argv: Arg[]]
  ): Promise<[version: number, indexed: number] | string>;
  /** lua/decide.lua */
  laysumDecide(
    ...args: [
      paper: string,
      stateIndex: string,
      audit: string,
      auditLog: string,
      drafts: string,
      decided: string,
      ...argv: Arg[],
    ]
  ): Promise<string>;
  /** lua/publish.lua */
  laysumPublish(
    ...args: [
      paper: string,
      stateIndex: string,
      audit: string,
      auditLog: string,
      drafts: string,
      publicIndex: string,
      generation: string,
      changes: string,
      decided: string,
      ...argv: Arg[],
    ]
  ): Promise<string>;
  /** lua/unpublish.lua */
  laysumUnpublish(
    ...args: [
      paper: string,
      stateIndex: string,
      audit: string,
      auditLog: string,
      publicIndex: string,
      generation: string,
      changes: string,
      decided: string,
      ...argv: Arg[],
    ]
  ): Promise<string>;
  /** lua/set-record.lua: 4 fixed keys, then the identity keys. */
  laysumSetRecord(numKeys: number, ...keysAndArgs: Arg[]): Promise<string>;
  /** lua/index-paper.lua */
  laysumIndexPaper(
    memoKey: string,
    prefix: string,
    id: string,
    memo: string,
    full: '' | '1',
  ): Promise<number>;
  /** lua/query-index.lua: two scratch keys, the papers by time, then the filters and options. */
  laysumQueryIndex(
    ...args: [scratch: string, scratch2: string, papersByTime: string, ...argv: Arg[]]
  ): Promise<[number, ...string[]]>;
  /** lua/sliding-window.lua */
  laysumSlidingWindow(window: string, max: number, windowMs: number, requestId: string): Promise<number>;
  /** lua/claim.lua */
  laysumClaim(
    claim: string,
    actor: string,
    now: string,
    ttlMs: number,
    takeOver: '0' | '1',
  ): Promise<[outcome: string, claim: string, previous: string]>;
  /** lua/release.lua */
  laysumRelease(claim: string, actor: string): Promise<number>;
  /** lua/llm-acquire.lua */
  laysumLlmAcquire(
    ...args: [requests: string, tokens: string, inFlight: string, pause: string, pace: string, ...argv: Arg[]]
  ): Promise<[number, string]>;
  /** lua/lease.lua */
  laysumLease(lease: string, token: string, ttlMs: number): Promise<number>;
  /** lua/hash-add.lua: the hashes, then the expiry and the additions. */
  laysumHashAdd(numKeys: number, ...keysAndArgs: Arg[]): Promise<number>;
  /** lua/llm-settle.lua */
  laysumLlmSettle(
    ...args: [tokens: string, inFlight: string, requests: string, ...argv: Arg[]]
  ): Promise<number>;
}

export type StoreRedis = RedisClient & StoreCommands;

/** Script name -> file and fixed key count (undefined: the caller passes the count first). */
const COMMANDS = {
  laysumCreatePaper: { file: 'create-paper.lua', numberOfKeys: undefined },
  laysumTransition: { file: 'transition.lua', numberOfKeys: 4 },
  laysumAddDraft: { file: 'add-draft.lua', numberOfKeys: 4 },
  laysumDecide: { file: 'decide.lua', numberOfKeys: 6 },
  laysumPublish: { file: 'publish.lua', numberOfKeys: 9 },
  laysumUnpublish: { file: 'unpublish.lua', numberOfKeys: 8 },
  laysumSetRecord: { file: 'set-record.lua', numberOfKeys: undefined },
  laysumIndexPaper: { file: 'index-paper.lua', numberOfKeys: 1 },
  laysumQueryIndex: { file: 'query-index.lua', numberOfKeys: 3 },
  laysumSlidingWindow: { file: 'sliding-window.lua', numberOfKeys: 1 },
  laysumClaim: { file: 'claim.lua', numberOfKeys: 1 },
  laysumRelease: { file: 'release.lua', numberOfKeys: 1 },
  laysumLlmAcquire: { file: 'llm-acquire.lua', numberOfKeys: 5 },
  laysumLlmSettle: { file: 'llm-settle.lua', numberOfKeys: 3 },
  laysumHashAdd: { file: 'hash-add.lua', numberOfKeys: undefined },
  laysumLease: { file: 'lease.lua', numberOfKeys: 1 },
} as const satisfies Record<keyof StoreCommands, { file: string; numberOfKeys: number | undefined }>;

export const LUA_DIR = projectPath('src', 'store', 'lua');

const sources = new Map<string, string>();
const defined = new WeakSet<RedisClient>();

/** A script's text, read once; a missing file says where it was looked for. */
export function luaSource(file: string): string {
  const path = `${LUA_DIR}/${file}`;
  let source = sources.get(path);
  if (source === undefined) {
    try {
      source = readFileSync(path, 'utf8');
    } catch (err) {
      throw new LaySumError(`Cannot read the Redis script ${path}.`, {
        hint: 'Run LaySum from its own folder: the scripts ship beside the code in src/store/lua.',
        cause: err,
      });
    }
    // `--#include other.lua` lines are replaced by that file (shared Lua functions).
    source = source.replace(/^--#include (\S+)$/gm, (_, name: string) => luaSource(name));
    sources.set(path, source);
  }
  return source;
}

/** The connection with the store's commands defined on it (once per connection). */
export function storeCommands(redis: RedisClient): StoreRedis {
  if (!defined.has(redis)) {
    for (const [name, { file, numberOfKeys }] of Object.entries(COMMANDS)) {
      const lua = luaSource(file);
      redis.defineCommand(name, numberOfKeys === undefined ? { lua } : { lua, numberOfKeys });
    }
    defined.add(redis);
  }
  // defineCommand added exactly the methods StoreCommands declares.
  return redis as StoreRedis;
}
